import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type { SerialPluginOptions } from "../lib/options"
import { normalizeSerial } from "../../../shared/serial-text"
import { decodeCursor, pageOf } from "../lib/cursor"
import { generateId, SqlManager } from "../lib/sql"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { warrantyFor } from "../lib/warranty"
import type { RegistrableRow } from "../repositories/serial-registration"
import { storefrontSerialNotFound } from "../lib/storefront-errors"
import type { RegistrationRow, RegistrationUndo, StorefrontSerialRow } from "../types"
import type { StoredFile } from "../../../shared/attachments"
import { registrationSql } from "../repositories/serial-registration"
import { storefrontSql } from "../repositories/storefront"
import { serialSql } from "../repositories/serial-number"

/** A customer's registration of a serial, and what its compensation undoes. */
export type RegisterSerialResult = {
  serial_number_id: string | null
  registration: RegistrationRow | null
  existing: boolean
  undo: RegistrationUndo
}

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialOptions: SerialPluginOptions
  serialLedgerEntryRepository: SerialLedgerEntryRepository
  serialNumberService: ModulesSdkTypes.IMedusaInternalService<any>
  serialRegistrationService: ModulesSdkTypes.IMedusaInternalService<any>
  serialSettingsService: ModulesSdkTypes.IMedusaInternalService<any>
}

type RegisterReference = { reference_type: string; reference_id: string; actor_type: string | null; actor_id: string | null }

/**
 * What customers see and do: the public warranty look-up, their own serials, visits and
 * claims, and registering serials bought elsewhere (with the admin's decision on them).
 * Every answer is limited to the customer's own records.
 */
