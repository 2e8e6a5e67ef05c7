// Fulfil a serialized line (auto policy: serials picked first in, first out) against the
// same fulfilment of an unserialized line, orders alternating, through the admin API.
const { createVariant, serialize, placeOrder } = require("../lib/api")
const { median } = require("../lib/measure")

async function fulfilmentScenario(api, store, { units, reps }) {
  const serialized = await createVariant(api, store, { title: "Bench fulfil serialized", sku: "BENCH-FUL-SER" })
  await serialize(api, serialized.variantId, { policy: "auto" })
  await api.admin("POST", "/admin/serial-receipts", {
    stock_location_id: store.locationId,
    supplier: { name: "Bench supplier" },
    items: [{ variant_id: serialized.variantId, quantity: units * (reps + 1), range: { first: "FUL-0000001", count: units * (reps + 1) } }],
  })
  const plain = await createVariant(api, store, { title: "Bench fulfil plain", sku: "BENCH-FUL-PLAIN", stock: units * (reps + 1) })

  // One pair more than measured: the first fulfilment of each kind warms up the server's
  // code paths (JIT, caches) and is not counted.
  const orders = { serialized: [], plain: [] }
  for (let i = 0; i <= reps; i++) {
    orders.serialized.push(await placeOrder(api, store, serialized.variantId, units))
    orders.plain.push(await placeOrder(api, store, plain.variantId, units))
  }
  const fulfil = async ({ orderId, lineItemId }) => {
    const res = await api.admin("POST", `/admin/orders/${orderId}/fulfillments`, {
      location_id: store.locationId,
      items: [{ id: lineItemId, quantity: units }],
    })
    return res.ms
  }
  await fulfil(orders.serialized[reps])
  await fulfil(orders.plain[reps])
  const times = { serialized: [], plain: [] }
  for (let i = 0; i < reps; i++) {
    const order = i % 2 ? ["plain", "serialized"] : ["serialized", "plain"]
    for (const kind of order) {
      times[kind].push(await fulfil(orders[kind][i]))
    }
  }
  // Every unit of the serialized orders got its serial.
  const { body } = await api.admin(
    "GET",
    `/admin/serial-numbers?variant_id=${serialized.variantId}&status=delivered&limit=1`
  )
  if (body.count !== units * (reps + 1)) {
    throw new Error(`Expected ${units * (reps + 1)} delivered serials, found ${body.count}`)
  }
  const ratio = median(times.serialized) / median(times.plain)
  return { units, reps, serialized_ms: times.serialized, plain_ms: times.plain, ratio }
}

module.exports = { fulfilmentScenario }
