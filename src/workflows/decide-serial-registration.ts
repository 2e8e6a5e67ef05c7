import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SerialEvents } from "../modules/serial/events"
import { decideSerialRegistrationStep, DecideSerialRegistrationStepInput } from "./steps/decide-serial-registration"

export const decideSerialRegistrationWorkflowId = "decide-serial-registration-workflow"
/**
 * `POST /admin/serial-registrations/:id`: an admin approves or rejects a pending
 * registration; approving rejects the other customers' pending registrations of the
 * serial. Emits `serial_registration.decided` (for each registration decided), and
 * `serial_number.registered` when the serial became the customer's. Hook `registrationDecided` ({ registration }): a
 * store's own rule that throws undoes the decision.
 */
export const decideSerialRegistrationWorkflow = createWorkflow(
  decideSerialRegistrationWorkflowId,
  (input: DecideSerialRegistrationStepInput) => {
    const decided = decideSerialRegistrationStep(input)
    const registration = transform({ decided }, ({ decided }) => decided.registration)
    const registrationDecided = createHook("registrationDecided", { registration })
    emitEventStep({
      eventName: SerialEvents.REGISTRATION_DECIDED,
      data: transform({ registration }, ({ registration }) => ({ id: registration.id, status: registration.status })),
    }).config({ name: "emit-registration-decided" })
    // The other customers' pending registrations of an approved serial, rejected with it.
    when({ decided }, ({ decided }) => decided.rejected_ids.length > 0).then(() => {
      emitEventStep({
        eventName: SerialEvents.REGISTRATION_DECIDED,
        data: transform({ decided }, ({ decided }) => decided.rejected_ids.map((id) => ({ id, status: "rejected" }))),
      }).config({ name: "emit-other-registrations-rejected" })
    })
    when({ registration }, ({ registration }) => registration.status === "approved").then(() => {
      emitEventStep({
        eventName: SerialEvents.REGISTERED,
        data: transform({ registration }, ({ registration }) => ({
          ids: [registration.serial_number_id],
          customer_id: registration.customer_id,
          registration_id: registration.id,
        })),
      }).config({ name: "emit-serial-registered" })
    })
    return new WorkflowResponse(registration, { hooks: [registrationDecided] })
  }
)
