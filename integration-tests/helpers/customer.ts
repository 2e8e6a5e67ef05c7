/**
 * A storefront customer created through Medusa's own store auth, as a storefront does:
 * register an identity, create the customer with that token, log in.
 */
export async function registerCustomer(api: any, publishableKey: string, email: string, password = "secret-pass-1") {
  const pk = { "x-publishable-api-key": publishableKey }
  const reg = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: email.split("@")[0] },
    { headers: { ...pk, authorization: `Bearer ${reg.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customer: created.data.customer as { id: string; email: string },
    headers: { headers: { ...pk, authorization: `Bearer ${login.data.token}` } },
  }
}
