import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import type { AdminSerialOwnerChange } from "../../../shared/http/admin"
import { snapshotsOf } from "../lib/snapshots"
import type { SqlManager } from "../lib/sql"
import type { OrderSerialRow, SerialUndo } from "../order-types"
import { newOperationId } from "../lib/ids"
import type { SerialLedgerEntryRepository } from "../repositories/serial-ledger-entry"
import { ownershipSql } from "../repositories/ownership"
import { serialSql } from "../repositories/serial-number"

export type ChangeSerialOwnerInput = {
  id: string
  customer_id: string
  note?: string | null
  actor_id?: string | null
}

/**
 * A unit changing hands after its sale (a resale, a gift, a company car passed on): the
 * serial's owner changes, and nothing else. Its warranty, order and history stay, so the
 * new owner has the cover the unit had, no more and no less.
 */
export default class SerialOwnershipService {
  // The transaction decorators find their manager through it.
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly ledger_: SerialLedgerEntryRepository
  protected readonly serials_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({
    baseRepository,
    serialLedgerEntryRepository,
    serialNumberService,
  }: {
    baseRepository: DAL.RepositoryService
    serialLedgerEntryRepository: SerialLedgerEntryRepository
    serialNumberService: ModulesSdkTypes.IMedusaInternalService<any>
  }) {
    this.baseRepository_ = baseRepository
    this.ledger_ = serialLedgerEntryRepository
    this.serials_ = serialNumberService
  }

  /**
   * Refused (400) for a serial nobody owns (in stock, or never sold) and for the owner it
   * has already; an unknown serial is a 404.
   */
  @InjectTransactionManager()
  async changeOwner(
    input: ChangeSerialOwnerInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ owner_change: AdminSerialOwnerChange; undo: SerialUndo }> {
    const manager = sharedContext.transactionManager as SqlManager
    const [serial] = await serialSql.lockSerials(manager, { id: [input.id] }, { columns: "full" })
    if (!serial) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Serial number with id "${input.id}" was not found`)
    }
    if (!serial.customer_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${serial.serial_number} has no owner to pass it on from (it is ${serial.status}); a unit is sold to its first owner by an order or a registration`
      )
    }
    if (serial.customer_id === input.customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${serial.serial_number} is owned by ${input.customer_id} already`)
    }
    const operation_id = newOperationId()
    // Written by the ORM when the transaction commits; the ledger row after it is another table.
    await this.serials_.update({ id: serial.id, customer_id: input.customer_id }, sharedContext)
    await this.ledger_.append(operation_id, [
      ownerChangeRow(serial, {
        reference_type: "customer",
        reference_id: input.customer_id,
        actor_id: input.actor_id,
        data: { from_customer_id: serial.customer_id, to_customer_id: input.customer_id, note: input.note ?? null },
      }),
    ], sharedContext)
    return {
      owner_change: {
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        from_customer_id: serial.customer_id,
        to_customer_id: input.customer_id,
        note: input.note ?? null,
        warranty_expires_at: serial.warranty_expires_at ? new Date(serial.warranty_expires_at).toISOString() : null,
      },
      undo: { operation_id, snapshots: snapshotsOf([serial]) },
    }
  }

  /**
   * An order changed customer (Medusa's order transfer, or an admin's transfer to a guest):
   * the order's serials still owned by the customer it had go to the one it has now. A unit
   * already passed on to someone else (an owner change) stays with them. Nothing to move
   * (the same event twice, an order without serials) moves nothing.
   */
  @InjectTransactionManager()
  async moveOrderSerials(
    input: { order_id: string; from_customer_id: string; to_customer_id: string; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ owner_changes: AdminSerialOwnerChange[]; undo: SerialUndo | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    if (input.from_customer_id === input.to_customer_id) {
      return { owner_changes: [], undo: null }
    }
    const rows = await serialSql.lockSerials(
      manager,
      { order_id: input.order_id, customer_id: input.from_customer_id },
      { columns: "full" }
    )
    if (!rows.length) {
      return { owner_changes: [], undo: null }
    }
    const operation_id = newOperationId()
    await ownershipSql.setCustomers(manager, rows.map((r) => r.id), input.to_customer_id)
    await this.ledger_.append(
      operation_id,
      rows.map((serial) =>
        ownerChangeRow(serial, {
          reference_type: "order",
          reference_id: input.order_id,
          actor_id: input.actor_id,
          data: { from_customer_id: input.from_customer_id, to_customer_id: input.to_customer_id, note: "order transferred" },
        })
      ),
      sharedContext
    )
    return {
      owner_changes: rows.map((serial) => ({
        serial_number_id: serial.id,
        serial_number: serial.serial_number,
        from_customer_id: input.from_customer_id,
        to_customer_id: input.to_customer_id,
        note: "order transferred",
        warranty_expires_at: serial.warranty_expires_at ? new Date(serial.warranty_expires_at).toISOString() : null,
      })),
      undo: { operation_id, snapshots: snapshotsOf(rows) },
    }
  }
}

/** The `owner_change` ledger row of a serial: status and location stay as they are. */
function ownerChangeRow(
  serial: OrderSerialRow,
  ref: { reference_type: string; reference_id: string; actor_id?: string | null; data: Record<string, unknown> }
) {
  return {
    serial_number_id: serial.id,
    serial_number: serial.serial_number,
    type: "owner_change",
    from_status: serial.status,
    to_status: serial.status,
    from_location_id: serial.stock_location_id,
    to_location_id: serial.stock_location_id,
    reference_type: ref.reference_type,
    reference_id: ref.reference_id,
    actor_type: ref.actor_id ? "user" : null,
    actor_id: ref.actor_id ?? null,
    data: ref.data,
  }
}
