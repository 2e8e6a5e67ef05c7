import { updateInventoryLevelsWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import { runSerialDailyJob } from "../../src/jobs/serial-daily"
import inventoryLevelChanged from "../../src/subscribers/inventory-level-changed"
import serialOrderCanceled from "../../src/subscribers/serial-order-canceled"
import serialReplacements from "../../src/subscribers/serial-replacements"
import serialReturnReceived from "../../src/subscribers/serial-return-received"
import serialShipmentCreated from "../../src/subscribers/serial-shipment-created"
import { SerialEvents } from "../../src/modules/serial/events"
import { adminHeaders } from "../helpers/admin"
import { expectConsistent } from "../helpers/consistency"
import { databaseChecksum, sqlRows } from "../helpers/db"
import { eventually } from "../helpers/http"
import { createOrderWithReservations, createStockedVariant, createStore, orderFulfillments, receiveSerials, serialsBy, TestStore } from "../helpers/store"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(300_000)

/**
 * Retries: every subscriber of the plugin, and its daily job, handed the same event (or
 * run with the same input) again after it was handled changes nothing in the database:
 * not the plugin's tables, nor the Medusa tables its flows write.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let drill: any

  const eventBus = () => getContainer().resolve(Modules.EVENT_BUS) as any
  /** Runs a subscriber the way the event bus does, with the app's container. */
  const handle = (handler: (args: any) => Promise<void>, name: string, data: Record<string, unknown>) =>
    handler({ event: { name, data }, container: getContainer(), pluginOptions: {} })
  /** Handles the event twice more and expects the database exactly as it was. */
  const expectRetriesChangeNothing = async (runs: Array<() => Promise<unknown>>) => {
    const before = await databaseChecksum(getContainer())
    for (const run of [...runs, ...runs]) {
      await run()
    }
    expect(await databaseChecksum(getContainer())).toEqual(before)
  }

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    ;({ variant: drill } = await createStockedVariant(container, store, { title: "Drill", sku: "DRILL" }))
    await api.post(`/admin/serial-settings/${drill.id}`, { is_serialized: true, warranty: { value: 1, unit: "year" } }, headers)
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-1"], received_at: "2026-01-01T00:00:00Z" })
    await receiveSerials(api, headers, { location_id: store.locationA.id, variant_id: drill.id, serials: ["DR-2", "DR-3"], received_at: "2026-02-01T00:00:00Z" })
    // Medusa receives returns only where the item is stocked.
    await receiveSerials(api, headers, { location_id: store.locationB.id, variant_id: drill.id, serials: ["DR-B1"] })
  })

  it("shipment created, order canceled, return received and serials delivered / returned: handled again, nothing changes", async () => {
    const container = getContainer()
    // Order 1: fulfilled (auto picks DR-1), shipped, then returned to B.
    const order = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }])
    const line = order.items[0]
    await api.post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: line.id, quantity: 1 }] }, headers)
    const [fulfilment] = await orderFulfillments(api, headers, order.id)
    const shipped = TestEventUtils.waitSubscribersExecution("shipment.created", eventBus())
    await api.post(`/admin/orders/${order.id}/fulfillments/${fulfilment.id}/shipments`, { items: [{ id: line.id, quantity: 1 }] }, headers)
    await shipped
    const ret = (await api.post("/admin/returns", { order_id: order.id, location_id: store.locationB.id }, headers)).data.return
    await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: line.id, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${ret.id}/request`, {}, headers)
    await api.post(`/admin/returns/${ret.id}/receive`, {}, headers)
    await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: line.id, quantity: 1 }] }, headers)
    const returned = TestEventUtils.waitSubscribersExecution("order.return_received", eventBus())
    await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, headers)
    await returned
    await eventually(async () => (await serialsBy(api, headers, `stock_location_id=${store.locationB.id}`))["DR-1"])

    // Order 2: DR-2 reserved for its line, then the order is canceled.
    const second = await createOrderWithReservations(container, store, [{ variant_id: drill.id, quantity: 1 }], "other@serials.test")
    await api.post(`/admin/orders/${second.id}/serial-numbers`, { line_item_id: second.items[0].id, serial_numbers: ["DR-2"] }, headers)
    const canceled = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus())
    await api.post(`/admin/orders/${second.id}/cancel`, {}, headers)
    await canceled

    const now = await serialsBy(api, headers, `variant_id=${drill.id}`)
    expect(now["DR-1"]).toMatchObject({ status: "active", stock_location_id: store.locationB.id, shipped_at: null })
    expect(now["DR-2"]).toMatchObject({ status: "active", order_id: null })

    await expectRetriesChangeNothing([
      () => handle(serialShipmentCreated, "shipment.created", { id: fulfilment.id }),
      () => handle(serialReturnReceived, "order.return_received", { order_id: order.id, return_id: ret.id }),
      () => handle(serialOrderCanceled, "order.canceled", { id: second.id }),
      () => handle(serialReplacements, SerialEvents.DELIVERED, { order_id: order.id }),
      () => handle(serialReplacements, SerialEvents.RETURNED, { order_id: order.id }),
    ])
    await expectConsistent(api, headers)
  })

  it("an exchange's replacement linked: the delivered and returned events again link nothing more", async () => {
    const order = await createOrderWithReservations(getContainer(), store, [{ variant_id: drill.id, quantity: 1 }])
    const lineId = order.items[0].id
    await api.post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: lineId, quantity: 1 }] }, headers)
    const exchange = (await api.post("/admin/exchanges", { order_id: order.id }, headers)).data.exchange
    await api.post(`/admin/exchanges/${exchange.id}/inbound/items`, { location_id: store.locationB.id, items: [{ id: lineId, quantity: 1 }] }, headers)
    await api.post(`/admin/exchanges/${exchange.id}/outbound/items`, { items: [{ variant_id: drill.id, quantity: 1 }] }, headers)
    await api.post(`/admin/exchanges/${exchange.id}/outbound/shipping-method`, { shipping_option_id: store.shippingOption.id }, headers)
    await api.post(`/admin/exchanges/${exchange.id}/request`, {}, headers)
    const { data } = await getContainer().resolve("query").graph({
      entity: "order_exchange",
      fields: ["id", "return_id", "additional_items.item_id"],
      filters: { id: exchange.id },
    })
    const newLine = (data[0] as any).additional_items[0].item_id
    const returnId = (data[0] as any).return_id
    await api.post(`/admin/orders/${order.id}/fulfillments`, { location_id: store.locationA.id, items: [{ id: newLine, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${returnId}/receive`, {}, headers)
    await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: lineId, quantity: 1 }] }, headers)
    await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, headers)
    const linked = await eventually(async () => {
      const all = await serialsBy(api, headers, `variant_id=${drill.id}`)
      return all["DR-2"].replaces_serial_number_id ? all : null
    })
    expect(linked["DR-2"].replaces_serial_number_id).toBe(linked["DR-1"].id)

    await expectRetriesChangeNothing([
      () => handle(serialReplacements, SerialEvents.DELIVERED, { order_id: order.id }),
      () => handle(serialReplacements, SerialEvents.RETURNED, { order_id: order.id }),
      () => handle(serialReturnReceived, "order.return_received", { order_id: order.id, return_id: returnId }),
    ])
    await expectConsistent(api, headers)
  })

  it("stock raised in Medusa's admin and the daily job: run again on the same input, nothing changes", async () => {
    const container = getContainer()
    const series = (await api.post("/admin/serial-series", { name: "Saws", pattern: "SAW-####" }, headers)).data.serial_series
    const { variant: saw, inventoryItemId } = await createStockedVariant(container, store, {
      title: "Saw",
      sku: "SAW",
      stock: { [store.locationA.id]: 0 },
    })
    await api.post(`/admin/serial-settings/${saw.id}`, { is_serialized: true, series_id: series.id }, headers)
    const updated = TestEventUtils.waitSubscribersExecution("inventory-level.updated", eventBus())
    await updateInventoryLevelsWorkflow(container).run({
      input: { updates: [{ inventory_item_id: inventoryItemId!, location_id: store.locationA.id, stocked_quantity: 3 }] },
    })
    await updated
    expect(Object.keys(await serialsBy(api, headers, `variant_id=${saw.id}&status=active`)).sort()).toEqual([
      "SAW-0001",
      "SAW-0002",
      "SAW-0003",
    ])
    const [level] = await sqlRows(
      container,
      `SELECT id FROM inventory_level WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
      [inventoryItemId, store.locationA.id]
    )

    // DR-3 reached its end of life yesterday.
    const dr3 = (await serialsBy(api, headers, `variant_id=${drill.id}`))["DR-3"]
    await api.post(`/admin/serial-numbers/${dr3.id}`, { end_of_life_at: new Date(Date.now() - 86_400_000).toISOString() }, headers)
    const now = new Date()
    const first = await runSerialDailyJob(container, { now })
    expect(first.expired).toBe(1)

    await expectRetriesChangeNothing([
      () => handle(inventoryLevelChanged, "inventory-level.updated", { id: level.id }),
      () => handle(inventoryLevelChanged, "inventory-level.created", { id: level.id }),
      async () => expect(await runSerialDailyJob(container, { now })).toEqual({
        expired: 0,
        visit_due: 0,
        visit_overdue: 0,
        warranty_expiring: 0,
        notifications: 0,
      }),
    ])
    await expectConsistent(api, headers)
  })
})
