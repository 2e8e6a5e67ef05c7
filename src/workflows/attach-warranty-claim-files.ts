import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { ATTACHMENT_TYPES, type AttachmentType, type StoredFile } from "../shared/attachments"
import { addClaimAttachmentsStep } from "./steps/add-claim-attachments"
import { checkClaimAttachmentRoomStep } from "./steps/check-claim-attachment-room"

export type AttachFileInput = { filename: string; mime_type: AttachmentType; size: number; content: string }

export const attachWarrantyClaimFilesWorkflowId = "attach-warranty-claim-files-workflow"
/**
 * Keeps photos and documents with a warranty claim: uploaded through Medusa's File Module
 * as private files under names the server makes (the claim's id, the checked type's
 * extension), then listed on the claim. If listing fails, the upload workflow deletes what
 * it stored.
 */
export const attachWarrantyClaimFilesWorkflow = createWorkflow(
  attachWarrantyClaimFilesWorkflowId,
  (input: { id: string; files: AttachFileInput[] }) => {
    checkClaimAttachmentRoomStep(transform({ input }, ({ input }) => ({ id: input.id, adding: input.files.length })))
    const uploaded = uploadFilesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        files: input.files.map((f, n) => ({
          filename: `${input.id}-${Date.now()}-${n + 1}.${ATTACHMENT_TYPES[f.mime_type]}`,
          mimeType: f.mime_type,
          content: f.content,
          access: "private" as const,
        })),
      })),
    })
    const attachments = addClaimAttachmentsStep(
      transform({ input, uploaded }, ({ input, uploaded }) => ({
        id: input.id,
        files: input.files.map(
          (f, n): StoredFile => ({
            file_id: uploaded[n].id,
            filename: f.filename,
            mime_type: f.mime_type,
            size: f.size,
            uploaded_at: new Date().toISOString(),
          })
        ),
      }))
    )
    return new WorkflowResponse(attachments)
  }
)
