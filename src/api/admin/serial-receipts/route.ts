import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryList } from "../../utils/query-list"
import { postSerialReceiptWorkflow } from "../../../workflows/post-serial-receipt"
import { readReceipt } from "./read-receipt"
import { checkSerialReceiptWorkflow } from "../../../workflows/check-serial-receipt"
import type {
  AdminGetSerialReceiptsParamsType,
  AdminPostSerialReceiptQueryType,
  AdminPostSerialReceiptType,
} from "./validators"
import type { AdminSerialReceiptListResponse, AdminSerialReceiptResponse, ReceiptCheck } from "../../../shared/http/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSerialReceiptsParamsType>,
  res: MedusaResponse<AdminSerialReceiptListResponse>
) => {
  const { data, ...page } = await queryList(req, "serial_receipt")
  res.json({ serial_receipts: data, ...page })
}

/**
 * Posts a purchase receipt: serials in stock and inventory raised, in one workflow.
 * With `?dry_run=true` it runs the same checks and answers every problem, saving nothing.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPostSerialReceiptType, AdminPostSerialReceiptQueryType>,
  res: MedusaResponse<AdminSerialReceiptResponse | ReceiptCheck>
) => {
  if (req.validatedQuery?.dry_run === "true") {
    const { result } = await checkSerialReceiptWorkflow(req.scope).run({
      input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
    })
    res.json({ dry_run: true, problems: result.problems, lines: result.lines })
    return
  }
  const { result } = await postSerialReceiptWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ serial_receipt: await readReceipt(req.scope, result.id) })
}
