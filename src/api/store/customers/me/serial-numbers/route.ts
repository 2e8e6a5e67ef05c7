import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../../modules/serial/service"
import { customerSerials, presentRegistration } from "../../../present"
import type { StoreRegisterSerialType } from "../../../validators"
import type { StoreCustomerSerialsResponse, StoreRegisterSerialResponse } from "../../../../../shared/http/store"
import { registerCustomerSerialWorkflow } from "../../../../../workflows/register-customer-serial"

/**
 * The logged-in customer's serials (Medusa requires the login on /store/customers/me*),
 * and their registrations awaiting approval or rejected.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCustomerSerialsResponse>) => {
  const customerId = req.auth_context.actor_id
  const service = req.scope.resolve<SerialModuleService>("serial")
  const rows = await service.storefrontListCustomerSerials(customerId)
  const visits = await service.storefrontListCustomerVisits(customerId)
  const serial_numbers = await customerSerials(req.scope, rows, visits)
  const registrations = (await service.storefrontListCustomerRegistrations(customerId)).map(presentRegistration)
  res.json({ serial_numbers, count: serial_numbers.length, registrations })
}

/**
 * Registers a serial bought elsewhere: `{ serial_number, purchased_at }`. 202 with the
 * pending registration (registrations wait for an admin's approval by default); 201 with
 * the serial when the store approves them automatically; 200 with the serial when the
 * customer owns it already.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRegisterSerialType>, res: MedusaResponse<StoreRegisterSerialResponse>) => {
  const customerId = req.auth_context.actor_id
  const { result } = await registerCustomerSerialWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      serial_number: req.validatedBody.serial_number,
      purchased_at: new Date(req.validatedBody.purchased_at).toISOString(),
    },
  })
  const { serial_number_id, registration, existing } = result
  if (registration) {
    res.status(202).json({ registration: presentRegistration(registration) })
    return
  }
  const service = req.scope.resolve<SerialModuleService>("serial")
  const row = (await service.storefrontListCustomerSerials(customerId)).find((r) => r.id === serial_number_id)!
  const visits = await service.storefrontListCustomerVisits(customerId, [row.id])
  const [serial_number] = await customerSerials(req.scope, [row], visits)
  res.status(existing ? 200 : 201).json({ serial_number })
}
