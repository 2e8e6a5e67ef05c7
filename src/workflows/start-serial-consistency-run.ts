import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SerialEvents } from "../modules/serial/events"
import type { ConsistencyRunTrigger } from "../shared/http/admin"
import { startConsistencyRunStep } from "./steps/start-consistency-run"

export const startSerialConsistencyRunWorkflowId = "start-serial-consistency-run-workflow"
/**
 * Starts the consistency check for the worker to walk (admin `POST
 * /admin/serial-reports/consistency/runs`): a run is recorded, and its event hands it to
 * the worker's subscriber. A run already going is answered instead of a second one.
 */
export const startSerialConsistencyRunWorkflow = createWorkflow(
  startSerialConsistencyRunWorkflowId,
  (input: { trigger: ConsistencyRunTrigger; limit: number }) => {
    const started = startConsistencyRunStep(input)
    when({ started }, ({ started }) => started.started).then(() => {
      emitEventStep({
        eventName: SerialEvents.CONSISTENCY_RUN_STARTED,
        data: transform({ started }, ({ started }) => ({ id: started.run.id })),
      })
    })
    return new WorkflowResponse(started)
  }
)
