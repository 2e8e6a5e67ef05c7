import { Button, Text, toast } from "@medusajs/ui"
import { useRef } from "react"
import { useTranslation } from "react-i18next"
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, CLAIM_ATTACHMENTS_MAX, type StoredFileWithUrl } from "../../shared/attachments"
import { useAttachWarrantyClaimFiles } from "../hooks/api/warranty-claims"
import { useFormat } from "../lib/format"

const ACCEPT = Object.keys(ATTACHMENT_TYPES).join(",")
const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024
/** A file's size in KB, or MB to one decimal, with the decimal mark of `locale`. */
const kb = (bytes: number, locale: string) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`

/**
 * A claim's photos and documents (Medusa's File Module): images as thumbnails, PDFs by
 * name, each opening in a new tab; more added from the file picker, up to the claim's
 * limit. Files the browser can tell are too big are refused before upload; the server
 * checks every file's content.
 */
export const ClaimAttachments = ({ claimId, attachments }: { claimId: string; attachments: StoredFileWithUrl[] }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.claims.attachments" })
  const { dateTime, locale } = useFormat()
  const input = useRef<HTMLInputElement>(null)
  const attach = useAttachWarrantyClaimFiles(claimId)
  const room = CLAIM_ATTACHMENTS_MAX - attachments.length

  const upload = (list: FileList | null) => {
    const files = Array.from(list ?? [])
    if (input.current) input.current.value = ""
    if (!files.length) return
    const tooBig = files.find((f) => f.size > ATTACHMENT_MAX_BYTES)
    if (tooBig) {
      toast.error(t("tooBig", { name: tooBig.name, size: MAX_MB }))
      return
    }
    if (files.length > room) {
      toast.error(t("tooMany", { count: room }))
      return
    }
    attach.mutate(files, {
      onSuccess: () => toast.success(t("added", { count: files.length })),
      onError: (e) => toast.error((e as Error).message),
    })
  }

  return (
    <div className="flex flex-col gap-3" data-testid="claim-attachments">
      {attachments.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("none")}
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
                      {t("pdf")}
                    </Text>
                  </div>
                )}
              </a>
              <Text size="xsmall" className="truncate" title={a.filename}>
                {a.filename}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {kb(a.size, locale)} · {dateTime(a.uploaded_at)}
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
          aria-label={t("input")}
          onChange={(e) => upload(e.target.files)}
        />
        <Button size="small" variant="secondary" disabled={room <= 0} isLoading={attach.isPending} onClick={() => input.current?.click()}>
          {t("add")}
        </Button>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("hint", { size: MAX_MB, attached: attachments.length, max: CLAIM_ATTACHMENTS_MAX })}
        </Text>
      </div>
    </div>
  )
}
