import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type SerialModuleService from "../../../../../modules/serial/service"
import { customerSerials, presentRegistration } from "../../../present"
import type { StoreCustomerListParamsType, StoreRegisterSerialType } from "../../../validators"
import type { StoreCustomerSerialsResponse, StoreRegisterSerialResponse } from "../../../../../shared/http/store"
import { registerCustomerSerialWorkflow } from "../../../../../workflows/register-customer-serial"

/**
 * The logged-in customer's serials (Medusa requires the login on /store/customers/me*), a
 * page at a time (`limit`, `after` = the previous page's `next_cursor`), how many they
 * have in all, and their registrations awaiting approval or rejected.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreCustomerListParamsType>,
  res: MedusaResponse<StoreCustomerSerialsResponse>
) => {
  const customerId = req.auth_context.actor_id
  const service = req.scope.resolve<SerialModuleService>("serial")
  const { limit, after } = req.validatedQuery as StoreCustomerListParamsType
  const page = await service.storefrontListCustomerSerials(customerId, { limit, after })
  const visits = page.rows.length ? await service.storefrontListCustomerVisits(customerId, page.rows.map((r) => r.id)) : []
  const serial_numbers = await customerSerials(req.scope, page.rows, visits)
  const registrations = (await service.storefrontListCustomerRegistrations(customerId)).map(presentRegistration)
  res.json({ serial_numbers, count: page.count, next_cursor: page.next_cursor, registrations })
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
  const row = await service.storefrontRetrieveCustomerSerial(customerId, serial_number_id as string)
  if (!row) {
    // Registered, yet not the customer's: only a concurrent change (an admin's) can do that.
    throw new MedusaError(MedusaError.Types.CONFLICT, `Serial number "${req.validatedBody.serial_number}" changed while it was being registered; try again`)
  }
  const visits = await service.storefrontListCustomerVisits(customerId, [row.id])
  const [serial_number] = await customerSerials(req.scope, [row], visits)
  res.status(existing ? 200 : 201).json({ serial_number })
}
