import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { presentSerial } from "../../utils/present-serial"
import { presentSchedule } from "../../utils/present-maintenance"
import { retrieveMaintenanceScheduleConfig } from "./query-config"

/**
 * A schedule with its visits and, when its serials are read, each serial's current
 * coverage (one query for all of them).
 */
export async function readSchedule(
  scope: MedusaContainer,
  id: string,
  fields: string[] = retrieveMaintenanceScheduleConfig.defaults
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "maintenance_schedule", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const schedule = presentSchedule(data[0])
  const ids = schedule.serial_number_ids as string[] | undefined
  if (ids?.length) {
    const { data: serials } = await query.graph({
      entity: "serial_number",
      fields: ["id", "serial_number", "status", "customer_id", "warranty_expires_at", "contract_expires_at"],
      filters: { id: ids },
    })
    const now = new Date()
    schedule.serial_numbers = serials
      .map((s) => presentSerial(s, now))
      .sort((a: any, b: any) => String(a.serial_number).localeCompare(String(b.serial_number)))
  }
  return schedule
}
