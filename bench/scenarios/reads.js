// The read paths: public warranty look-up (against GET /store/regions/:id) and the admin
// serial list, filtered and sorted (against GET /admin/orders?limit=50). One client
// alternating request by request for latency; autocannon runs alternating for throughput.
const { alternate, alternateCannon } = require("../lib/measure")

/** A random sold serial's look-up path. */
function lookupPaths(soldSerials) {
  return () =>
    `/store/serial-numbers/${encodeURIComponent(soldSerials[Math.floor(Math.random() * soldSerials.length)])}/warranty`
}

function adminListPath(bulk) {
  return `/admin/serial-numbers?variant_id=${bulk.variants[1].variantId}&status=active&order=-received_at&limit=50`
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
      serial_list: () => api.raw("GET", adminListPath(bulk), undefined, api.adminHeaders),
      orders: () => api.raw("GET", "/admin/orders?limit=50", undefined, api.adminHeaders),
    },
    { rounds }
  )
  return { lookup, list }
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

module.exports = { readLatency, lookupLoad, adminListPath }
