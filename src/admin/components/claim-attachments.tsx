import { Button, Text, toast } from "@medusajs/ui"
import { useRef } from "react"
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, CLAIM_ATTACHMENTS_MAX, type StoredFileWithUrl } from "../../shared/attachments"
import { useAttachWarrantyClaimFiles } from "../hooks/api/warranty-claims"
import { formatDateTime } from "../lib/format"

const ACCEPT = Object.keys(ATTACHMENT_TYPES).join(",")
const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

/**
 * A claim's photos and documents (Medusa's File Module): images as thumbnails, PDFs by
 * name, each opening in a new tab; more added from the file picker, up to the claim's
 * limit. Files the browser can tell are too big are refused before upload; the server
 * checks every file's content.
 */
export const ClaimAttachments = ({ claimId, attachments }: { claimId: string; attachments: StoredFileWithUrl[] }) => {
  const input = useRef<HTMLInputElement>(null)
  const attach = useAttachWarrantyClaimFiles(claimId)
  const room = CLAIM_ATTACHMENTS_MAX - attachments.length

  const upload = (list: FileList | null) => {
    const files = Array.from(list ?? [])
    if (input.current) input.current.value = ""
    if (!files.length) return
    const tooBig = files.find((f) => f.size > ATTACHMENT_MAX_BYTES)
    if (tooBig) {
      toast.error(`${tooBig.name} is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)
      return
    }
    if (files.length > room) {
      toast.error(`This claim can take ${room} more file${room === 1 ? "" : "s"}`)
      return
    }
    attach.mutate(files, {
      onSuccess: () => toast.success(`${files.length} file${files.length === 1 ? "" : "s"} added`),
      onError: (e) => toast.error((e as Error).message),
    })
  }

  return (
    <div className="flex flex-col gap-3" data-testid="claim-attachments">
      {attachments.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No photos or documents yet.
        </Text>
      ) : (
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {attachments.map((a) => (
            <li key={a.file_id} className="flex flex-col gap-1">
              <a href={a.url ?? undefined} target="_blank" rel="noreferrer" className="block">
                {a.mime_type.startsWith("image/") && a.url ? (
                  <img src={a.url} alt={a.filename} className="h-28 w-full rounded-md border object-cover" />
                ) : (
                  <div className="flex h-28 w-full items-center justify-center rounded-md border bg-ui-bg-subtle">
                    <Text size="small" weight="plus">
                      PDF
                    </Text>
                  </div>
                )}
              </a>
              <Text size="xsmall" className="truncate" title={a.filename}>
                {a.filename}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {kb(a.size)} · {formatDateTime(a.uploaded_at)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-3">
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="hidden"
          aria-label="Photos or documents"
          onChange={(e) => upload(e.target.files)}
        />
        <Button size="small" variant="secondary" disabled={room <= 0} isLoading={attach.isPending} onClick={() => input.current?.click()}>
          Add photos or documents
        </Button>
        <Text size="xsmall" className="text-ui-fg-subtle">
          JPEG, PNG, WebP or PDF, up to {ATTACHMENT_MAX_BYTES / 1024 / 1024} MB each; {attachments.length} of {CLAIM_ATTACHMENTS_MAX}
        </Text>
      </div>
    </div>
  )
}
