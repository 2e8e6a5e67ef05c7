/**
 * Files kept with the plugin's records through Medusa's File Module: photos and documents
 * of a warranty claim (admin) and a customer's proof of purchase with a registration
 * (storefront). The server checks each file's content against these types (not the name or
 * the type the browser claims) and stores it under a name it makes with the matching
 * extension, so a file served back is what it says it is. The admin's file inputs read the
 * same limits.
 */

/** Accepted content types and the extension a stored file gets. */
export const ATTACHMENT_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
} as const
export type AttachmentType = keyof typeof ATTACHMENT_TYPES

/** Largest accepted file. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
/** Files one claim may keep. */
export const CLAIM_ATTACHMENTS_MAX = 10

/** A file as a record keeps it: the File Module's id, and what the uploader named it. */
export type StoredFile = {
  file_id: string
  filename: string
  mime_type: AttachmentType
  size: number
  uploaded_at: string
}

/** A stored file as an answer shows it, with a URL to open it (the File Module's, possibly presigned). */
export type StoredFileWithUrl = StoredFile & { url: string | null }

/** The content type a file's first bytes show, among the accepted ones; null for any other content. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg"
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png"
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) {
    return "image/webp"
  }
  return null
}
