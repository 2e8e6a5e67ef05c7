/** SQL of warranty claims: a claim locked, filed, found for a customer, changed, or removed by its undo. */
import { run, SqlManager, updateColumns } from "../lib/sql"
import type { ClaimRow } from "../maintenance-types"
import type { StoredFile } from "../../../shared/attachments"

const json = (v: unknown) => JSON.stringify(v)

const CLAIM_ROW_COLUMNS = `id, display_id, serial_number_id, status, resolution, replacement_serial_number_id, closed_at, metadata,
  decision, decided_at, decided_by, repair_cost::text AS repair_cost, currency_code, order_id, return_id, exchange_id`

export const warrantyClaimSql = {
  async lockClaim(manager: SqlManager, id: string): Promise<ClaimRow | null> {
    const [row] = await run(manager,
      `SELECT ${CLAIM_ROW_COLUMNS} FROM warranty_claim WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return row ?? null
  },

  /** A claim as lockClaim reads it, without the lock (a decision's checks before it opens anything). */
  async findClaim(manager: SqlManager, id: string): Promise<ClaimRow | null> {
    const [row] = await run(manager, `SELECT ${CLAIM_ROW_COLUMNS} FROM warranty_claim WHERE id = ? AND deleted_at IS NULL`, [id])
    return row ?? null
  },

  async insertClaim(
    manager: SqlManager,
    row: {
      id: string
      serial_number_id: string
      serial_number: string
      customer_id: string | null
      description: string
      maintenance_status: string | null
      covered: boolean
      warranty_expires_at: string | null
      contract_expires_at: string | null
      filed_at: string
      created_by: string | null
      idempotency_key: string | null
      metadata: Record<string, unknown> | null
    }
  ): Promise<void> {
    await run(manager,
      `INSERT INTO warranty_claim
         (id, serial_number_id, serial_number, customer_id, description, status, maintenance_status, covered,
          warranty_expires_at, contract_expires_at, filed_at, created_by, idempotency_key, metadata, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?, ?::jsonb, now(), now())`,
      [
        row.id,
        row.serial_number_id,
        row.serial_number,
        row.customer_id,
        row.description,
        row.maintenance_status,
        row.covered,
        row.warranty_expires_at,
        row.contract_expires_at,
        row.filed_at,
        row.created_by,
        row.idempotency_key,
        row.metadata === null ? null : json(row.metadata),
      ]
    )
  },

  /**
   * A customer's claim filed with an idempotency key, and the customer's claims on a serial
   * that are still open or in progress (read under the serial's lock).
   */
  async findCustomerClaims(
    manager: SqlManager,
    customerId: string,
    serialNumberId: string,
    idempotencyKey: string | null
  ): Promise<{ byKey: { id: string; serial_number_id: string } | null; open: Array<{ id: string; display_id: number }> }> {
    const rows: Array<{ id: string; display_id: number; serial_number_id: string; status: string; idempotency_key: string | null }> =
      await run(manager,
        `SELECT id, display_id, serial_number_id, status, idempotency_key
           FROM warranty_claim
          WHERE customer_id = ? AND deleted_at IS NULL
            AND (idempotency_key = ? OR (serial_number_id = ? AND status IN ('open', 'in_progress')))
          ORDER BY display_id`,
        [customerId, idempotencyKey, serialNumberId]
      )
    return {
      byKey: idempotencyKey === null ? null : rows.find((r) => r.idempotency_key === idempotencyKey) ?? null,
      open: rows.filter((r) => r.serial_number_id === serialNumberId && (r.status === "open" || r.status === "in_progress")),
    }
  },

  async updateClaim(
    manager: SqlManager,
    id: string,
    patch: Partial<Omit<ClaimRow, "id" | "display_id" | "serial_number_id" | "repair_cost">>
  ): Promise<void> {
    const columns = [
      "status",
      "resolution",
      "replacement_serial_number_id",
      "closed_at",
      "metadata",
      "decision",
      "decided_at",
      "decided_by",
      "currency_code",
      "order_id",
      "return_id",
      "exchange_id",
    ]
    await updateColumns(manager, "warranty_claim", id, columns, patch as Record<string, unknown>)
  },

  /** Sets a repair's cost (a decimal string, or null) with the raw form Medusa's big numbers keep beside it. */
  async setRepairCost(manager: SqlManager, id: string, cost: string | null): Promise<void> {
    await run(manager,
      `UPDATE warranty_claim
          SET repair_cost = ?::numeric,
              raw_repair_cost = CASE WHEN ?::numeric IS NULL THEN NULL
                                     ELSE jsonb_build_object('value', (?::numeric)::text, 'precision', 20) END
        WHERE id = ?`,
      [cost, cost, cost, id]
    )
  },

  async purgeClaim(manager: SqlManager, id: string): Promise<void> {
    await run(manager, `UPDATE maintenance_visit SET warranty_claim_id = NULL WHERE warranty_claim_id = ?`, [id])
    await run(manager, `DELETE FROM warranty_claim WHERE id = ?`, [id])
  },

  /** The serials whose claims were decided by opening this Medusa return (a `return`, or a `replace`'s exchange). */
  async serialIdsOfReturn(manager: SqlManager, returnId: string): Promise<string[]> {
    const rows: Array<{ serial_number_id: string }> = await run(manager,
      `SELECT serial_number_id FROM warranty_claim WHERE return_id = ? AND deleted_at IS NULL`,
      [returnId]
    )
    return rows.map((r) => r.serial_number_id)
  },

  /** A claim's files, read under its lock (files are added one request at a time). */
  async lockAttachments(manager: SqlManager, id: string): Promise<{ id: string; attachments: StoredFile[] } | null> {
    const [row] = await run(manager,
      `SELECT id, COALESCE(attachments, '[]'::jsonb) AS attachments FROM warranty_claim WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return row ?? null
  },

  async setAttachments(manager: SqlManager, id: string, attachments: StoredFile[]): Promise<void> {
    await run(manager,
      `UPDATE warranty_claim SET attachments = ?::jsonb, updated_at = now() WHERE id = ?`,
      [attachments.length ? json(attachments) : null, id]
    )
  },
}
