import Medusa from "@medusajs/js-sdk"

// The dashboard serves the admin from the same origin as the API.
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
