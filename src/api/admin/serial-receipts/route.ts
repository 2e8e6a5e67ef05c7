import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { postSerialReceiptWorkflow } from "../../../workflows/post-serial-receipt"
import { readReceipt } from "./read-receipt"
import type { AdminGetSerialReceiptsParamsType, AdminPostSerialReceiptType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialReceiptsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "serial_receipt",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    serial_receipts: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

/** Posts a purchase receipt: serials in stock and inventory raised, in one workflow. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPostSerialReceiptType>, res: MedusaResponse) => {
  const { result } = await postSerialReceiptWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ serial_receipt: await readReceipt(req.scope, result.id) })
}
