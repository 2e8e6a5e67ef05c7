import { DEFAULT_OPTIONS, parsePluginOptions, SerialOptionsError } from "../../src/modules/serial/lib/options"

function messageOf(raw: unknown): string {
  try {
    parsePluginOptions(raw)
  } catch (e) {
    expect(e).toBeInstanceOf(SerialOptionsError)
    return (e as Error).message
  }
  throw new Error("expected the options to be refused")
}

describe("parsePluginOptions", () => {
  it.each([undefined, null, {}])("gives the defaults for %j", (raw) => {
    expect(parsePluginOptions(raw)).toEqual({
      uniqueness_scope: "global",
      default_fulfillment_policy: "auto",
      public_lookup_rate_limit: 60,
      rate_limit_redis_url: null,
      visit_due_days: 7,
      warranty_expiring_days: 30,
      notification_channel: "email",
      staff_email: null,
      notify_serials_delivered: true,
      warranty_url_template: null,
      registration_requires_approval: true,
      trusted_proxy_hops: 0,
      client_address_header: null,
      customer_write_rate_limit: 10,
      address_write_rate_limit: 30,
    })
  })

  it("does not let a caller change the defaults through the returned object", () => {
    const options = parsePluginOptions({})
    options.uniqueness_scope = "per_variant"
    expect(parsePluginOptions({}).uniqueness_scope).toBe("global")
    expect(DEFAULT_OPTIONS.uniqueness_scope).toBe("global")
  })

  it.each([
    ["uniqueness_scope", "global"],
    ["uniqueness_scope", "per_variant"],
    ["default_fulfillment_policy", "auto"],
    ["default_fulfillment_policy", "strict"],
    ["public_lookup_rate_limit", 1],
    ["public_lookup_rate_limit", 600],
    ["public_lookup_rate_limit", 100000],
    ["rate_limit_redis_url", "redis://127.0.0.1:6379"],
    ["rate_limit_redis_url", "rediss://user:secret@cache.example.com:6380/2"],
    ["rate_limit_redis_url", null],
    ["visit_due_days", 0],
    ["visit_due_days", 14],
    ["visit_due_days", 365],
    ["warranty_expiring_days", 1],
    ["warranty_expiring_days", 90],
    ["notification_channel", "sms"],
    ["notification_channel", "email"],
    ["staff_email", "service@example.com"],
    ["staff_email", null],
    ["registration_requires_approval", true],
    ["registration_requires_approval", false],
    ["notify_serials_delivered", false],
    ["warranty_url_template", "https://shop.example.com/warranty/{serial}"],
    ["warranty_url_template", "http://localhost:8000/w?serial={serial}"],
    ["warranty_url_template", null],
    ["trusted_proxy_hops", 0],
    ["trusted_proxy_hops", 2],
    ["client_address_header", "x-real-ip"],
    ["client_address_header", null],
    ["customer_write_rate_limit", 1],
    ["address_write_rate_limit", 500],
  ])("accepts %s = %j and keeps the other defaults", (key, value) => {
    const options = parsePluginOptions({ [key]: value })
    expect(options).toEqual({ ...DEFAULT_OPTIONS, [key]: value })
  })

  it("keeps a client address header in lower case, as Node hands headers over", () => {
    expect(parsePluginOptions({ client_address_header: "CF-Connecting-IP" }).client_address_header).toBe("cf-connecting-ip")
  })

  it("accepts all options at once", () => {
    expect(
      parsePluginOptions({ uniqueness_scope: "per_variant", default_fulfillment_policy: "strict", public_lookup_rate_limit: 5 })
    ).toEqual({ ...DEFAULT_OPTIONS, uniqueness_scope: "per_variant", default_fulfillment_policy: "strict", public_lookup_rate_limit: 5 })
  })

  it("treats an option given as undefined as not given", () => {
    expect(parsePluginOptions({ uniqueness_scope: undefined })).toEqual(DEFAULT_OPTIONS)
  })

  it.each([
    ["uniqueness_scope", "per-variant", '"per-variant"'],
    ["uniqueness_scope", "GLOBAL", '"GLOBAL"'],
    ["uniqueness_scope", null, "null"],
    ["uniqueness_scope", true, "true"],
    ["default_fulfillment_policy", "fifo", '"fifo"'],
    ["default_fulfillment_policy", "", '""'],
    ["public_lookup_rate_limit", 0, "0"],
    ["public_lookup_rate_limit", -5, "-5"],
    ["public_lookup_rate_limit", 1.5, "1.5"],
    ["public_lookup_rate_limit", 100001, "100001"],
    ["public_lookup_rate_limit", "60", '"60"'],
    ["rate_limit_redis_url", "localhost:6379", '"localhost:6379"'],
    ["rate_limit_redis_url", "http://cache", '"http://cache"'],
    ["rate_limit_redis_url", 6379, "6379"],
    ["visit_due_days", -1, "-1"],
    ["visit_due_days", 366, "366"],
    ["visit_due_days", 2.5, "2.5"],
    ["visit_due_days", "7", '"7"'],
    ["visit_due_days", null, "null"],
    ["warranty_expiring_days", 0, "0"],
    ["warranty_expiring_days", "30", '"30"'],
    ["notification_channel", "", '""'],
    ["notification_channel", "e mail", '"e mail"'],
    ["notification_channel", 5, "5"],
    ["staff_email", "nobody", '"nobody"'],
    ["staff_email", 42, "42"],
    ["registration_requires_approval", "yes", '"yes"'],
    ["registration_requires_approval", 1, "1"],
    ["registration_requires_approval", null, "null"],
    ["notify_serials_delivered", "no", '"no"'],
    ["warranty_url_template", "https://shop.example.com/warranty", '"https://shop.example.com/warranty"'],
    ["warranty_url_template", "ftp://files.example.com/{serial}", '"ftp://files.example.com/{serial}"'],
    ["warranty_url_template", "not a url {serial}", '"not a url {serial}"'],
    ["warranty_url_template", 5, "5"],
    ["trusted_proxy_hops", -1, "-1"],
    ["trusted_proxy_hops", 11, "11"],
    ["trusted_proxy_hops", "1", '"1"'],
    ["client_address_header", "x real ip", '"x real ip"'],
    ["client_address_header", 1, "1"],
    ["customer_write_rate_limit", 0, "0"],
    ["address_write_rate_limit", 2.5, "2.5"],
  ])("refuses %s = %j, naming the option and the value", (key, value, shown) => {
    const message = messageOf({ [key]: value })
    expect(message).toContain(`${key} must be`)
    expect(message).toContain(`got ${shown}`)
  })

  it("names every wrong option at once", () => {
    const message = messageOf({ uniqueness_scope: "store", default_fulfillment_policy: "fifo", public_lookup_rate_limit: 0 })
    expect(message).toContain('uniqueness_scope must be "global" or "per_variant", got "store"')
    expect(message).toContain('default_fulfillment_policy must be "auto" or "strict", got "fifo"')
    expect(message).toContain("public_lookup_rate_limit must be a whole number from 1 to 100000")
  })

  it("ignores keys it does not know (Medusa passes its own to every module)", () => {
    expect(
      parsePluginOptions({ database: { clientUrl: "postgres://x" }, somethingElse: 1, uniqueness_scope: "per_variant" })
    ).toEqual({ ...DEFAULT_OPTIONS, uniqueness_scope: "per_variant" })
  })

  it.each([["strict"], [5], [[]]])("refuses options that are not an object: %j", (raw) => {
    expect(messageOf(raw)).toContain("options must be an object")
  })
})
