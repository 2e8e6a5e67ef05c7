import { fastUlid, generateId } from "../../src/modules/serial/lib/ids"

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/

describe("generateId", () => {
  it("makes Medusa-shaped ids: the prefix, an underscore and a 26-character ULID", () => {
    expect(generateId("sn")).toMatch(/^sn_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(generateId("snled")).toMatch(/^snled_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("never repeats within a batch of 200,000 (more than the random pool holds at once)", () => {
    const ids = new Set<string>()
    for (let i = 0; i < 200_000; i++) {
      ids.add(generateId("sn"))
    }
    expect(ids.size).toBe(200_000)
  })

  it("encodes the time first, so ids made later sort after ids made earlier", () => {
    const earlier = fastUlid(Date.UTC(2026, 0, 1))
    const later = fastUlid(Date.UTC(2026, 0, 1, 0, 0, 1))
    expect(earlier).toMatch(CROCKFORD)
    expect(earlier.slice(0, 10) < later.slice(0, 10)).toBe(true)
    // The ULID of 2026-01-01T00:00:00Z, as the `ulid` package encodes that time.
    expect(earlier.slice(0, 10)).toBe("01KDVDNA00")
  })
})
