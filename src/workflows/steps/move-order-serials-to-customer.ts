import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import { undoSerialMoves } from "../utils/undo-serial-moves"

export type MoveOrderSerialsToCustomerInput = {
  order_id: string
  from_customer_id: string
  to_customer_id: string
  actor_id?: string | null
}

export const moveOrderSerialsToCustomerStepId = "move-order-serials-to-customer-step"
/** The order's serials pass from its former customer to its new one; compensation gives them back. */
export const moveOrderSerialsToCustomerStep = createStep(
  moveOrderSerialsToCustomerStepId,
  async (input: MoveOrderSerialsToCustomerInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { owner_changes, undo } = await service.moveOrderSerialsToCustomer(input)
    return new StepResponse(owner_changes, undo)
  },
  async (undo, { container }) => undoSerialMoves(undo, container)
)
