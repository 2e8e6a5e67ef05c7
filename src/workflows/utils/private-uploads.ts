import { ATTACHMENT_TYPES, type AttachmentType, type StoredFile } from "../../shared/attachments"

/** A checked file as a workflow takes it (api/utils/uploads.ts): its content as base64. */
export type AttachFileInput = { filename: string; mime_type: AttachmentType; size: number; content: string }

/**
 * Medusa's upload workflow input for files kept privately under names the server makes:
 * the record's id, a counter, and the checked type's extension (never the sender's name,
 * so a file served back is what it says it is).
 */
export const privateUploads = (recordId: string, files: AttachFileInput[]) => ({
  files: files.map((f, n) => ({
    filename: `${recordId}-${Date.now()}-${n + 1}.${ATTACHMENT_TYPES[f.mime_type]}`,
    mimeType: f.mime_type,
    content: f.content,
    access: "private" as const,
  })),
})

/** The uploaded files as a record keeps them, each with the File Module's id and the name it was sent with. */
export const storedFiles = (files: AttachFileInput[], uploaded: Array<{ id: string }>): StoredFile[] =>
  files.map((f, n) => ({
    file_id: uploaded[n].id,
    filename: f.filename,
    mime_type: f.mime_type,
    size: f.size,
    uploaded_at: new Date().toISOString(),
  }))
