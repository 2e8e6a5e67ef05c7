import { Button, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import {
  CLAIM_DECISION_FROM,
  CLAIM_DECISIONS,
  CLAIM_DECISIONS_WITH_ORDER,
  type ClaimDecision,
  type ClaimStatus,
} from "../../shared/statuses"
import { useDecideWarrantyClaim } from "../hooks/api/warranty-claims"
import { useStoreCurrencyOptions } from "../hooks/api/store-records"
import { LabelledSelect } from "./labelled-select"
import { LocationPicker } from "./location-picker"

/**
 * Decides an open or in-progress claim: the decisions its status allows (the server's
 * table in shared/statuses.ts), a repair's cost in one of the store's currencies, the
 * stock location a replaced or returned unit comes back to, and a note of what was done.
 */
export const WarrantyClaimDecisionForm = ({
  claim,
}: {
  claim: { id: string; status: ClaimStatus; resolution: string | null }
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.claims" })
  const allowed = CLAIM_DECISIONS.filter((d) => CLAIM_DECISION_FROM[d].includes(claim.status))
  const [decision, setDecision] = useState<ClaimDecision>(allowed[0])
  const [cost, setCost] = useState("")
  const [currency, setCurrency] = useState("")
  const [location, setLocation] = useState("")
  const [resolution, setResolution] = useState(claim.resolution ?? "")
  const currencies = useStoreCurrencyOptions().data ?? []
  const decide = useDecideWarrantyClaim(claim.id)
  // The store's default currency until another is chosen. (The claim page mounts the form
  // anew when the claim's status changes, so its decisions always fit the status.)
  const currencyCode = currency || currencies[0]?.value || ""

  const costValue = cost.trim() === "" ? NaN : Number(cost)
  const needsLocation = CLAIM_DECISIONS_WITH_ORDER.includes(decision)
  const ready =
    (decision !== "repair" || (Number.isFinite(costValue) && costValue >= 0 && !!currencyCode)) && (!needsLocation || !!location)

  // How the form offers each decision (the claim page names a decision taken by common's claimDecision).
  const choices = allowed.map((d) => ({ value: d, label: t(`decide.choice.${d}`) }))

  const submit = () =>
    decide.mutate(
      {
        decision,
        resolution: resolution.trim() || null,
        ...(decision === "repair" ? { repair_cost: costValue, currency_code: currencyCode } : {}),
        ...(needsLocation ? { location_id: location } : {}),
      },
      {
        onSuccess: ({ warranty_claim }) =>
          toast.success(
            warranty_claim.exchange_id
              ? t("decide.exchangeOpened")
              : warranty_claim.return_id
                ? t("decide.returnOpened")
                : t("decide.recorded")
          ),
        onError: (e) => toast.error((e as Error).message),
      }
    )

  return (
    <div className="flex flex-col gap-y-4" data-testid="claim-decision-form">
      <LabelledSelect
        id="claim-decision"
        label={t("decision")}
        value={decision}
        options={choices}
        onChange={(v) => setDecision(v as ClaimDecision)}
      />
      {decision === "repair" && (
        <div className="grid grid-cols-2 gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="claim-repair-cost">
              {t("repairCost")}
            </Label>
            <Input
              id="claim-repair-cost"
              size="small"
              type="number"
              min={0}
              step="0.01"
              value={cost}
              placeholder={t("decide.costPlaceholder")}
              onChange={(e) => setCost(e.target.value)}
            />
          </div>
          <LabelledSelect id="claim-currency" label={t("decide.currency")} value={currencyCode} options={currencies} onChange={setCurrency} />
        </div>
      )}
      {needsLocation && (
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("decide.location")}</Label>
          <LocationPicker label={t("decide.location")} placeholder={t("decide.chooseLocation")} value={location} onChange={setLocation} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {decision === "replace" ? t("decide.replaceHint") : t("decide.returnHint")}
          </Text>
        </div>
      )}
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="resolution">
          {t("whatWasDone")}
        </Label>
        <Textarea id="resolution" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </div>
      <div>
        <Button size="small" variant={decision === "reject" ? "danger" : "primary"} disabled={!ready} isLoading={decide.isPending} onClick={submit}>
          {t("decide.submit")}
        </Button>
      </div>
    </div>
  )
}
