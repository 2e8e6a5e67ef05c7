import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  confirmVariantInventoryWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createOrderWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReservationsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOPPER_ADDRESS } from "./shopper"

/**
 * A small store built with Medusa's own workflows: a region (EUR, Germany, system
 * payment), a sales channel selling from two stock locations, a shipping profile and a
 * manual shipping option from the first location.
 */
export type TestStore = {
  region: any
  salesChannel: any
  locationA: any
  locationB: any
  shippingProfile: any
  shippingOption: any
  publishableKey: string
}

export async function createStore(container: MedusaContainer): Promise<TestStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Warehouse A" }, { name: "Warehouse B" }] },
  })
  const [locationA, locationB] = locations
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const salesChannel = channels[0]
  for (const location of locations) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "Germany", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }],
    },
  })
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Parcels", type: "default" }] },
  })
  const shippingProfile = profiles[0]

  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: locationA.id, fulfillment_set_data: { name: "Warehouse A shipping", type: "shipping" } },
  })
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets({ name: "Warehouse A shipping" })
  const { result: zones } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        { name: "Germany", fulfillment_set_id: fulfillmentSet.id, geo_zones: [{ type: "country", country_code: "de" }] },
      ],
    },
  })
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        service_zone_id: zones[0].id,
        shipping_profile_id: shippingProfile.id,
        provider_id: "manual_manual",
        type: { label: "Standard", description: "Standard shipping", code: "standard" },
        prices: [{ currency_code: "eur", amount: 500 }],
        rules: [],
      },
    ],
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [salesChannel.id] } })

  return {
    region: regions[0],
    salesChannel,
    locationA,
    locationB,
    shippingProfile,
    shippingOption: options[0],
    publishableKey: keys[0].token,
  }
}

/**
 * A published product with one variant sold in the store's channel, stocked at the
 * given locations (quantities by location id). `manage_inventory: false` makes a
 * "warranty only" variant without stock.
 */
export async function createStockedVariant(
  container: MedusaContainer,
  store: TestStore,
  { title, sku, stock = {}, manage_inventory = true }: { title: string; sku: string; stock?: Record<string, number>; manage_inventory?: boolean }
) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status: "published",
          shipping_profile_id: store.shippingProfile.id,
          sales_channels: [{ id: store.salesChannel.id }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: `${title} default`,
              sku,
              manage_inventory,
              options: { Default: "Default" },
              prices: [{ amount: 10000, currency_code: "eur" }],
            },
          ],
        },
      ],
    },
  })
  const product = result[0]
  const variant = product.variants[0]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: variant.id },
  })
  const inventoryItemId: string | null = (data[0] as any)?.inventory_items?.[0]?.inventory_item_id ?? null
  const levels = Object.entries(stock).map(([location_id, stocked_quantity]) => ({
    inventory_item_id: inventoryItemId as string,
    location_id,
    stocked_quantity,
  }))
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
  return { product, variant, inventoryItemId }
}

/**
 * Places an order as a shopper does: a cart with these items (each its own line, even for
 * one variant, told apart by metadata), the shipping option, the system payment, complete.
 * Medusa reserves the stock at completion.
 */
export async function placeOrder(
  container: MedusaContainer,
  store: TestStore,
  items: Array<{ variant_id: string; quantity: number }>,
  email = "shopper@serials.test"
): Promise<TestOrder> {
  const { result: cart } = await createCartWorkflow(container).run({ input: buyerOf(store, items, email) })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: store.shippingOption.id }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: (collection as any).id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return await readOrder(container, result.id)
}

export type TestOrder = { id: string; customer_id: string; items: Array<{ id: string; variant_id: string; quantity: number }> }

/** What a cart or an order of these items is made of: the buyer, where it ships, its lines. */
function buyerOf(store: TestStore, items: Array<{ variant_id: string; quantity: number }>, email: string) {
  return {
    region_id: store.region.id,
    sales_channel_id: store.salesChannel.id,
    currency_code: "eur",
    email,
    shipping_address: SHOPPER_ADDRESS,
    // Each item its own line, even for one variant, told apart by metadata.
    items: items.map((i, n) => ({ ...i, metadata: { line: n } })),
  }
}

/** An order with its lines in the order the items were given. */
async function readOrder(container: MedusaContainer, id: string): Promise<TestOrder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    // `items.*`: naming `items.quantity` among other item fields comes back without it.
    fields: ["id", "customer_id", "email", "items.*"],
    filters: { id },
  })
  const order = data[0] as any
  order.items.sort((a: any, b: any) => Number(a.metadata?.line ?? 0) - Number(b.metadata?.line ?? 0))
  return order
}

/**
 * The variant fields Medusa's checkout reads to pick where an order's stock is reserved
 * (core-flows' `requiredVariantFieldsForInventoryConfirmation`, which it does not export).
 */
const VARIANT_FIELDS_FOR_RESERVATION = [
  "id",
  "manage_inventory",
  "allow_backorder",
  "inventory_items.inventory_item_id",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
  "inventory_items.inventory.location_levels.raw_stocked_quantity",
  "inventory_items.inventory.location_levels.raw_reserved_quantity",
  "inventory_items.inventory.location_levels.location_id",
  "inventory_items.inventory.location_levels.stock_locations.id",
  "inventory_items.inventory.location_levels.stock_locations.name",
  "inventory_items.inventory.location_levels.stock_locations.sales_channels.id",
  "inventory_items.inventory.location_levels.stock_locations.sales_channels.name",
]

