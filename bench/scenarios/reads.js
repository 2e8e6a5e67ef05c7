// The read paths: public warranty look-up (against GET /store/regions/:id) and the admin
// serial list, in its default order and filtered and sorted (against GET
// /admin/orders?limit=50). One client alternating request by request for latency;
// autocannon runs alternating for throughput.
const { alternate, alternateCannon } = require("../lib/measure")

/** A random sold serial's look-up path. */
function lookupPaths(soldSerials) {
  return () =>
    `/store/serial-numbers/${encodeURIComponent(soldSerials[Math.floor(Math.random() * soldSerials.length)])}/warranty`
}

function adminListPath(bulk) {
  return `/admin/serial-numbers?variant_id=${bulk.variants[1].variantId}&status=active&order=-received_at&limit=50`
}

/** The list as the admin opens it: no filter, newest first. */
const DEFAULT_LIST_PATH = "/admin/serial-numbers?limit=50"

/**
 * Every filter and every sort the admin's serial list offers, one case each, with values
 * from the bulk seed (see bulk-seed.js for what matches: a customer holds about
 * N / 50,000 x 0.6 serials, a receipt about 950, an order up to 4).
 */
function listCases(store, bulk) {
  const v = bulk.variants[1]
  const sold = bulk.soldSerials[Math.floor(bulk.soldSerials.length / 3)]
  const cases = {
    "status=active": "status=active",
    "variant_id": `variant_id=${v.variantId}`,
    "product_id": `product_id=${v.productId}`,
    "stock_location_id": `stock_location_id=${store.locationId}`,
    "customer_id": "customer_id=cus_bulk1221",
    "order_id": "order_id=order_bulk10001",
    "series_id": `series_id=${bulk.seriesId}`,
    "receipt_id": "receipt_id=snrcpt_bulk1234",
    "q (8 characters of a serial)": `q=${encodeURIComponent(sold.slice(-8))}`,
    "warranty_state=under_warranty": "warranty_state=under_warranty",
    "warranty_state=expired": "warranty_state=expired",
    "warranty_state=none": "warranty_state=none",
    "variant_id + status, -received_at": `variant_id=${v.variantId}&status=active&order=-received_at`,
  }
  for (const field of ["serial_number", "created_at", "received_at", "delivered_at", "warranty_expires_at"]) {
    for (const order of [field, `-${field}`]) {
      cases[`order=${order}`] = `order=${order}`
    }
  }
  const offered = Object.entries(cases).map(([name, query]) => ({ name, path: `/admin/serial-numbers?${query}&limit=50` }))
  // A filter whose matches sit at the far end of the chosen sort: the page walks the sort's
  // index past every other row first. Measured and shown, outside the matrix's target.
  const againstTheSort = [["warranty_state=expired, order=-created_at", "warranty_state=expired&order=-created_at"]]
  return [
    ...offered,
    ...againstTheSort.map(([name, query]) => ({ name, path: `/admin/serial-numbers?${query}&limit=50`, against_the_sort: true })),
  ]
}

/** Latency of both read paths at the current size, one client. */
async function readLatency(api, store, bulk, { rounds }) {
  const nextLookup = lookupPaths(bulk.soldSerials)
  const lookup = await alternate(
    {
      lookup: () => api.raw("GET", nextLookup(), undefined, api.storeHeaders),
      regions: () => api.raw("GET", `/store/regions/${store.regionId}`, undefined, api.storeHeaders),
    },
    { rounds }
  )
  const list = await alternate(
    {
      default_list: () => api.raw("GET", DEFAULT_LIST_PATH, undefined, api.adminHeaders),
      serial_list: () => api.raw("GET", adminListPath(bulk), undefined, api.adminHeaders),
      orders: () => api.raw("GET", "/admin/orders?limit=50", undefined, api.adminHeaders),
    },
    { rounds }
  )
  return { lookup, list }
}

/**
 * Each filter and sort of the admin list against GET /admin/orders?limit=50, one client
 * alternating request by request, case after case; with each case's first page's second
 * page (its next_cursor) checked to answer too.
 */
async function listMatrix(api, store, bulk, { rounds }) {
  const out = []
  for (const c of listCases(store, bulk)) {
    const first = await api.raw("GET", c.path, undefined, api.adminHeaders)
    if (first.status !== 200) {
      throw new Error(`${c.path} answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`)
    }
    if (first.body.next_cursor) {
      const next = await api.raw("GET", `${c.path}&after=${encodeURIComponent(first.body.next_cursor)}`, undefined, api.adminHeaders)
      if (next.status !== 200) {
        throw new Error(`${c.path}'s second page answered ${next.status}: ${JSON.stringify(next.body).slice(0, 300)}`)
      }
    }
    const times = await alternate(
      {
        serial_list: () => api.raw("GET", c.path, undefined, api.adminHeaders),
        orders: () => api.raw("GET", "/admin/orders?limit=50", undefined, api.adminHeaders),
      },
      // A few rounds of what takes seconds a page.
      { rounds: c.against_the_sort ? Math.min(rounds, 5) : rounds }
    )
    out.push({
      name: c.name,
      path: c.path,
      against_the_sort: c.against_the_sort ?? false,
      rows: first.body.serial_numbers.length,
      count: first.body.count,
      count_is_estimate: first.body.count_is_estimate ?? false,
      ...times,
    })
  }
  return out
}

/** Throughput and p99 of the look-up against the regions route, at each connection count. */
async function lookupLoad(api, store, bulk, { connectionCounts, duration, rounds }) {
  const out = {}
  for (const connections of connectionCounts) {
    out[connections] = await alternateCannon(
      { lookup: lookupPaths(bulk.soldSerials), regions: () => `/store/regions/${store.regionId}` },
      { rounds, connections, duration, url: api.baseUrl, headers: api.storeHeaders }
    )
  }
  return out
}

module.exports = { readLatency, lookupLoad, listMatrix, adminListPath, DEFAULT_LIST_PATH }