export default class StorefrontService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly options_: SerialPluginOptions
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly serials_: ModulesSdkTypes.IMedusaInternalService<any>
  protected readonly registrations_: ModulesSdkTypes.IMedusaInternalService<any>
  protected readonly settings_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({
    baseRepository,
    serialOptions,
    serialLedgerEntryRepository,
    serialNumberService,
    serialRegistrationService,
    serialSettingsService,
  }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.options_ = serialOptions
    this.ledger_ = serialLedgerEntryRepository
    this.serials_ = serialNumberService
    this.registrations_ = serialRegistrationService
    this.settings_ = serialSettingsService
  }

  /** A sold serial by its text (trimmed, case-insensitive), or null. */
  @InjectManager()
  async findSoldSerial(text: string, @MedusaContext() sharedContext: Context = {}): Promise<StorefrontSerialRow | null> {
    return await storefrontSql.findSoldSerial(sharedContext.manager as SqlManager, normalizeSerial(text))
  }

  /**
   * A page of a customer's own serials, each with its next visit date: most recently
   * delivered first, `limit` of them after the page that gave `after` (its `next_cursor`),
   * and how many the customer has in all.
   */
  @InjectManager()
  async listCustomerSerials(
    customerId: string,
    page: { limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: StorefrontSerialRow[]; next_cursor: string | null; count: number }> {
    const manager = sharedContext.manager as SqlManager
    const after = page.after ? (decodeCursor(page.after, 3) as [string | null, string, string]) : null
    const rows = await storefrontSql.listCustomerSerials(manager, customerId, { limit: page.limit + 1, after })
    const count = await storefrontSql.countCustomerSerials(manager, customerId)
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
    return { ...pageOf(rows, page.limit, (r) => [iso(r.delivered_at), r.serial_number, r.id]), count }
  }

  /** One of a customer's own serials by id, or null when it is not theirs. */
  @InjectManager()
  async retrieveCustomerSerial(
    customerId: string,
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow | null> {
    const [row] = await storefrontSql.listCustomerSerials(sharedContext.manager as SqlManager, customerId, { limit: 1, ids: [id] })
    return row ?? null
  }

  /** A customer's own serial by its text, or null (unknown and someone else's alike). */
  @InjectManager()
  async findCustomerSerial(
    customerId: string,
    text: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StorefrontSerialRow | null> {
    return await storefrontSql.findCustomerSerial(sharedContext.manager as SqlManager, customerId, normalizeSerial(text))
  }

  /** A customer's own pending visits from today on (optionally of some serials only). */
  @InjectManager()
  async listCustomerVisits(
    customerId: string,
    serialIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<any[]> {
    return await storefrontSql.listCustomerVisits(sharedContext.manager as SqlManager, customerId, serialIds)
  }

  /**
   * A page of a customer's own warranty claims, newest first, after the page that gave
   * `after`, and how many the customer has in all.
   */
  @InjectManager()
  async listCustomerClaims(
    customerId: string,
    page: { limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: any[]; next_cursor: string | null; count: number }> {
    const manager = sharedContext.manager as SqlManager
    const after = page.after ? (decodeCursor(page.after, 2) as [string, string]) : null
    const rows = await storefrontSql.listCustomerClaims(manager, customerId, { limit: page.limit + 1, after })
    const count = await storefrontSql.countCustomerClaims(manager, customerId)
    return { ...pageOf(rows, page.limit, (c) => [new Date(c.filed_at).toISOString(), c.id]), count }
  }

  /** One of a customer's own claims by id, or null when it is not theirs. */
  @InjectManager()
  async retrieveCustomerClaim(customerId: string, id: string, @MedusaContext() sharedContext: Context = {}): Promise<any | null> {
    const [row] = await storefrontSql.listCustomerClaims(sharedContext.manager as SqlManager, customerId, { limit: 1, id })
    return row ?? null
  }

  /** A customer's registrations that are not (or not yet) approved: pending and rejected. */
  @InjectManager()
  async listCustomerRegistrations(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<RegistrationRow[]> {
    return await registrationSql.listCustomerRegistrations(sharedContext.manager as SqlManager, customerId)
  }

  /**
   * Registers a serial bought elsewhere to a customer: it must exist, be `inactive` and
   * belong to nobody; anything else is the same 404 as an unknown serial. With
   * `registration_requires_approval` (the default) it waits as a pending registration
   * instead. A serial the customer owns already answers as it is (`existing`), so that a
   * storefront repeating a registration that went through does not see a 404.
   */
  @InjectTransactionManager()
  async register(
    input: { customer_id: string; serial_number: string; purchased_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RegisterSerialResult> {
    const manager = sharedContext.transactionManager as SqlManager
    const normalized = normalizeSerial(input.serial_number)
    const owned = await storefrontSql.findCustomerSerial(manager, input.customer_id, normalized)
    if (owned) {
      return { serial_number_id: owned.id, registration: null, existing: true, undo: {} }
    }
    const candidates = await serialSql.lockSerials(
      manager,
      { normalized: [normalized], customer_id: null, status: ["inactive"] },
      { columns: "full" }
    )
    if (candidates.length !== 1) {
      // none, or (per-variant uniqueness) several units with that text: ambiguous.
      throw storefrontSerialNotFound(input.serial_number)
    }
    const serial = candidates[0]
    if (this.options_.registration_requires_approval) {
      // Registering again while one is pending answers the pending one.
      const pending = await registrationSql.findPendingRegistration(manager, serial.id, input.customer_id)
      if (pending) {
        return { serial_number_id: null, registration: pending, existing: false, undo: {} }
      }
      const registration = await registrationSql.insertRegistration(manager, {
        id: generateId("snreg"),
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        customer_id: input.customer_id,
        purchased_at: input.purchased_at.toISOString(),
      })
      return { serial_number_id: null, registration, existing: false, undo: { inserted_registration_id: registration.id } }
    }
    const given = await this.giveToCustomer_(serial, input.customer_id, input.purchased_at, {
      reference_type: "customer",
      reference_id: input.customer_id,
      actor_type: "customer",
      actor_id: input.customer_id,
    }, sharedContext)
    return { serial_number_id: serial.id, registration: null, existing: false, undo: { given } }
  }

  /**
   * The customer's own pending registration, to which a proof of purchase may be added;
   * another customer's is answered as not found (its existence is not theirs to learn).
   * With `proof`, sets it; answers the registration as it now is, and the proof it replaced
   * (for the undo, and for deleting its file).
   */
  @InjectTransactionManager()
  async setProofOfPurchase(
    input: { customer_id: string; registration_id: string; proof?: StoredFile | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ registration: RegistrationRow; previous: StoredFile | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const registration = await registrationSql.lockRegistration(manager, input.registration_id)
    if (!registration || registration.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial registration with id "${input.registration_id}" was not found`)
    }
    if (registration.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial registration ${registration.id} is ${registration.status}: a proof of purchase is added while it awaits a decision`
      )
    }
    if (input.proof !== undefined) {
      await registrationSql.setProofOfPurchase(manager, registration.id, input.proof)
    }
    return {
      registration: { ...registration, proof_of_purchase: input.proof === undefined ? registration.proof_of_purchase : input.proof },
      previous: registration.proof_of_purchase ?? null,
    }
  }

  /** Puts a registration's proof of purchase back (workflow compensation). */
  @InjectTransactionManager()
  async restoreProofOfPurchase(
    undo: { registration_id: string; previous: StoredFile | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await registrationSql.setProofOfPurchase(sharedContext.transactionManager as SqlManager, undo.registration_id, undo.previous)
  }

  /**
   * An admin's decision on a pending registration. Approving gives the serial to the
   * customer if it still is registrable, and rejects the other customers' pending
   * registrations of it; rejecting changes nothing on the serial. A decided registration
   * cannot be decided again.
   */
  @InjectTransactionManager()
  async decideRegistration(
    input: { id: string; action: "approve" | "reject"; note?: string | null; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ registration: RegistrationRow; undo: RegistrationUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const registration = await registrationSql.lockRegistration(manager, input.id)
    if (!registration) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial registration with id "${input.id}" was not found`)
    }
    if (registration.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial registration ${registration.id} is ${registration.status} and cannot be ${input.action === "approve" ? "approved" : "rejected"}`
      )
    }
    const undo: RegistrationUndo = { decided_registration_id: registration.id }
    if (input.action === "approve") {
      const [serial] = await serialSql.lockSerials(manager, { id: [registration.serial_number_id] }, { columns: "full" })
      if (!serial || serial.customer_id || serial.status !== "inactive") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Serial "${registration.serial_number}" can no longer be registered: ${
            !serial ? "it was deleted" : serial.customer_id ? "it belongs to a customer" : `its status is ${serial.status}`
          }`
        )
      }
      undo.given = await this.giveToCustomer_(serial, registration.customer_id, new Date(registration.purchased_at), {
        reference_type: "serial_registration",
        reference_id: registration.id,
        actor_type: input.actor_id ? "user" : null,
        actor_id: input.actor_id ?? null,
      }, sharedContext)
      // The serial is this customer's now: the other customers' pending registrations of
      // it can no longer be approved, so they are rejected with the reason, not left waiting.
      const rejected = await registrationSql.rejectOtherPending(manager, registration, {
        decided_by: input.actor_id ?? null,
        note: `Serial "${registration.serial_number}" was registered to another customer`,
      })
      if (rejected.length) {
        undo.rejected_registration_ids = rejected
      }
    }
    // Written by the ORM when the transaction commits: nothing after it reads the registration.
    const [decided] = await this.registrations_.update(
      [
        {
          id: registration.id,
          status: input.action === "approve" ? "approved" : "rejected",
          decided_at: new Date(),
          decided_by: input.actor_id ?? null,
          note: input.note ?? null,
        },
      ],
      sharedContext
    )
    return { registration: registrationRow(decided), undo }
  }

  /** Undoes `register` or `decideRegistration` (their workflow step's compensation). */
  @InjectTransactionManager()
  async undoRegistration(undo: RegistrationUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (undo.given) {
      await this.ledger_.deleteOperation(undo.given.operation_id, sharedContext)
    }
    await registrationSql.undoRegistration(sharedContext.transactionManager as SqlManager, undo)
  }

  /** Customer and warranty from the purchase date (unless overridden), ledger `register`. */
  protected async giveToCustomer_(
    serial: RegistrableRow,
    customerId: string,
    purchasedAt: Date,
    ref: RegisterReference,
    sharedContext: Context
  ): Promise<NonNullable<RegistrationUndo["given"]>> {
    const manager = sharedContext.transactionManager as SqlManager
    let warranty: { starts_at: string | null; expires_at: string | null } | undefined
    if (!serial.warranty_overridden) {
      const [settings] = await this.settings_.list(
        { variant_id: serial.variant_id },
        { select: ["warranty_value", "warranty_unit"], take: 1 },
        sharedContext
      )
      const period = warrantyFor(settings ?? null, purchasedAt)
      warranty = {
        starts_at: period ? period.starts_at.toISOString() : null,
        expires_at: period ? period.expires_at.toISOString() : null,
      }
    }
    // Written by the ORM when the transaction commits; the ledger row after it is another table.
    await this.serials_.update(
      {
        id: serial.id,
        customer_id: customerId,
        ...(warranty
          ? {
              warranty_starts_at: warranty.starts_at ? new Date(warranty.starts_at) : null,
              warranty_expires_at: warranty.expires_at ? new Date(warranty.expires_at) : null,
            }
          : {}),
      },
      sharedContext
    )
    const operation_id = newOperationId()
    await this.ledger_.append(operation_id, [
      {
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        type: "register",
        from_status: serial.status,
        to_status: serial.status,
        from_location_id: serial.stock_location_id,
        to_location_id: serial.stock_location_id,
        ...ref,
        data: {
          customer_id: customerId,
          purchased_at: purchasedAt.toISOString(),
          warranty_starts_at: warranty?.starts_at ?? null,
          warranty_expires_at: warranty?.expires_at ?? null,
        },
      },
    ], { transactionManager: manager })
    const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
    return {
      serial_number_id: serial.id,
      customer_id: customerId,
      warranty_starts_at: iso(serial.warranty_starts_at),
      warranty_expires_at: iso(serial.warranty_expires_at),
      operation_id,
    }
  }
}

/** A registration as the routes answer it, from the ORM's row. */
function registrationRow(r: any): RegistrationRow {
  return {
    id: r.id,
    serial_number_id: r.serial_number_id,
    serial_number: r.serial_number,
    customer_id: r.customer_id,
    purchased_at: r.purchased_at,
    status: r.status,
    decided_at: r.decided_at,
    decided_by: r.decided_by,
    note: r.note,
    proof_of_purchase: r.proof_of_purchase ?? null,
    created_at: r.created_at,
  }
}
