import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../modules/serial"
import type SerialModuleService from "../../../modules/serial/service"
import { RECEIPT_FIELDS } from "./query-config"

/** A receipt with its lines and how many serials it holds in each status. */
export async function readReceipt(scope: MedusaContainer, id: string, fields: string[] = RECEIPT_FIELDS) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "serial_receipt", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const service: SerialModuleService = scope.resolve(SERIAL_MODULE)
  return { ...data[0], serial_counts: await service.receiptSerialCounts(id) }
}
