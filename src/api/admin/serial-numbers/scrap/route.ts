import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scrapSerialsWorkflow } from "../../../../workflows/scrap-serials"
import type { AdminScrapSerialNumbersType } from "../validators"
import type { AdminSerialWriteOffResponse } from "../../../../shared/http/admin"

/**
 * Writes serials off, with Medusa's stock (docs/admin-api.md, "Write-offs"). 201 with the
 * write-off and its serials.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminScrapSerialNumbersType>,
  res: MedusaResponse<AdminSerialWriteOffResponse>
) => {
  const { result } = await scrapSerialsWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ serial_write_off: result })
}
