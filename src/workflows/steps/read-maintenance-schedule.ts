import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** What a schedule keeps when it is planned again: its serials, type, technician, customer and notes. */
export type ScheduleToReplan = {
  id: string
  type: "preventive" | "warranty" | "amc"
  status: string
  assignee: string | null
  customer_id: string | null
  notes: string | null
  metadata: Record<string, unknown> | null
  serial_number_ids: string[]
}

export const readMaintenanceScheduleStepId = "read-maintenance-schedule-step"
/** Reads a schedule to plan again; only an active one may be (a closed one stays as it ended). Read-only. */
export const readMaintenanceScheduleStep = createStep(readMaintenanceScheduleStepId, async (id: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "maintenance_schedule",
    fields: ["id", "type", "status", "assignee", "customer_id", "notes", "metadata", "serials.serial_number_id"],
    filters: { id },
  })
  const found = data[0] as any
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Maintenance schedule with id "${id}" was not found`)
  }
  if (found.status !== "active") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Maintenance schedule ${id} is ${found.status}: only an active schedule can be planned again`
    )
  }
  return new StepResponse<ScheduleToReplan>({
    id: found.id,
    type: found.type,
    status: found.status,
    assignee: found.assignee ?? null,
    customer_id: found.customer_id ?? null,
    notes: found.notes ?? null,
    metadata: found.metadata ?? null,
    serial_number_ids: (found.serials ?? []).map((s: any) => s.serial_number_id).sort(),
  })
})
