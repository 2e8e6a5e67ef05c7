/**
 * Plugin options, as a store writes them in `medusa-config.ts`:
 *
 *   plugins: [{ resolve: "medusa-plugin-serial-numbers", options: { uniqueness_scope: "global" } }]
 *
 * Checked once when the module loads, so a typo stops the server with a message that says
 * which option is wrong, instead of surfacing later as odd behaviour.
 */

import { warrantyUrlTemplateProblem } from "../../../shared/labels"

export type UniquenessScope = "global" | "per_variant"
export type FulfillmentPolicy = "auto" | "strict"

export type SerialPluginOptions = {
  /** `global`: a serial text exists once in the store; `per_variant`: once per variant. */
  uniqueness_scope: UniquenessScope
  /** Used for serialized variants whose settings name no policy. */
  default_fulfillment_policy: FulfillmentPolicy
  /** Public warranty look-ups allowed per client address and minute. */
  public_lookup_rate_limit: number
  /**
   * Redis that keeps the look-up counts, so that every server process of the store counts
   * together (redis://...). Without it each process counts on its own.
   */
  rate_limit_redis_url: string | null
  /** The daily job announces pending visits this many days ahead (0: on the day). */
  visit_due_days: number
  /** The daily job announces warranties that end within this many days. */
  warranty_expiring_days: number
  /** Channel of the plugin's notifications (a notification provider must serve it). */
  notification_channel: string
  /** Where overdue-visit notifications go; none are sent without it (the event still is). */
  staff_email: string | null
  /**
   * Send the buyer a notice of the serials a fulfilment delivered (template
   * `serial-serials-delivered`), with each line's serials and warranty end. Default true.
   */
  notify_serials_delivered: boolean
  /**
   * The warranty page a label's QR code opens, `{serial}` standing for the serial
   * (`https://shop.example.com/warranty/{serial}`); null: the QR code holds the serial.
   */
  warranty_url_template: string | null
  /**
   * Storefront registrations of serials bought elsewhere wait for an admin's approval
   * (default). `false` gives the serial to the customer at once: only for stores whose
   * serials cannot be guessed, since anyone logged in could claim a unit sold elsewhere.
   */
  registration_requires_approval: boolean
  /**
   * Proxies in front of the store that append to `X-Forwarded-For` (a load balancer: 1).
   * 0: the client address is the connection's, and the header is ignored, since any client
   * can send one. Rate limits key on this address.
   */
  trusted_proxy_hops: number
  /** A header a trusted proxy sets to the client address (`cf-connecting-ip`), or null. */
  client_address_header: string | null
  /** Registrations and claims a customer may post per minute. */
  customer_write_rate_limit: number
  /** Registrations and claims posted per minute from one client address, all customers together. */
  address_write_rate_limit: number
}

export const DEFAULT_OPTIONS: SerialPluginOptions = {
  uniqueness_scope: "global",
  default_fulfillment_policy: "auto",
  public_lookup_rate_limit: 60,
  rate_limit_redis_url: null,
  visit_due_days: 7,
  warranty_expiring_days: 30,
  notification_channel: "email",
  staff_email: null,
  registration_requires_approval: true,
  notify_serials_delivered: true,
  warranty_url_template: null,
  trusted_proxy_hops: 0,
  client_address_header: null,
  customer_write_rate_limit: 10,
  address_write_rate_limit: 30,
}

const KNOWN = Object.keys(DEFAULT_OPTIONS)

export class SerialOptionsError extends Error {
  constructor(problems: string[]) {
    super(`medusa-plugin-serial-numbers: invalid plugin options: ${problems.join("; ")}`)
  }
}

