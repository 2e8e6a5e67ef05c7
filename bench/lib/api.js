// A small HTTP client for the store under test (Node's fetch), and the store fixtures the
// scenarios need, made through Medusa's own admin and store APIs.
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"

class Api {
  constructor(baseUrl, publishableKey) {
    this.baseUrl = baseUrl
    this.publishableKey = publishableKey
    this.token = null
  }

  async login() {
    const res = await this.raw("POST", "/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
    this.token = res.body.token
  }

  get adminHeaders() {
    return { authorization: `Bearer ${this.token}` }
  }

  get storeHeaders() {
    return { "x-publishable-api-key": this.publishableKey }
  }

  /** One request; returns { status, body, ms }. */
  async raw(method, path, body, headers = {}, contentType = "application/json") {
    const started = process.hrtime.bigint()
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(body !== undefined ? { "content-type": contentType } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    const text = await res.text()
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    let parsed = text
    try {
      parsed = JSON.parse(text)
    } catch {}
    return { status: res.status, body: parsed, ms }
  }

  async ok(method, path, body, headers, contentType) {
    const res = await this.raw(method, path, body, headers, contentType)
    if (res.status >= 300) {
      const msg = typeof res.body === "string" ? res.body : JSON.stringify(res.body)
      throw new Error(`${method} ${path} answered ${res.status}: ${msg.slice(0, 500)}`)
    }
    return res
  }

  admin(method, path, body) {
    return this.ok(method, path, body, this.adminHeaders)
  }

  store(method, path, body) {
    return this.ok(method, path, body, this.storeHeaders)
  }
}

/** What the demo seed made, found through the admin API. */
async function readStore(api) {
  const [{ body: loc }, { body: prof }, { body: sc }, { body: reg }] = await Promise.all([
    api.admin("GET", "/admin/stock-locations?name=Demo%20Warehouse"),
    api.admin("GET", "/admin/shipping-profiles?type=default"),
    api.admin("GET", "/admin/sales-channels?name=Default%20Sales%20Channel"),
    api.admin("GET", "/admin/regions?name=Europe"),
  ])
  return {
    locationId: loc.stock_locations[0].id,
    shippingProfileId: prof.shipping_profiles[0].id,
    salesChannelId: sc.sales_channels[0].id,
    regionId: reg.regions[0].id,
  }
}

/** A published product with one variant; returns { productId, variantId, inventoryItemId }. */
async function createVariant(api, store, { title, sku, stock = 0 }) {
  const { body } = await api.admin("POST", "/admin/products", {
    title,
    status: "published",
    shipping_profile_id: store.shippingProfileId,
    sales_channels: [{ id: store.salesChannelId }],
    options: [{ title: "Default", values: ["Default"] }],
    variants: [
      {
        title,
        sku,
        manage_inventory: true,
        options: { Default: "Default" },
        prices: [{ amount: 100, currency_code: "eur" }],
      },
    ],
  })
  const product = body.product
  const variant = product.variants[0]
  const { body: inv } = await api.admin("GET", `/admin/inventory-items?sku=${encodeURIComponent(sku)}`)
  const inventoryItemId = inv.inventory_items[0].id
  if (stock > 0) {
    await api.admin("POST", `/admin/inventory-items/${inventoryItemId}/location-levels`, {
      location_id: store.locationId,
      stocked_quantity: stock,
    })
  }
  return { productId: product.id, variantId: variant.id, inventoryItemId, sku }
}

async function serialize(api, variantId, { seriesId = null, policy = "auto" } = {}) {
  await api.admin("POST", `/admin/serial-settings/${variantId}`, {
    is_serialized: true,
    ...(seriesId ? { series_id: seriesId } : {}),
    warranty: { value: 12, unit: "month" },
    fulfillment_policy: policy,
  })
}

/** Places an order through the store API, as a shopper does; returns { orderId, lineItemId }. */
async function placeOrder(api, store, variantId, quantity, email = "bench@example.com") {
  const { body: c } = await api.store("POST", "/store/carts", {
    region_id: store.regionId,
    email,
    shipping_address: {
      first_name: "Ada",
      last_name: "Lovelace",
      address_1: "Werkstrasse 2",
      city: "Berlin",
      country_code: "de",
      postal_code: "10115",
    },
    items: [{ variant_id: variantId, quantity }],
  })
  const cartId = c.cart.id
  const { body: so } = await api.store("GET", `/store/shipping-options?cart_id=${cartId}`)
  const option = so.shipping_options.find((o) => o.name === "Standard Shipping") ?? so.shipping_options[0]
  await api.store("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: option.id })
  const { body: pc } = await api.store("POST", "/store/payment-collections", { cart_id: cartId })
  await api.store("POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const { body: done } = await api.store("POST", `/store/carts/${cartId}/complete`)
  if (done.type !== "order") {
    throw new Error(`Cart ${cartId} did not complete: ${JSON.stringify(done).slice(0, 300)}`)
  }
  return { orderId: done.order.id, lineItemId: done.order.items[0].id }
}

module.exports = { Api, readStore, createVariant, serialize, placeOrder }
