import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import type { AdminVendorReturn } from "../../../shared/http/admin"
import { snapshotsOf } from "../lib/snapshots"
import { throwProblems } from "../lib/order-rules"
import { distinctScannedTexts } from "../lib/scanned-texts"
import { generateId, SqlManager } from "../lib/sql"
import type { SerialUndo } from "../order-types"
import type SerialMovementService from "./serial-movement"
import { newOperationId } from "../lib/ids"
import { receiptSql } from "../repositories/serial-receipt"
import { serialSql } from "../repositories/serial-number"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialMovementService: SerialMovementService
}

export type ReturnToSupplierInput = {
  receipt_id: string
  serial_numbers: string[]
  reason?: string | null
  actor_id?: string | null
}

/**
 * Units of a receipt sent back to its supplier (faulty, wrong, surplus). A return has no
 * table of its own: its serials' `return_to_supplier` ledger rows reference the receipt and
 * carry the return's id and reason. The serials keep their receipt and supplier, so their
 * history says where they came from and that they went back.
 */
export default class SerialVendorReturnService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly movement_: SerialMovementService

  constructor({ baseRepository, serialMovementService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.movement_ = serialMovementService
  }

  /**
   * Every serial must have come with this receipt and be in stock (`active`, wherever it
   * is now). The refusal names every one that is not (unknown, listed twice, of another
   * receipt, reserved or otherwise not in stock); a canceled receipt is refused whole.
   */
  @InjectTransactionManager()
  async returnToSupplier(
    input: ReturnToSupplierInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ vendor_return: AdminVendorReturn; undo: SerialUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const receipt = await receiptSql.lockReceipt(manager, input.receipt_id)
    if (!receipt) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial receipt with id "${input.receipt_id}" was not found`)
    }
    if (receipt.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Receipt ${input.receipt_id} is canceled: its serials are out of stock already`)
    }
    const problems: string[] = []
    const texts = distinctScannedTexts(input.serial_numbers, problems)
    const rows = await serialSql.lockSerials(manager, { normalized: [...texts.keys()] }, { columns: "full" })
    const chosen: typeof rows = []
    for (const [key, text] of texts) {
      const matches = rows.filter((r) => r.normalized === key)
      const own = matches.find((r) => r.receipt_id === input.receipt_id)
      if (!matches.length) {
        problems.push(`${text}: no such serial`)
      } else if (!own) {
        problems.push(`${matches[0].serial_number} did not come with this receipt`)
      } else if (own.status !== "active") {
        problems.push(`${own.serial_number} is ${own.status}, not in stock`)
      } else {
        chosen.push(own)
      }
    }
    throwProblems(problems)

    const id = generateId("snvr")
    const operation_id = newOperationId()
    await this.movement_.moveLocked(
      chosen,
      {
        movement: "return_to_supplier",
        reference: {
          reference_type: "purchase_receipt",
          reference_id: input.receipt_id,
          actor_type: input.actor_id ? "user" : null,
          actor_id: input.actor_id ?? null,
          operation_id,
          data: { vendor_return_id: id, reason: input.reason ?? null },
        },
      },
      sharedContext
    )
    return {
      vendor_return: {
        id,
        receipt_id: input.receipt_id,
        supplier_name: receipt.supplier_name,
        reason: input.reason ?? null,
        created_by: input.actor_id ?? null,
        created_at: new Date().toISOString(),
        serials: chosen
          .map((r) => ({ id: r.id, serial_number: r.serial_number, variant_id: r.variant_id, from_location_id: r.stock_location_id! }))
          .sort((a, b) => a.serial_number.localeCompare(b.serial_number)),
      },
      undo: { operation_id, snapshots: snapshotsOf(chosen) },
    }
  }
}
