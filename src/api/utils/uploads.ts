import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { ATTACHMENT_MAX_BYTES, sniffAttachmentType } from "../../shared/attachments"
import type { AttachFileInput } from "../../workflows/utils/private-uploads"
import { textProblem } from "../../shared/text-rules"
import { shown } from "./validators"


const ACCEPTED = "a JPEG, PNG or WebP image or a PDF document"

/**
 * Reads `multipart/form-data` files of one field into memory (Medusa's own upload route
 * does the same: a workflow takes files as base64), at most `maxCount` of at most
 * ATTACHMENT_MAX_BYTES each. Every problem multer or the form parser finds is a 400 that
 * names it, never a 500.
 */
export const fileUpload = (field: string, maxCount: number) => {
  const parse = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as UTF-8 without saying so.
    defParamCharset: "utf8",
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: maxCount, fields: 20, parts: maxCount + 20 },
  }).array(field, maxCount)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    parse(req as any, res as any, (err: any) => {
      if (!err) {
        return next()
      }
      const limitMb = ATTACHMENT_MAX_BYTES / 1024 / 1024
      const message =
        err instanceof multer.MulterError
          ? err.code === "LIMIT_FILE_SIZE"
            ? `A file in field '${field}' is larger than the ${limitMb} MB limit`
            : err.code === "LIMIT_FILE_COUNT"
              ? `Field '${field}' takes at most ${maxCount} file${maxCount === 1 ? "" : "s"} at once`
              : err.code === "LIMIT_UNEXPECTED_FILE"
                ? `Files go in field '${field}', got a file in field '${shown(err.field ?? "")}'`
                : `The upload was refused: ${err.message}`
          : `The upload is not a readable multipart/form-data body: ${shown((err as Error)?.message ?? err)}`
      next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    })
}

/**
 * The request's uploaded files, each checked: its content must be one of the accepted
 * types (what the browser claims is ignored), and its name, kept for display, must pass
 * the plugin's text rule. Refuses a request without files.
 */
export function uploadedFiles(req: MedusaRequest, field: string): AttachFileInput[] {
  const files = ((req as any).files ?? []) as Array<{ originalname: string; buffer: Buffer; size: number }>
  if (!files.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No file was uploaded: send ${ACCEPTED} as multipart/form-data in field '${field}'`)
  }
  return files.map((f) => {
    // Browsers send the bare name; anything before a slash is a path the server has no use for.
    const filename = f.originalname.split(/[\\/]/).pop()!.trim().slice(0, 200) || "file"
    const problem = textProblem(filename, { allowLineBreaks: false })
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `File name '${shown(filename)}' ${problem}`)
    }
    const type = sniffAttachmentType(f.buffer.subarray(0, 16))
    if (!type) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `File '${shown(filename)}' is not ${ACCEPTED} (its content says otherwise)`)
    }
    return { filename, mime_type: type, size: f.size, content: f.buffer.toString("base64") }
  })
}
