import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"

export type CreateReceiptRecordInput = {
  stock_location_id: string
  supplier_name: string
  supplier_reference: string | null
  received_at: string
  notes: string | null
  metadata: Record<string, unknown> | null
  created_by: string | null
  lines: Array<{
    variant_id: string
    product_id: string | null
    inventory_item_id: string
    quantity: number
    unit_cost: number | null
  }>
}

/** Writes the receipt document and its lines; compensation deletes them. */
export const createReceiptRecordStep = createStep(
  "serial-create-receipt-record",
  async (input: CreateReceiptRecordInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { lines, ...header } = input
    const receipt = await service.createSerialReceipts({
      ...header,
      received_at: new Date(header.received_at),
      status: "posted",
    })
    await service.createSerialReceiptLines(lines.map((l) => ({ ...l, receipt_id: receipt.id })))
    return new StepResponse(receipt, receipt.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.deleteSerialReceipts(id)
  }
)
