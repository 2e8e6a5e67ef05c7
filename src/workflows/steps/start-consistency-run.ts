import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { ConsistencyRunTrigger } from "../../shared/http/admin"

export const startConsistencyRunStepId = "start-consistency-run-step"
/**
 * Starts a consistency run, or answers the one running (`started: false`). Compensation
 * marks a run it started failed, so that the next start begins anew instead of waiting
 * for a heartbeat nobody keeps.
 */
export const startConsistencyRunStep = createStep(
  startConsistencyRunStepId,
  async (input: { trigger: ConsistencyRunTrigger; limit: number }, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const started = await service.startConsistencyRun(input)
    return new StepResponse(started, started.started ? started.run.id : null)
  },
  async (runId, { container }) => {
    if (!runId) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.failConsistencyRun(runId, "its start was rolled back")
  }
)
