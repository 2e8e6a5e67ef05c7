import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { throwProblems } from "../lib/order-rules"
import { distinctScannedTexts } from "../lib/scanned-texts"
import { SqlManager } from "../lib/sql"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { receiptSql } from "../repositories/serial-receipt"
import { serialSql, type SerialRow } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialLedgerEntryRepository: SerialLedgerEntryRepository
  serialMovementService: SerialMovementService
  serialReceiptService: ModulesSdkTypes.IMedusaInternalService<any>
}

export type CancelReceiptSerialsInput = {
  receipt_id: string
  serial_numbers: string[]
  actor_id?: string | null
}

/** What `cancelSerials` did, for the stock adjustment and the answer. */
export type CanceledReceiptSerials = {
  receipt_id: string
  stock_location_id: string
  /** True when no serial is left on the receipt: it is canceled as a whole. */
  receipt_canceled: boolean
  serials: Array<{ id: string; serial_number: string; variant_id: string; inventory_item_id: string | null }>
}

/** Everything `undoCancelSerials` puts back. */
export type CancelReceiptSerialsUndo = {
  operation_id: string
  receipt: { id: string; status: string; canceled_at: string | null }
  lines: Array<{ id: string; quantity: number }>
  serials: SerialRow[]
}

/**
 * A receipt corrected after posting: chosen serials never arrived (a miscount, a mistyped
 * serial). They are un-received: `inactive`, no location, no receipt, supplier, unit cost
 * or receipt date (the ledger keeps that they came and went), and the receipt's lines count
 * them no more. Units that arrived and go back to the supplier are a vendor return instead.
 */
export default class SerialReceiptCorrectionService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly movement_: SerialMovementService
  protected readonly receipts_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({ baseRepository, serialLedgerEntryRepository, serialMovementService, serialReceiptService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
    this.movement_ = serialMovementService
    this.receipts_ = serialReceiptService
  }

  /**
   * Every serial must have come with this receipt and still be in stock at its location
   * (as for canceling the whole receipt); the refusal names every one that is not. When
   * none is left, the receipt is canceled.
   */
  @InjectTransactionManager()
  async cancelSerials(
    input: CancelReceiptSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ result: CanceledReceiptSerials; undo: CancelReceiptSerialsUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const receipt = await receiptSql.lockReceipt(manager, input.receipt_id)
    if (!receipt) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial receipt with id "${input.receipt_id}" was not found`)
    }
    if (receipt.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Receipt ${input.receipt_id} is already canceled`)
    }
    const problems: string[] = []
    const texts = distinctScannedTexts(input.serial_numbers, problems)
    const ofReceipt = await serialSql.lockSerials(manager, { receipt_id: input.receipt_id }, { columns: "full" })
    const byKey = new Map<string, SerialRow[]>()
    for (const row of ofReceipt) {
      const same = byKey.get(row.normalized)
      if (same) same.push(row)
      else byKey.set(row.normalized, [row])
    }
    const chosen: SerialRow[] = []
    for (const [key, text] of texts) {
      const rows = byKey.get(key) ?? []
      const row = rows[0]
      if (!row) {
        problems.push(`${text} did not come with this receipt`)
      } else if (rows.length > 1) {
        // Serials unique per variant: two variants of the receipt have this one.
        problems.push(`${row.serial_number} came with this receipt for ${rows.length} variants; cancel the whole receipt or correct them by hand`)
      } else if (row.status !== "active" || row.stock_location_id !== receipt.stock_location_id) {
        problems.push(
          `${row.serial_number} is no longer in stock at the receipt's location (${row.status}${row.stock_location_id && row.stock_location_id !== receipt.stock_location_id ? ` at ${row.stock_location_id}` : ""})`
        )
      } else {
        chosen.push(row)
      }
    }
    throwProblems(problems)

    const lines = await receiptSql.lockLines(manager, input.receipt_id)
    const lowered = lowerLines(lines, chosen)
    const operation_id = newOperationId()
    await this.movement_.moveLocked(
      chosen,
      {
        movement: "deactivate",
        set: { receipt_id: null, supplier_name: null, supplier_reference: null, received_at: null },
        reference: {
          reference_type: "purchase_receipt",
          reference_id: input.receipt_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { canceled: true, partial: true },
        },
      },
      sharedContext
    )
    await receiptSql.setUnitCost(manager, chosen.map((c) => c.id), null)
    await receiptSql.setLineQuantities(manager, lowered)
    const receiptCanceled = chosen.length === ofReceipt.length
    if (receiptCanceled) {
      // Written by the ORM when the transaction commits: nothing after it here reads the receipt.
      await this.receipts_.update({ id: input.receipt_id, status: "canceled", canceled_at: new Date() }, sharedContext)
    }
    return {
      result: {
        receipt_id: input.receipt_id,
        stock_location_id: receipt.stock_location_id,
        receipt_canceled: receiptCanceled,
        serials: chosen
          .map((c) => ({ id: c.id, serial_number: c.serial_number, variant_id: c.variant_id, inventory_item_id: c.inventory_item_id }))
          .sort((a, b) => a.serial_number.localeCompare(b.serial_number)),
      },
      undo: {
        operation_id,
        receipt: { id: receipt.id, status: receipt.status, canceled_at: receipt.canceled_at },
        lines: lines.filter((l) => lowered.some((x) => x.id === l.id)).map((l) => ({ id: l.id, quantity: l.quantity })),
        serials: chosen,
      },
    }
  }

  /** Compensation of `cancelSerials`: serials, lines and receipt as they were, its ledger rows gone. */
  @InjectTransactionManager()
  async undoCancelSerials(undo: CancelReceiptSerialsUndo | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!undo) {
      return
    }
    const manager = sharedContext.transactionManager as SqlManager
    await receiptSql.restoreSerials(manager, undo.serials)
    await receiptSql.setLineQuantities(manager, undo.lines)
    const { id, status, canceled_at } = undo.receipt
    await this.receipts_.update({ id, status, canceled_at: canceled_at ? new Date(canceled_at) : null }, sharedContext)
    await this.ledger_.deleteOperation(undo.operation_id, sharedContext)
  }
}

/** Each line of a serial's variant gives up one unit per canceled serial, the last line first. */
function lowerLines(
  lines: Array<{ id: string; variant_id: string; quantity: number }>,
  canceled: Array<{ variant_id: string }>
): Array<{ id: string; quantity: number }> {
  const quantities = new Map(lines.map((l) => [l.id, l.quantity]))
  for (const serial of canceled) {
    const line = [...lines].reverse().find((l) => l.variant_id === serial.variant_id && quantities.get(l.id)! > 0)
    if (line) {
      quantities.set(line.id, quantities.get(line.id)! - 1)
    }
  }
  return lines.filter((l) => quantities.get(l.id) !== l.quantity).map((l) => ({ id: l.id, quantity: quantities.get(l.id)! }))
}
