import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import type { LedgerReference, ReceiptRecordInput, ReceiveSerialsInput } from "../../modules/serial/types"

export type PostReceiptStepInput = {
  record: ReceiptRecordInput
  receive: Omit<ReceiveSerialsInput, "receipt_id">
  reference?: LedgerReference
}

export const postReceiptStepId = "post-receipt-step"
/**
 * Writes the receipt document and puts its serials in stock, in one transaction (a crash
 * leaves all or nothing); compensation takes exactly those serials out and deletes the
 * document.
 */
export const postReceiptStep = createStep(
  postReceiptStepId,
  async (input: PostReceiptStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const result = await service.postReceipt(input.record, input.receive, input.reference ?? {})
    return new StepResponse(result, { receipt_id: result.receipt.id, received: result.received })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.undoPostReceipt(undo.receipt_id, undo.received)
  }
)
