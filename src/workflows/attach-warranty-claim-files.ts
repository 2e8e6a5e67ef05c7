import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { addClaimAttachmentsStep } from "./steps/add-claim-attachments"
import { checkClaimAttachmentRoomStep } from "./steps/check-claim-attachment-room"
import { privateUploads, storedFiles, type AttachFileInput } from "./utils/private-uploads"

export const attachWarrantyClaimFilesWorkflowId = "attach-warranty-claim-files-workflow"
/**
 * Keeps photos and documents with a warranty claim: uploaded through Medusa's File Module
 * as private files under names the server makes, then listed on the claim. If listing
 * fails, the upload workflow deletes what it stored.
 */
export const attachWarrantyClaimFilesWorkflow = createWorkflow(
  attachWarrantyClaimFilesWorkflowId,
  (input: { id: string; files: AttachFileInput[] }) => {
    checkClaimAttachmentRoomStep(transform({ input }, ({ input }) => ({ id: input.id, adding: input.files.length })))
    const uploaded = uploadFilesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => privateUploads(input.id, input.files)),
    })
    const attachments = addClaimAttachmentsStep(
      transform({ input, uploaded }, ({ input, uploaded }) => ({ id: input.id, files: storedFiles(input.files, uploaded) }))
    )
    return new WorkflowResponse(attachments)
  }
)
