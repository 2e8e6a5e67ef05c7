import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export type RecordShipmentSerialsStepInput = { order_id: string; fulfillment_id: string; shipped_at: Date | string }

export const recordShipmentSerialsStepId = "record-shipment-serials-step"
/**
 * Stamps `shipped_at` on a fulfilment's serials (ledger `ship`); nothing for a fulfilment
 * without order or not shipped (null input). Compensation removes the stamp.
 */
export const recordShipmentSerialsStep = createStep(
  recordShipmentSerialsStepId,
  async (input: RecordShipmentSerialsStepInput | null, { container }) => {
    if (!input) {
      return new StepResponse([], null)
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { moved, undo } = await service.recordFulfillmentShipment(input)
    return new StepResponse(moved, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
