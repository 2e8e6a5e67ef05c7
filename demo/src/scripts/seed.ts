// Seeds the demo store (run by scripts/demo.js through `medusa exec`, once per database).
//
// Idempotent: a finished seed writes a row in `serial_demo_seed` and a later run stops at
// once; a seed interrupted half-way can be run again, as every step first looks for what it
// would create.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
export const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"

const MARKER_TABLE = "serial_demo_seed"
const COUNTRIES = ["de", "fr", "nl", "be", "at", "dk", "se", "es", "it"]
const LOCATION_NAME = "Demo Warehouse"
const API_KEY_TITLE = "Serial demo storefront"
const DRILL = { title: "Cordless Drill", handle: "cordless-drill", sku: "DRILL-18V" }
const BITS = { title: "Drill Bits Set", handle: "drill-bits-set", sku: "BITS-SET-10" }
const SERIALS_IN_STOCK = 5
const BITS_IN_STOCK = 100

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id text PRIMARY KEY, seeded_at timestamptz NOT NULL DEFAULT now(), publishable_key text)`
  )
  const done = await knex.raw(`SELECT publishable_key FROM ${MARKER_TABLE} WHERE id = 'demo'`)
  if (done.rows.length) {
    logger.info("Demo data is already seeded; nothing to do.")
    return
  }

  // ------------------------------------------------------------------ admin user
  logger.info("Seeding the admin user...")
  const userService = container.resolve(Modules.USER)
  const authService = container.resolve(Modules.AUTH)
  let [user] = await userService.listUsers({ email: ADMIN_EMAIL })
  if (!user) {
    let roles: string[] = []
    if (FeatureFlag.isFeatureEnabled("rbac")) {
      const rbac = container.resolve(Modules.RBAC) as any
      const superAdmin = await rbac.listRbacRoles({ id: "role_super_admin" })
      roles = superAdmin.map((r: { id: string }) => r.id)
    }
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email: ADMIN_EMAIL, ...(roles.length ? { roles } : {}) } as any] },
    })
    user = result[0]
  }
  const identities = await authService.listProviderIdentities({ entity_id: ADMIN_EMAIL, provider: "emailpass" })
  if (!identities.length) {
    const { authIdentity, error } = await authService.register("emailpass", {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    } as any)
    if (error || !authIdentity) {
      throw new Error(`Could not register ${ADMIN_EMAIL}: ${error}`)
    }
    await authService.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  }

  // ------------------------------------------------------------------ store, channel, region
  logger.info("Seeding the store, sales channel and region...")
  const storeService = container.resolve(Modules.STORE)
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const regionService = container.resolve(Modules.REGION)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  const apiKeyService = container.resolve(Modules.API_KEY)
  const taxService = container.resolve(Modules.TAX)

  const [store] = await storeService.listStores()
  let [salesChannel] = await salesChannelService.listSalesChannels({ name: "Default Sales Channel" })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: "Default Sales Channel" }] },
    })
    salesChannel = result[0]
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Serial Numbers Demo Store",
        supported_currencies: [{ currency_code: "eur", is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  let [region] = await regionService.listRegions({ name: "Europe" })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          { name: "Europe", currency_code: "eur", countries: COUNTRIES, payment_providers: ["pp_system_default"] },
        ],
      },
    })
    region = result[0]
  }
  const taxRegions = await taxService.listTaxRegions({ country_code: COUNTRIES })
  const missingTax = COUNTRIES.filter(
    (c) => !taxRegions.some((t) => t.country_code === c && !t.parent_id && !t.province_code)
  )
  if (missingTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: region.id } },
  })

  // ------------------------------------------------------------------ stock location, shipping
  logger.info("Seeding the stock location and shipping...")
  let [location] = await stockLocationService.listStockLocations({ name: LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          { name: LOCATION_NAME, address: { address_1: "Werkstrasse 1", city: "Berlin", country_code: "DE" } },
        ],
      },
    })
    location = result[0]
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: location.id } },
  })

  const { data: locationLinks } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id", "fulfillment_sets.id", "sales_channels.id"],
    filters: { id: location.id },
  })
  const loc = locationLinks[0] as any
  if (!(loc?.fulfillment_providers ?? []).some((p: any) => p?.id === "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  if (!(loc?.sales_channels ?? []).some((s: any) => s?.id === salesChannel.id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
  }

  let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }

  let [fulfillmentSet] = await fulfillmentService.listFulfillmentSets(
    { name: `${LOCATION_NAME} delivery` },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: `${LOCATION_NAME} delivery`,
      type: "shipping",
      service_zones: [
        { name: "Europe", geo_zones: COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })) },
      ],
    })
  }
  if (!(loc?.fulfillment_sets ?? []).some((f: any) => f?.id === fulfillmentSet.id)) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }
  const serviceZoneId = fulfillmentSet.service_zones[0].id
  const existingOptions = await fulfillmentService.listShippingOptions({ service_zone: { id: serviceZoneId } } as any)
  const optionInput = (name: string, isReturn: boolean, code: string, description: string) => ({
    name,
    price_type: "flat" as const,
    provider_id: "manual_manual",
    service_zone_id: serviceZoneId,
    shipping_profile_id: shippingProfile.id,
    type: { label: name, description, code },
    prices: [
      { currency_code: "eur", amount: isReturn ? 0 : 10 },
      { region_id: region.id, amount: isReturn ? 0 : 10 },
    ],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: isReturn ? "true" : "false", operator: "eq" as const },
    ],
  })
  const wantedOptions = [
    optionInput("Standard Shipping", false, "standard", "Ships in 2-3 days."),
    optionInput("Standard Return", true, "return", "Return to the demo warehouse."),
  ].filter((o) => !existingOptions.some((e) => e.name === o.name))
  if (wantedOptions.length) {
    await createShippingOptionsWorkflow(container).run({ input: wantedOptions })
  }

  // ------------------------------------------------------------------ publishable API key
  logger.info("Seeding the publishable API key...")
  let [apiKey] = await apiKeyService.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannel.id] },
    })
  }

  // ------------------------------------------------------------------ products
  logger.info("Seeding the products...")
  const productDefs = [
    {
      ...DRILL,
      description: "18 V cordless drill. Every unit carries a serial number and a 12-month warranty.",
      option: { title: "Voltage", value: "18V" },
      price: 129,
    },
    {
      ...BITS,
      description: "Set of 10 HSS drill bits. Not serialized.",
      option: { title: "Size", value: "10 pieces" },
      price: 19,
    },
  ]
  const { data: existingProducts } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: productDefs.map((p) => p.handle) },
  })
  const toCreate = productDefs.filter((p) => !existingProducts.some((e: any) => e.handle === p.handle))
  if (toCreate.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: toCreate.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          options: [{ title: p.option.title, values: [p.option.value] }],
          variants: [
            {
              title: p.option.value,
              sku: p.sku,
              manage_inventory: true,
              options: { [p.option.title]: p.option.value },
              prices: [{ amount: p.price, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        })),
      },
    })
  }
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id", "inventory_items.inventory_item_id"],
    filters: { sku: [DRILL.sku, BITS.sku] },
  })
  const variantBySku = (sku: string) => {
    const v = variants.find((x: any) => x.sku === sku) as any
    const inventoryItemId = v?.inventory_items?.[0]?.inventory_item_id
    if (!v || !inventoryItemId) {
      throw new Error(`Variant ${sku} or its inventory item is missing`)
    }
    return { id: v.id as string, product_id: v.product_id as string, inventory_item_id: inventoryItemId as string }
  }
  const drill = variantBySku(DRILL.sku)
  const bits = variantBySku(BITS.sku)

  // ------------------------------------------------------------------ serial numbers
  logger.info("Seeding the serial series and serial numbers...")
  const serial = container.resolve("serial") as any
  let [series] = await serial.listSerialSeries({ name: "Drills" })
  if (!series) {
    const pattern = "DR-{YYYY}-#####"
    await serial.validateSeriesPattern(pattern)
    series = await serial.createSerialSeries({ name: "Drills", pattern })
  }
  await serial.upsertVariantSettings(drill.id, {
    is_serialized: true,
    series_id: series.id,
    warranty: { value: 12, unit: "month" },
    fulfillment_policy: "auto",
  })
  const existingSerials = await serial.listSerialNumbers({ variant_id: drill.id }, { select: ["id", "status"] })
  if (!existingSerials.length) {
    const values: string[] = await serial.allocateSeriesValues(series.id, SERIALS_IN_STOCK, { sku: DRILL.sku })
    const created: { id: string; serial_number: string }[] = await serial.createSerials(
      values.map((serial_number) => ({
        serial_number,
        variant_id: drill.id,
        product_id: drill.product_id,
        inventory_item_id: drill.inventory_item_id,
        series_id: series.id,
      })),
      { reference_type: "manual", actor_type: "system" }
    )
    await serial.moveSerials({
      ids: created.map((c) => c.id),
      movement: "receive",
      location_id: location.id,
      set: { received_at: new Date().toISOString(), supplier_name: "Demo supplier" },
      reference: { reference_type: "purchase_receipt", reference_id: "demo-seed" },
    })
    logger.info(`Received serials ${values.join(", ")} at ${LOCATION_NAME}`)
  } else if (existingSerials.some((s: any) => s.status === "inactive")) {
    await serial.moveSerials({
      ids: existingSerials.filter((s: any) => s.status === "inactive").map((s: any) => s.id),
      movement: "receive",
      location_id: location.id,
      set: { received_at: new Date().toISOString(), supplier_name: "Demo supplier" },
      reference: { reference_type: "purchase_receipt", reference_id: "demo-seed" },
    })
  }

  // ------------------------------------------------------------------ inventory levels
  logger.info("Seeding inventory levels...")
  const { data: levels } = await query.graph({
    entity: "inventory_level",
    fields: ["id", "inventory_item_id", "location_id"],
    filters: { inventory_item_id: [drill.inventory_item_id, bits.inventory_item_id], location_id: location.id },
  })
  const wantedLevels = [
    // The drill's stock is exactly the number of its serials in stock.
    { inventory_item_id: drill.inventory_item_id, location_id: location.id, stocked_quantity: SERIALS_IN_STOCK },
    { inventory_item_id: bits.inventory_item_id, location_id: location.id, stocked_quantity: BITS_IN_STOCK },
  ].filter((l) => !levels.some((e: any) => e.inventory_item_id === l.inventory_item_id))
  if (wantedLevels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: wantedLevels } })
  }

  await knex.raw(
    `INSERT INTO ${MARKER_TABLE} (id, publishable_key) VALUES ('demo', ?) ON CONFLICT (id) DO UPDATE SET publishable_key = EXCLUDED.publishable_key`,
    [apiKey.token]
  )
  logger.info(`Demo data seeded. Publishable API key: ${apiKey.token}`)
}
