// A request that fails inside a test throws axios' error, which holds the request and the
// socket: jest cannot send such an object from a worker to the main process ("Converting
// circular structure to JSON"), the worker dies, and the run reports that instead of the
// failure. Tests and hooks are wrapped here so that such an error is thrown again as a plain
// Error that says what was asked and what came back (method, URL, status, body).
function plain(error) {
  if (!error || typeof error !== "object" || !error.isAxiosError) {
    return error
  }
  const { config = {}, response } = error
  const body = response ? JSON.stringify(response.data)?.slice(0, 1000) : "no answer"
  const readable = new Error(
    `${error.message}: ${String(config.method ?? "").toUpperCase()} ${config.url ?? ""} -> ${response?.status ?? "-"} ${body}`
  )
  readable.stack = `${readable.message}\n${String(error.stack ?? "").split("\n").slice(1).join("\n")}`
  return readable
}

function wrap(fn) {
  if (typeof fn !== "function" || fn.length > 0) {
    // A callback-style test or hook (`done`) keeps its signature.
    return fn
  }
  return async function wrapped() {
    try {
      return await fn.call(this)
    } catch (error) {
      throw plain(error)
    }
  }
}

for (const name of ["it", "test", "beforeAll", "beforeEach", "afterAll", "afterEach"]) {
  const original = global[name]
  const replacement = (...args) => original(...args.map((a, i) => (i <= 1 ? wrap(a) : a)))
  // it.skip, it.only, it.each, ... stay jest's own.
  Object.assign(replacement, original)
  global[name] = replacement
}
