import { hitRateLimit } from "../../src/api/store/rate-limit"

/** The public look-up's fixed one-minute window per address, with the clock given. */
describe("hitRateLimit", () => {
  const t0 = 1_800_000_000_000

  it("allows the limit within a minute, refuses the next with the seconds left, and starts over after the minute", () => {
    const key = "unit:a"
    const first = [0, 1, 2].map((i) => hitRateLimit(key, 3, t0 + i * 1000))
    expect(first.map((r) => r.allowed)).toEqual([true, true, true])
    const refused = hitRateLimit(key, 3, t0 + 20_000)
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 40 })
    expect(hitRateLimit(key, 3, t0 + 59_500)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(hitRateLimit(key, 3, t0 + 60_000).allowed).toBe(true)
  })

  it("counts each address on its own", () => {
    expect(hitRateLimit("unit:b", 1, t0).allowed).toBe(true)
    expect(hitRateLimit("unit:b", 1, t0 + 1).allowed).toBe(false)
    expect(hitRateLimit("unit:c", 1, t0 + 2).allowed).toBe(true)
  })
})
