import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reserveOrderSerialsWorkflow } from "../../../../../workflows/reserve-order-serials"
import { swapOrderSerialWorkflow } from "../../../../../workflows/swap-order-serial"
import type { AdminPostOrderSerialNumbersType } from "../../validators"
import { readOrderSerials } from "./read-order-serials"
import type { AdminOrderSerialsResponse } from "../../../../../shared/http/admin"

/** The order's lines with their serials and how many each still misses. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderSerialsResponse>) => {
  res.json({ order_serial_numbers: await readOrderSerials(req.scope, req.params.id) })
}

/** Reserves serials for a line before fulfilment, or swaps one on a line before shipment. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPostOrderSerialNumbersType>, res: MedusaResponse<AdminOrderSerialsResponse>) => {
  const body = req.validatedBody
  const actor_id = req.auth_context?.actor_id ?? null
  if (body.swap) {
    await swapOrderSerialWorkflow(req.scope).run({
      input: { order_id: req.params.id, line_item_id: body.line_item_id, from: body.swap.from, to: body.swap.to, actor_id },
    })
  } else {
    await reserveOrderSerialsWorkflow(req.scope).run({
      input: {
        order_id: req.params.id,
        line_item_id: body.line_item_id,
        serial_numbers: body.serial_numbers ?? [],
        actor_id,
      },
    })
  }
  res.json({ order_serial_numbers: await readOrderSerials(req.scope, req.params.id) })
}
