// HTTP against a store started by startStore() (a separate process): the admin API with
// the demo admin's token, and a storefront checkout as a registered customer.
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningStore } from "./browser"
import { SHOPPER_ADDRESS } from "./shopper"

type Json = Record<string, any>

async function call(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(url, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  const data = text ? JSON.parse(text) : {}
  if (!res.ok) {
    throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}: ${text.slice(0, 500)}`)
  }
  return data as Json
}

/** A file sent as `multipart/form-data`, the way a browser's file input sends it. */
export type UploadFile = { name: string; type: string; content: Buffer }

export type Api = {
  get: (path: string) => Promise<Json>
  post: (path: string, body?: unknown) => Promise<Json>
  upload: (path: string, field: string, files: UploadFile[]) => Promise<Json>
}

function client(base: string, headers: Record<string, string>): Api {
  return {
    get: (path) => call(`${base}${path}`, { headers }),
    post: (path, body = {}) => call(`${base}${path}`, { method: "POST", body, headers }),
    upload: async (path, field, files) => {
      const form = new FormData()
      files.forEach((f) => form.append(field, new Blob([f.content], { type: f.type }), f.name))
      const res = await fetch(`${base}${path}`, { method: "POST", body: form, headers })
      const text = await res.text()
      if (!res.ok) {
        throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 500)}`)
      }
      return JSON.parse(text) as Json
    },
  }
}

/** The admin API as the demo admin. */
export async function adminApi(store: RunningStore): Promise<Api> {
  const { token } = await call(`${store.url}/auth/user/emailpass`, { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  return client(store.url, { authorization: `Bearer ${token}` })
}

/** A registered storefront customer and the store API with their token. */
export async function registerShopper(store: RunningStore, email: string, password = "secret-pass-1") {
  const pk = { "x-publishable-api-key": store.publishableKey }
  const reg = await call(`${store.url}/auth/customer/emailpass/register`, { body: { email, password } })
  const { customer } = await call(`${store.url}/store/customers`, {
    body: { email, first_name: "Ada", last_name: "Lovelace" },
    headers: { ...pk, authorization: `Bearer ${reg.token}` },
  })
  const login = await call(`${store.url}/auth/customer/emailpass`, { body: { email, password } })
  return { customer: customer as { id: string; email: string }, api: client(store.url, { ...pk, authorization: `Bearer ${login.token}` }) }
}

/** Checks out a cart of the given variants as the shopper; answers the order. */
export async function checkout(shop: Api, items: Array<{ variant_id: string; quantity: number }>) {
  const { regions } = await shop.get("/store/regions")
  const address = SHOPPER_ADDRESS
  const { cart } = await shop.post("/store/carts", { region_id: regions[0].id, shipping_address: address, billing_address: address })
  for (const item of items) {
    await shop.post(`/store/carts/${cart.id}/line-items`, item)
  }
  const { shipping_options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
  await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await shop.post("/store/payment-collections", { cart_id: cart.id })
  await shop.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await shop.post(`/store/carts/${cart.id}/complete`)
  if (done.type !== "order") {
    throw new Error(`The cart did not become an order: ${JSON.stringify(done).slice(0, 500)}`)
  }
  return done.order as { id: string; display_id: number; items: Array<{ id: string; variant_id: string; quantity: number }> }
}
