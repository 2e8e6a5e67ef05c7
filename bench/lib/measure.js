// Timing helpers: percentiles, one client alternating between a scenario and its baseline,
// and autocannon runs (also alternated) for throughput under concurrency.
const autocannon = require("autocannon")

function percentile(sorted, p) {
  if (!sorted.length) {
    return NaN
  }
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

function summarize(ms) {
  const s = [...ms].sort((a, b) => a - b)
  const round = (v) => Math.round(v * 100) / 100
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
    min: round(s[0]),
    max: round(s[s.length - 1]),
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * One client, requests alternating between the named thunks (a, b, a, b, ...), after a
 * few warm-up rounds. Each thunk resolves with { status, ms }; a non-2xx answer fails.
 */
async function alternate(thunks, { rounds, warmup = 5 }) {
  const names = Object.keys(thunks)
  const times = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < warmup + rounds; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      const res = await thunks[name]()
      if (res.status >= 300) {
        throw new Error(`${name} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`)
      }
      if (r >= warmup) {
        times[name].push(res.ms)
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(times[n])]))
}

/** One autocannon run; `paths` is a function giving the next request path. */
function cannon({ url, headers, connections, duration, nextPath }) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        headers,
        requests: [
          {
            method: "GET",
            setupRequest: (req) => ({ ...req, path: nextPath() }),
          },
        ],
      },
      (err, result) => {
        if (err) {
          return reject(err)
        }
        resolve({
          requests_per_s: result.requests.average,
          total: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          latency_ms: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p97_5: result.latency.p97_5,
            p99: result.latency.p99,
            max: result.latency.max,
          },
        })
      }
    )
  })
}

/**
 * Runs autocannon on the targets in turn, `rounds` times, alternating the order each round;
 * returns per target the runs and their medians (throughput, p99).
 */
async function alternateCannon(targets, { rounds, connections, duration, url, headers }) {
  const names = Object.keys(targets)
  const runs = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      runs[name].push(await cannon({ url, headers, connections, duration, nextPath: targets[name] }))
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        runs: runs[n],
        requests_per_s: median(runs[n].map((x) => x.requests_per_s)),
        p99_ms: median(runs[n].map((x) => x.latency_ms.p99)),
        non2xx: runs[n].reduce((a, x) => a + x.non2xx, 0),
        errors: runs[n].reduce((a, x) => a + x.errors + x.timeouts, 0),
      },
    ])
  )
}

module.exports = { summarize, median, alternate, cannon, alternateCannon }
