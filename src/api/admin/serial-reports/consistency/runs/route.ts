import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startSerialConsistencyRunWorkflow } from "../../../../../workflows/start-serial-consistency-run"
import type { AdminPostConsistencyRunType } from "../../validators"

/**
 * Starts the consistency check: 202 with the new run, which the worker walks (follow it at
 * `GET /admin/serial-reports/consistency/runs/:id`); 200 with the run already going, when
 * one is (one run at a time).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPostConsistencyRunType>, res: MedusaResponse) => {
  const { result } = await startSerialConsistencyRunWorkflow(req.scope).run({
    input: { trigger: "admin", limit: req.validatedBody.limit ?? 1000 },
  })
  res.status(result.started ? 202 : 200).json({ run: result.run })
}
