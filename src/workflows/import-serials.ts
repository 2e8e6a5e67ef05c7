import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { importSerialsStep, ImportSerialsStepInput } from "./steps/import-serials"

export const importSerialsWorkflowId = "import-serials-workflow"
/**
 * `POST /admin/serial-imports`: imports a CSV file of serials (register its body with
 * `registerImportSource` first). Returns the import's report; emits one
 * `serial_number.created` for what was saved.
 */
export const importSerialsWorkflow = createWorkflow(importSerialsWorkflowId, (input: ImportSerialsStepInput) => {
  const report = importSerialsStep(input)
  when({ report }, ({ report }) => report.created_ids.length > 0).then(() => {
    emitEventStep({
      eventName: SerialEvents.CREATED,
      data: transform({ report }, ({ report }) => ({
        ids: report.created_ids,
        reference_type: "import",
        reference_id: report.id,
      })),
    }).config({ name: "emit-serials-imported" })
  })
  return new WorkflowResponse(report)
})
