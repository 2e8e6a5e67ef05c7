import { Button, Label, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useFileWarrantyClaim } from "../hooks/api/warranty-claims"
import { useFormat } from "../lib/format"

/**
 * Whether a claim filed now is covered, by the serial's `maintenance_status` as the server
 * computes it; the words for each are the keys `coverage.<status>`.
 */
const COVERED: Record<string, boolean> = {
  under_warranty: true,
  under_amc: true,
  out_of_amc: false,
  out_of_warranty: false,
}

/**
 * Files a warranty claim for one serial from its page: the coverage the claim will get is
 * shown first (the server's reading of the serial's warranty and contract now; the claim
 * keeps what it was when filed), then the problem, then the claim's own page.
 */
export const WarrantyClaimForm = ({
  serial,
}: {
  serial: { id: string; maintenance_status?: string | null; warranty_expires_at?: string | null; contract_expires_at?: string | null }
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.claim" })
  const { date } = useFormat()
  const [description, setDescription] = useState("")
  const file = useFileWarrantyClaim()
  const navigate = useNavigate()
  const status = serial.maintenance_status && serial.maintenance_status in COVERED ? serial.maintenance_status : null
  const coverage = status ? { label: t(`coverage.${status}`), covered: COVERED[status] } : null
  const until = serial.maintenance_status === "under_amc" ? serial.contract_expires_at : serial.warranty_expires_at
  return (
    <div className="flex flex-col gap-y-4" data-testid="warranty-claim-form">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t("coverageHeading")}
        </Text>
        <div className="flex items-center gap-2">
          <StatusBadge color={coverage?.covered ? "green" : "red"}>{coverage?.covered ? t("covered") : t("notCovered")}</StatusBadge>
          <Text size="small" className="text-ui-fg-subtle">
            {coverage ? coverage.label : t("coverage.none")}
            {coverage?.covered && until ? ` ${t("until", { date: date(until) })}` : ""}
          </Text>
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="claim-description">
          {t("problem")}
        </Label>
        <Textarea id="claim-description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t("problemPlaceholder")} />
      </div>
      <Button
        size="small"
        disabled={!description.trim()}
        isLoading={file.isPending}
        onClick={() =>
          file.mutate(
            { serial_number_id: serial.id, description: description.trim() },
            {
              onSuccess: ({ warranty_claim }) => {
                toast.success(t("filed", { id: warranty_claim.display_id }))
                navigate(`/warranty-claims/${warranty_claim.id}`)
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        {t("submit")}
      </Button>
    </div>
  )
}
