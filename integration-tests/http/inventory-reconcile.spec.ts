import { createStockLocationsWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { reconcileStockLevelWorkflow } from "../../src/workflows/reconcile-stock-level"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { eventually } from "../helpers/http"
import { httpSuite } from "../helpers/suite"
import { recordEvents } from "../helpers/events"

jest.setTimeout(180_000)

httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let location: any

  async function serializedVariant(sku: string, withSeries: boolean) {
    const container = getContainer()
    const { variant } = await createProductWithVariant(container, { title: sku, sku })
    const { data } = await container.resolve("query").graph({
      entity: "product_variant",
      fields: ["inventory_items.inventory_item_id"],
      filters: { id: variant.id },
    })
    let series_id: string | null = null
    if (withSeries) {
      series_id = (await api.post("/admin/serial-series", { name: sku, pattern: `${sku}-#####` }, headers)).data
        .serial_series.id
    }
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true, series_id }, headers)
    return { ...variant, inventory_item_id: data[0].inventory_items[0].inventory_item_id }
  }
  const inStock = async (variantId: string) =>
    (await api.get(`/admin/serial-numbers?variant_id=${variantId}&status=active&limit=1`, headers)).data.count
  const stock = async (variantId: string) =>
    (await api.get(`/admin/serial-settings/${variantId}`, headers)).data.serial_settings.stock
  /**
   * Resolves once every subscriber of `event` has handled its next emission. Checks first
   * that the plugin's own subscriber is one of them, so that the wait covers it.
   */
  const handled = (event: "inventory-level.created" | "inventory-level.updated") => {
    const eventBus: any = getContainer().resolve(Modules.EVENT_BUS)
    const ids = eventBus.eventEmitter_.listeners(event).map((l: any) => l.subscriberId)
    expect({ event, ids }).toEqual({ event, ids: expect.arrayContaining(["inventory-level-changed"]) })
    return TestEventUtils.waitSubscribersExecution(event, eventBus)
  }
  /**
   * Records the inventory level events (those the plugin's stock subscriber handles) until
   * the returned function is called, which answers them as `<name> <level id>`.
   */
  const recordLevelEvents = () => {
    const stop = recordEvents(getContainer(), ["inventory-level.created", "inventory-level.updated"])
    return () => stop().map((e) => `${e.name} ${e.data?.id}`)
  }

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Main warehouse" }] },
    })
    location = result[0]
  })

  it("generates serials from the series for stock added in Medusa's admin, by comparing totals", async () => {
    const drill = await serializedVariant("DRL", true)
    await api.post(
      `/admin/inventory-items/${drill.inventory_item_id}/location-levels`,
      { location_id: location.id, stocked_quantity: 5 },
      headers
    )
    await eventually(async () => (await inStock(drill.id)) === 5)
    const list = await api.get(`/admin/serial-numbers?variant_id=${drill.id}&order=serial_number`, headers)
    expect(list.data.serial_numbers.map((s: any) => s.serial_number)).toEqual([
      "DRL-00001",
      "DRL-00002",
      "DRL-00003",
      "DRL-00004",
      "DRL-00005",
    ])
    expect(list.data.serial_numbers[0]).toMatchObject({ status: "active", stock_location_id: location.id })

    await api.post(
      `/admin/inventory-items/${drill.inventory_item_id}/location-levels/${location.id}`,
      { stocked_quantity: 7 },
      headers
    )
    await eventually(async () => (await inStock(drill.id)) === 7)

    // Handling the same level again (a redelivered event) adds nothing.
    const { data: levels } = await getContainer().resolve("query").graph({
      entity: "inventory_level",
      fields: ["id"],
      filters: { inventory_item_id: drill.inventory_item_id },
    })
    await reconcileStockLevelWorkflow(getContainer()).run({ input: { inventory_level_id: levels[0].id } })
    await reconcileStockLevelWorkflow(getContainer()).run({ input: { inventory_level_id: levels[0].id } })
    expect(await inStock(drill.id)).toBe(7)

    // The plugin's own receipt raises stock and serials together: nothing is generated on top.
    // It raises the stock without Medusa's level events, so the stock subscriber has nothing
    // to handle (nothing runs after the request that could add serials).
    const receiptLevelEvents = recordLevelEvents()
    await api.post(
      "/admin/serial-receipts",
      { stock_location_id: location.id, supplier: { name: "Acme" }, items: [{ variant_id: drill.id, quantity: 2, serial_numbers: ["R-1", "R-2"] }] },
      headers
    )
    expect(receiptLevelEvents()).toEqual([])
    expect(await inStock(drill.id)).toBe(9)
    expect(await stock(drill.id)).toEqual([
      { location_id: location.id, stocked_quantity: 9, serials_in_stock: 9, unserialized: 0 },
    ])

    // A decrease without named serials is reported, not guessed.
    const decreaseHandled = handled("inventory-level.updated")
    const decreaseLevelEvents = recordLevelEvents()
    await api.post(
      `/admin/inventory-items/${drill.inventory_item_id}/location-levels/${location.id}`,
      { stocked_quantity: 6 },
      headers
    )
    // Medusa's own route has dispatched its level event when it answers (as the record of
    // the receipt above assumes).
    expect(decreaseLevelEvents()).toEqual([`inventory-level.updated ${levels[0].id}`])
    await eventually(async () => (await stock(drill.id))[0].stocked_quantity === 6)
    await decreaseHandled
    expect(await inStock(drill.id)).toBe(9)
    expect((await stock(drill.id))[0]).toMatchObject({ serials_in_stock: 9, unserialized: -3 })
  })

  it("reports stock without serials when the variant has no series", async () => {
    const saw = await serializedVariant("SAW", false)
    const levelHandled = handled("inventory-level.created")
    await api.post(
      `/admin/inventory-items/${saw.inventory_item_id}/location-levels`,
      { location_id: location.id, stocked_quantity: 3 },
      headers
    )
    await eventually(async () => (await stock(saw.id)).length === 1)
    await levelHandled
    expect(await inStock(saw.id)).toBe(0)
    expect(await stock(saw.id)).toEqual([
      { location_id: location.id, stocked_quantity: 3, serials_in_stock: 0, unserialized: 3 },
    ])
  })
})