export function parsePluginOptions(raw: unknown): SerialPluginOptions {
  const input = (raw ?? {}) as Record<string, unknown>
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new SerialOptionsError([`options must be an object, got ${JSON.stringify(raw)}`])
  }
  const problems: string[] = []
  const options: SerialPluginOptions = { ...DEFAULT_OPTIONS }

  // Medusa passes its own keys to every module of a plugin; only ours are checked.
  const ours = Object.keys(input).filter((k) => KNOWN.includes(k))

  for (const key of ours) {
    const value = input[key]
    if (value === undefined) {
      continue
    }
    switch (key) {
      case "uniqueness_scope":
        if (value !== "global" && value !== "per_variant") {
          problems.push(`uniqueness_scope must be "global" or "per_variant", got ${JSON.stringify(value)}`)
        } else {
          options.uniqueness_scope = value
        }
        break
      case "default_fulfillment_policy":
        if (value !== "auto" && value !== "strict") {
          problems.push(
            `default_fulfillment_policy must be "auto" or "strict", got ${JSON.stringify(value)}`
          )
        } else {
          options.default_fulfillment_policy = value
        }
        break
      case "public_lookup_rate_limit":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100000) {
          problems.push(
            `public_lookup_rate_limit must be a whole number from 1 to 100000 (look-ups per minute and client), got ${JSON.stringify(value)}`
          )
        } else {
          options.public_lookup_rate_limit = value
        }
        break
      case "warranty_url_template": {
        const problem = value === null ? null : typeof value === "string" ? warrantyUrlTemplateProblem(value) : "it is not text"
        if (problem) {
          problems.push(`warranty_url_template must be an http(s) URL holding {serial}, or null: ${problem}, got ${JSON.stringify(value)}`)
        } else {
          options.warranty_url_template = value as string | null
        }
        break
      }
      case "rate_limit_redis_url":
        if (value !== null && (typeof value !== "string" || !/^rediss?:\/\/\S+$/.test(value))) {
          problems.push(`rate_limit_redis_url must be a redis:// or rediss:// URL or null, got ${JSON.stringify(value)}`)
        } else {
          options.rate_limit_redis_url = value
        }
        break
      case "visit_due_days":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 365) {
          problems.push(
            `visit_due_days must be a whole number from 0 to 365 (days ahead a visit is announced), got ${JSON.stringify(value)}`
          )
        } else {
          options.visit_due_days = value
        }
        break
      case "warranty_expiring_days":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 3650) {
          problems.push(
            `warranty_expiring_days must be a whole number from 1 to 3650 (days ahead a warranty end is announced), got ${JSON.stringify(value)}`
          )
        } else {
          options.warranty_expiring_days = value
        }
        break
      case "notification_channel":
        if (typeof value !== "string" || !/^[a-z0-9_-]{1,50}$/i.test(value)) {
          problems.push(
            `notification_channel must be a channel name such as "email" (letters, digits, - and _), got ${JSON.stringify(value)}`
          )
        } else {
          options.notification_channel = value
        }
        break
      case "staff_email":
        if (value !== null && (typeof value !== "string" || !/^[^\s@]+@[^\s@]+$/.test(value) || value.length > 254)) {
          problems.push(`staff_email must be an e-mail address or null, got ${JSON.stringify(value)}`)
        } else {
          options.staff_email = value
        }
        break
      case "trusted_proxy_hops":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
          problems.push(`trusted_proxy_hops must be a whole number from 0 to 10 (proxies that append to X-Forwarded-For), got ${JSON.stringify(value)}`)
        } else {
          options.trusted_proxy_hops = value
        }
        break
      case "client_address_header":
        if (value !== null && (typeof value !== "string" || !/^[a-z0-9-]{1,64}$/i.test(value))) {
          problems.push(`client_address_header must be a header name such as "cf-connecting-ip", or null, got ${JSON.stringify(value)}`)
        } else {
          options.client_address_header = value === null ? null : value.toLowerCase()
        }
        break
      case "customer_write_rate_limit":
      case "address_write_rate_limit":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100000) {
          problems.push(`${key} must be a whole number from 1 to 100000 (registrations and claims per minute), got ${JSON.stringify(value)}`)
        } else {
          options[key] = value
        }
        break
      case "registration_requires_approval":
      case "notify_serials_delivered":
        if (typeof value !== "boolean") {
          problems.push(`${key} must be true or false, got ${JSON.stringify(value)}`)
        } else {
          options[key] = value
        }
        break
    }
  }
  if (problems.length) {
    throw new SerialOptionsError(problems)
  }
  return options
}

/** The part of a serial's uniqueness key that depends on the scope: its variant, or nothing. */
export function scopeKeyOf(options: Pick<SerialPluginOptions, "uniqueness_scope">, variantId: string): string {
  return options.uniqueness_scope === "per_variant" ? variantId : ""
}
