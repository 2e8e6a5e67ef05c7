import type { LedgerReference } from "../types"
import type { PlannedTransition } from "./status-machine"

/** The reference columns of a ledger row, every one present (null when not given); the operation is the writer's. */
export function ledgerReference(ref: LedgerReference) {
  return {
    reference_type: ref.reference_type ?? null,
    reference_id: ref.reference_id ?? null,
    actor_type: ref.actor_type ?? null,
    actor_id: ref.actor_id ?? null,
    data: ref.data ?? null,
  }
}

/** The status and location columns of a ledger row, from the move the status machine planned. */
export function planColumns(plan: PlannedTransition) {
  return {
    from_status: plan.from_status,
    to_status: plan.to_status,
    from_location_id: plan.from_location_id,
    to_location_id: plan.to_location_id,
  }
}
