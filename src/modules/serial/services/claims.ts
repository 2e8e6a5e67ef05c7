import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { generateId, SqlManager } from "../lib/sql"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { CLAIM_TRANSITIONS, claimCoverage } from "../lib/maintenance-rules"
import type {
  ClaimDecisionContext,
  ClaimStatus,
  ClaimUndo,
  DecideWarrantyClaimInput,
  FileWarrantyClaimInput,
  UpdateWarrantyClaimInput,
} from "../maintenance-types"
import { CLAIM_ATTACHMENTS_MAX, type StoredFile } from "../../../shared/attachments"
import { CLAIM_DECISION_FROM, CLAIM_DECISION_STATUS, CLAIM_DECISIONS_WITH_ORDER, type ClaimDecision } from "../../../shared/statuses"
import { maintenanceSql } from "../repositories/maintenance"
import { warrantyClaimSql } from "../repositories/warranty-claim"
import { serialSql } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
}

/** What undoing a filed claim removes: the claim, and its ledger row by the filing's operation. */
export type FiledClaimUndo = { claim_id: string; operation_id: string }

/** Warranty claims: filing them with the coverage of the moment, and their life until closed. */
export default class ClaimService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository

  constructor({ baseRepository, serialLedgerEntryRepository }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
  }

  /**
   * Files a warranty claim for a serial. Coverage is computed here, from the serial's
   * warranty and contract dates at this moment (the SPEC's precedence), and stored with
   * the claim; the serial's ledger records the claim.
   */
  @InjectTransactionManager()
  async file(
    input: FileWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; replayed: boolean; undo: FiledClaimUndo | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const [serial] = await serialSql.lockSerials(manager, { id: [input.serial_number_id] }, { columns: "full" })
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${input.serial_number_id}" was not found`)
    }
    const customerId = input.customer_id !== undefined ? input.customer_id : serial.customer_id
    if (customerId && customerId !== serial.customer_id) {
      // Otherwise that customer would follow the claim, and see the serial's warranty, in their account.
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Serial ${serial.serial_number} ${serial.customer_id ? `belongs to customer ${serial.customer_id}` : "belongs to no customer"}, not to customer ${customerId}: a claim names the serial's own customer`
      )
    }
    if (input.actor_type === "customer" && customerId) {
      // Read under the serial's lock: two requests for one serial run one after the other.
      const { byKey, open } = await warrantyClaimSql.findCustomerClaims(manager, customerId, serial.id, input.idempotency_key ?? null)
      if (byKey) {
        if (byKey.serial_number_id !== serial.id) {
          // 422, as the IETF draft on Idempotency-Key asks for a key reused with another request.
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            `Idempotency-Key "${input.idempotency_key}" was used for a claim on another serial; send a new key for a new claim`
          )
        }
        return { id: byKey.id, replayed: true, undo: null }
      }
      if (open.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Serial ${serial.serial_number} already has an open claim of yours (#${open[0].display_id}); follow that one instead of filing another`
        )
      }
    }
    const now = new Date()
    const coverage = claimCoverage(serial, now)
    const status = coverage.maintenance_status
    const id = generateId("snclm")
    await warrantyClaimSql.insertClaim(manager, {
      id,
      serial_number_id: serial.id,
      serial_number: serial.serial_number,
      customer_id: customerId,
      description: input.description,
      ...coverage,
      filed_at: now.toISOString(),
      created_by: input.actor_type === "customer" ? null : input.actor_id ?? null,
      idempotency_key: input.idempotency_key ?? null,
      metadata: input.metadata ?? null,
    })
    const operation_id = newOperationId()
    await this.ledger_.append(operation_id, [
      {
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        type: "warranty_claim",
        from_status: serial.status,
        to_status: serial.status,
        from_location_id: serial.stock_location_id,
        to_location_id: serial.stock_location_id,
        reference_type: "claim",
        reference_id: id,
        actor_type: input.actor_id ? input.actor_type ?? "user" : null,
        actor_id: input.actor_id ?? null,
        data: { maintenance_status: status },
      },
    ], sharedContext)
    return { id, replayed: false, undo: { claim_id: id, operation_id } }
  }

  /** Removes a claim that is being undone, with its ledger row (workflow compensation). */
  @InjectTransactionManager()
  async purge(undo: FiledClaimUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
    await warrantyClaimSql.purgeClaim(manager, undo.claim_id)
  }

  /**
   * Changes a claim: its status (open -> in_progress -> resolved or rejected; open ->
   * rejected), resolution notes, replacement serial and the visits that belong to it.
   */
  @InjectTransactionManager()
  async update(
    id: string,
    input: UpdateWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_status: ClaimStatus; undo: ClaimUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const claim = await warrantyClaimSql.lockClaim(manager, id)
    if (!claim) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${id}" was not found`)
    }
    const undo: ClaimUndo = { claim: { ...claim }, visits: [] }
    const patch: Parameters<typeof warrantyClaimSql.updateClaim>[2] = {}
    if (input.status !== undefined) {
      const from = claim.status as ClaimStatus
      const allowed = CLAIM_TRANSITIONS[from]
      if (!allowed.includes(input.status)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Warranty claim ${id} cannot go from ${from} to ${input.status}` +
            (allowed.length ? ` (from ${from} it can go to ${allowed.join(" or ")})` : ` (a ${from} claim is closed)`)
        )
      }
      patch.status = input.status
      if (input.status === "resolved" || input.status === "rejected") {
        patch.closed_at = new Date()
      }
    }
    if (input.resolution !== undefined) {
      patch.resolution = input.resolution
    }
    if (input.metadata !== undefined) {
      patch.metadata = input.metadata
    }
    if (input.replacement_serial_number_id !== undefined) {
      const replacement = input.replacement_serial_number_id
      if (replacement !== null) {
        if (replacement === claim.serial_number_id) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Field 'replacement_serial_number_id' names the claimed serial itself, got: '${replacement}'`
          )
        }
        const found = await serialSql.lockSerials(manager, { id: [replacement] })
        if (!found.length) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${replacement}" was not found`)
        }
      }
      patch.replacement_serial_number_id = replacement
    }
    if (input.visit_ids !== undefined) {
      const wanted = [...new Set(input.visit_ids)]
      const visits = await maintenanceSql.lockVisits(manager, wanted)
      const missing = wanted.filter((v) => !visits.has(v))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance visits not found: ${missing.join(", ")}`)
      }
      const problems: string[] = []
      for (const v of visits.values()) {
        if (v.serial_number_id !== claim.serial_number_id) {
          problems.push(`visit ${v.id} is for serial ${v.serial_number_id}, not the claimed ${claim.serial_number_id}`)
        } else if (v.warranty_claim_id && v.warranty_claim_id !== id) {
          problems.push(`visit ${v.id} belongs to warranty claim ${v.warranty_claim_id}`)
        }
      }
      if (problems.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field 'visit_ids': ${problems.join("; ")}`)
      }
      const current = await maintenanceSql.visitsOfClaim(manager, id)
      const unlink = current.filter((v) => !visits.has(v.id)).map((v) => v.id)
      const link = wanted.filter((v) => visits.get(v)!.warranty_claim_id !== id)
      undo.visits = [
        ...unlink.map((v) => ({ id: v, warranty_claim_id: id })),
        ...link.map((v) => ({ id: v, warranty_claim_id: null })),
      ]
      await maintenanceSql.setVisitsClaim(manager, unlink, null)
      await maintenanceSql.setVisitsClaim(manager, link, id)
    }
    await warrantyClaimSql.updateClaim(manager, id, patch)
    return { id, from_status: claim.status as ClaimStatus, undo }
  }

  /**
   * Checks a decision against the claim as it is, before anything is opened in Medusa: the
   * claim's status must allow it, and a replace or return needs the serial delivered on
   * an order line (the unit the Medusa return or exchange takes back). Read-only; `decide`
   * checks the status again under the claim's lock.
   */
  @InjectTransactionManager()
  async prepareDecision(
    id: string,
    decision: ClaimDecision,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimDecisionContext> {
    const manager = sharedContext.transactionManager as SqlManager
    const claim = await warrantyClaimSql.findClaim(manager, id)
    if (!claim) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${id}" was not found`)
    }
    refuseDecisionFrom(claim.id, claim.status as ClaimStatus, decision)
    const [serial] = await serialSql.lockSerials(manager, { id: [claim.serial_number_id] }, { columns: "full" })
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${claim.serial_number_id}" was not found`)
    }
    if (CLAIM_DECISIONS_WITH_ORDER.includes(decision) && (serial.status !== "delivered" || !serial.order_id || !serial.line_item_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Serial ${serial.serial_number} is ${serial.status}, not delivered on an order: a ${decision} decision opens a ` +
          `Medusa ${decision === "replace" ? "exchange" : "return"} on the order it was sold in`
      )
    }
    return {
      claim_id: claim.id,
      serial_number_id: serial.id,
      serial_number: serial.serial_number,
      variant_id: serial.variant_id,
      order_id: serial.order_id ?? null,
      line_item_id: serial.line_item_id ?? null,
    }
  }

  /**
   * Records a decision: the status it leads to (shared/statuses.ts), who took it and when,
   * a repair's cost, and the order, return or exchange it opened. A terminal status closes
   * the claim.
   */
  @InjectTransactionManager()
  async decide(
    input: DecideWarrantyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_status: ClaimStatus; undo: ClaimUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const claim = await warrantyClaimSql.lockClaim(manager, input.id)
    if (!claim) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${input.id}" was not found`)
    }
    const from = claim.status as ClaimStatus
    refuseDecisionFrom(claim.id, from, input.decision)
    const status = CLAIM_DECISION_STATUS[input.decision]
    await warrantyClaimSql.updateClaim(manager, claim.id, {
      status,
      decision: input.decision,
      decided_at: new Date(),
      decided_by: input.actor_id ?? null,
      closed_at: status === "resolved" || status === "rejected" ? new Date() : null,
      ...(input.resolution !== undefined ? { resolution: input.resolution } : {}),
      currency_code: input.currency_code ?? null,
      order_id: input.order_id ?? null,
      return_id: input.return_id ?? null,
      exchange_id: input.exchange_id ?? null,
    })
    await warrantyClaimSql.setRepairCost(manager, claim.id, input.repair_cost == null ? null : String(input.repair_cost))
    return { id: claim.id, from_status: from, undo: { claim: { ...claim }, visits: [] } }
  }

  /**
   * Refuses files for a claim before they are uploaded: a claim that does not exist, or
   * one that would then hold more than CLAIM_ATTACHMENTS_MAX. Read-only; `addAttachments`
   * checks again under the claim's lock.
   */
  @InjectTransactionManager()
  async checkAttachmentRoom(id: string, adding: number, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const held = await warrantyClaimSql.lockAttachments(sharedContext.transactionManager as SqlManager, id)
    if (!held) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${id}" was not found`)
    }
    refuseOverfullClaim(id, held.attachments.length, adding)
  }

  /** Adds uploaded files to a claim's attachments; the undo puts back the list as it was. */
  @InjectTransactionManager()
  async addAttachments(
    id: string,
    files: StoredFile[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ attachments: StoredFile[]; undo: { id: string; previous: StoredFile[] } }> {
    const manager = sharedContext.transactionManager as SqlManager
    const held = await warrantyClaimSql.lockAttachments(manager, id)
    if (!held) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty claim with id "${id}" was not found`)
    }
    refuseOverfullClaim(id, held.attachments.length, files.length)
    const attachments = [...held.attachments, ...files]
    await warrantyClaimSql.setAttachments(manager, id, attachments)
    return { attachments, undo: { id, previous: held.attachments } }
  }

  /** Puts a claim's attachment list back (workflow compensation). */
  @InjectTransactionManager()
  async restoreAttachments(undo: { id: string; previous: StoredFile[] }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await warrantyClaimSql.setAttachments(sharedContext.transactionManager as SqlManager, undo.id, undo.previous)
  }

  /** Puts a claim and its visit links back as they were (workflow compensation). */
  @InjectTransactionManager()
  async undoUpdate(undo: ClaimUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as SqlManager
    const c = undo.claim
    await warrantyClaimSql.updateClaim(manager, c.id, {
      status: c.status,
      resolution: c.resolution,
      replacement_serial_number_id: c.replacement_serial_number_id,
      closed_at: c.closed_at,
      metadata: c.metadata,
      decision: c.decision,
      decided_at: c.decided_at,
      decided_by: c.decided_by,
      currency_code: c.currency_code,
      order_id: c.order_id,
      return_id: c.return_id,
      exchange_id: c.exchange_id,
    })
    await warrantyClaimSql.setRepairCost(manager, c.id, c.repair_cost)
    for (const claimId of [c.id, null]) {
      await maintenanceSql.setVisitsClaim(
        manager,
        undo.visits.filter((v) => v.warranty_claim_id === claimId).map((v) => v.id),
        claimId
      )
    }
  }
}

/** Refuses a decision the claim's status does not allow, naming the statuses that would. */
function refuseDecisionFrom(id: string, from: ClaimStatus, decision: ClaimDecision): void {
  const allowed = CLAIM_DECISION_FROM[decision]
  if (!allowed.includes(from)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Warranty claim ${id} is ${from}: a ${decision} decision is taken on ${allowed.join(" or ")} claims`
    )
  }
}

function refuseOverfullClaim(id: string, held: number, adding: number): void {
  if (held + adding > CLAIM_ATTACHMENTS_MAX) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Warranty claim ${id} holds ${held} of at most ${CLAIM_ATTACHMENTS_MAX} files; ${adding} more would be too many`
    )
  }
}
