/** The address every test shopper ships to (in Germany: the test stores' regions include de). */
export const SHOPPER_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "Hauptstr. 1",
  city: "Berlin",
  country_code: "de",
  postal_code: "10115",
}
