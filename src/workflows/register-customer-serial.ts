import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { registerCustomerSerialStep, RegisterCustomerSerialStepInput } from "./steps/register-customer-serial"

export const registerCustomerSerialWorkflowId = "register-customer-serial-workflow"
/**
 * `POST /store/customers/me/serial-numbers`: a customer registers a serial bought
 * elsewhere. Emits `serial_number.registered` when the serial became theirs, or
 * `serial_registration.created` when it waits for an admin's approval; nothing when the
 * customer owned it already. Hook `serialRegistered` ({ customer_id, result }): a store's
 * own rule that throws undoes the registration.
 */
export const registerCustomerSerialWorkflow = createWorkflow(
  registerCustomerSerialWorkflowId,
  (input: RegisterCustomerSerialStepInput) => {
    const result = registerCustomerSerialStep(input)
    const serialRegistered = createHook("serialRegistered", { customer_id: input.customer_id, result })
    when({ result }, ({ result }) => !result.existing && !!result.serial_number_id).then(() => {
      emitEventStep({
        eventName: SerialEvents.REGISTERED,
        data: transform({ result, input }, ({ result, input }) => ({
          ids: [result.serial_number_id as string],
          customer_id: input.customer_id,
          registration_id: null,
        })),
      }).config({ name: "emit-serial-registered" })
    })
    when({ result }, ({ result }) => result.registration_created).then(() => {
      emitEventStep({
        eventName: SerialEvents.REGISTRATION_CREATED,
        data: transform({ result }, ({ result }) => ({
          id: result.registration!.id,
          serial_number_id: result.registration!.serial_number_id,
          customer_id: result.registration!.customer_id,
        })),
      }).config({ name: "emit-registration-created" })
    })
    return new WorkflowResponse(result, { hooks: [serialRegistered] })
  }
)
