import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteFilesWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { privateUploads, storedFiles, type AttachFileInput } from "./utils/private-uploads"
import { checkRegistrationProofStep, setRegistrationProofStep } from "./steps/set-registration-proof"

export const attachRegistrationProofWorkflowId = "attach-registration-proof-workflow"
/**
 * A customer's proof of purchase (a receipt, an invoice) for their pending registration:
 * uploaded through Medusa's File Module as a private file, set on the registration for
 * the admin who decides it. A second proof replaces the first, whose file is deleted once
 * the new one is set.
 */
export const attachRegistrationProofWorkflow = createWorkflow(
  attachRegistrationProofWorkflowId,
  (input: { customer_id: string; registration_id: string; file: AttachFileInput }) => {
    checkRegistrationProofStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, registration_id: input.registration_id }))
    )
    const uploaded = uploadFilesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => privateUploads(input.registration_id, [input.file])),
    })
    const proof = transform({ input, uploaded }, ({ input, uploaded }) => storedFiles([input.file], uploaded)[0])
    const set = setRegistrationProofStep(
      transform({ input, proof }, ({ input, proof }) => ({
        customer_id: input.customer_id,
        registration_id: input.registration_id,
        proof,
      }))
    )
    when("registration-proof-replaced", { set }, ({ set }) => !!set.previous).then(() => {
      deleteFilesWorkflow.runAsStep({ input: transform({ set }, ({ set }) => ({ ids: [set.previous!.file_id] })) })
    })
    return new WorkflowResponse(transform({ set }, ({ set }) => set.registration))
  }
)