/**
 * An order with the same items, shipping method and stock reservations as `placeOrder`
 * makes, made the way an admin's order is (Medusa's `createOrderWorkflow`), without the
 * cart and the payment: the stock is checked and reserved where checkout reserves it
 * (Medusa's `confirmVariantInventoryWorkflow` picks the location). About 0.25 s of CPU
 * against 1.2 s for a checkout (cart, shipping method, payment session, completion), for
 * the many tests about what happens to an order after it is placed; the tests about the
 * shopper's side keep `placeOrder`.
 */
export async function createOrderWithReservations(
  container: MedusaContainer,
  store: TestStore,
  items: Array<{ variant_id: string; quantity: number }>,
  email = "shopper@serials.test"
): Promise<TestOrder> {
  const { result: created } = await createOrderWorkflow(container).run({
    input: {
      ...buyerOf(store, items, email),
      billing_address: SHOPPER_ADDRESS,
      shipping_methods: [
        { name: store.shippingOption.name, amount: 500, shipping_option_id: store.shippingOption.id, data: {} },
      ],
    } as any,
  })
  const order = await readOrder(container, created.id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: VARIANT_FIELDS_FOR_RESERVATION,
    filters: { id: [...new Set(items.map((i) => i.variant_id))] },
  })
  const { result: toReserve } = await confirmVariantInventoryWorkflow(container).run({
    input: {
      sales_channel_id: store.salesChannel.id,
      variants,
      items: order.items.map((i) => ({ id: i.id, variant_id: i.variant_id, quantity: i.quantity })),
    } as any,
  })
  const reservations = (toReserve as any).items.map((i: any) => ({
    line_item_id: i.id,
    inventory_item_id: i.inventory_item_id,
    location_id: i.location_ids[0],
    quantity: i.required_quantity * i.quantity,
    allow_backorder: i.allow_backorder,
  }))
  if (reservations.length) {
    await createReservationsWorkflow(container).run({ input: { reservations } })
  }
  return order
}

/** Receives serials at a location through the plugin's purchase receipt route (raises Medusa's stock too). */
export async function receiveSerials(
  api: any,
  headers: any,
  { location_id, variant_id, serials, received_at }: { location_id: string; variant_id: string; serials: string[]; received_at?: string }
) {
  const res = await api.post(
    "/admin/serial-receipts",
    {
      stock_location_id: location_id,
      supplier: { name: "Test supplier" },
      ...(received_at ? { received_at } : {}),
      items: [{ variant_id, quantity: serials.length, serial_numbers: serials }],
    },
    headers
  )
  return res.data.serial_receipt
}

/** Every serial matching a query string of `GET /admin/serial-numbers`, by serial text. */
export async function serialsBy(api: any, headers: any, q: string): Promise<Record<string, any>> {
  const res = await api.get(`/admin/serial-numbers?limit=1000&${q}`, headers)
  return Object.fromEntries(res.data.serial_numbers.map((s: any) => [s.serial_number, s]))
}

/** A serial with its ledger, by serial text. */
export async function serialDetail(api: any, headers: any, text: string) {
  const list = await api.get(`/admin/serial-numbers?q=${encodeURIComponent(text)}&limit=10`, headers)
  const found = list.data.serial_numbers.find((s: any) => s.serial_number === text)
  if (!found) {
    throw new Error(`serial ${text} not found`)
  }
  return (await api.get(`/admin/serial-numbers/${found.id}`, headers)).data.serial_number
}

/** Everything a refused operation must leave as it was: each serial's status, location and ledger length. */
export async function serialState(container: MedusaContainer) {
  const service: any = container.resolve("serial")
  const serials = await service.listSerialNumbers({}, { select: ["id", "serial_number", "status", "stock_location_id", "order_id", "line_item_id", "fulfillment_id"] })
  const [, ledgerCount] = await service.listAndCountSerialLedgerEntries({})
  return {
    ledger: ledgerCount,
    serials: Object.fromEntries(
      serials.map((s: any) => [
        s.serial_number,
        [s.status, s.stock_location_id, s.order_id, s.line_item_id, s.fulfillment_id].join("|"),
      ])
    ),
  }
}

export async function orderFulfillments(api: any, headers: any, orderId: string) {
  const res = await api.get(`/admin/orders/${orderId}?fields=id,*fulfillments,*fulfillments.items`, headers)
  return res.data.order.fulfillments ?? []
}

/**
 * The store of the return and claim tests: a serialized drill with a year's warranty,
 * DR-1 (received Jan 1) and DR-2 (Feb 1) at location A, DR-B1 at B (Medusa receives
 * returns only where the item is stocked, so B needs a level too).
 */
export async function createDrillStore(api: any, headers: any, container: MedusaContainer) {
  const store = await createStore(container)
  const { variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" })
  await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
  await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-1"], received_at: "2026-01-01T00:00:00Z" })
  await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-2"], received_at: "2026-02-01T00:00:00Z" })
  await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: drill.id, serials: ["DR-B1"] })
  return { store, drill }
}
