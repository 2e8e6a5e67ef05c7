import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../../modules/serial"
import type SerialModuleService from "../../../../modules/serial/service"
import { deleteSerialNumbersWorkflow } from "../../../../workflows/delete-serial-numbers"
import { updateSerialNumberWorkflow } from "../../../../workflows/update-serial-number"
import { PRESENT_SERIAL_NEEDS, presentSerial } from "../../../utils/present-serial"
import type { AdminUpdateSerialNumberType } from "../validators"
import type { AdminDeleteResponse, AdminSerialLedgerEntry, AdminSerialNumberResponse } from "../../../../shared/http/admin"
import { asSent } from "../../../utils/as-sent"

async function readSerial(req: AuthenticatedMedusaRequest<any>, fields: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    {
      entity: "serial_number",
      fields: [...new Set([...fields, ...PRESENT_SERIAL_NEEDS])],
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const ledger = await service.listSerialLedgerEntries(
    { serial_number_id: req.params.id },
    { order: { created_at: "ASC", id: "ASC" } }
  )
  return { ...presentSerial(data[0]), ledger: asSent<AdminSerialLedgerEntry[]>(ledger) }
}

/** A serial with its whole ledger, oldest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSerialNumberResponse>) => {
  res.json({ serial_number: await readSerial(req, req.queryConfig.fields) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSerialNumberType>,
  res: MedusaResponse<AdminSerialNumberResponse>
) => {
  const { stock_location_id, status, ...update } = req.validatedBody
  await updateSerialNumberWorkflow(req.scope).run({
    input: { id: req.params.id, update, actor_id: req.auth_context?.actor_id },
  })
  res.json({ serial_number: await readSerial(req, req.queryConfig?.fields ?? []) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteResponse<"serial_number">>) => {
  await deleteSerialNumbersWorkflow(req.scope).run({
    input: { ids: [req.params.id], actor_id: req.auth_context?.actor_id },
  })
  res.json({ id: req.params.id, object: "serial_number", deleted: true })
}
