import { Button, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSerialSeriesList, useSerialSeriesPreview } from "../hooks/api/serial-series"
import { useUpdateSerialSettings } from "../hooks/api/serial-settings"
import type { AdminSerialSettings, Period } from "../../shared/http/admin"

const NONE = "__none__"
const DEFAULT = "__default__"

type Draft = {
  is_serialized: boolean
  series_id: string
  warranty_value: string
  warranty_unit: Period["unit"]
  fulfillment_policy: string
}

function toDraft(s: AdminSerialSettings): Draft {
  return {
    is_serialized: s.is_serialized,
    series_id: s.series_id ?? NONE,
    warranty_value: s.warranty ? String(s.warranty.value) : "",
    warranty_unit: s.warranty?.unit ?? "month",
    fulfillment_policy: s.fulfillment_policy ?? DEFAULT,
  }
}

/**
 * A variant's serial settings: serialized or not, the series new serials come from (with the
 * next values it would issue), the warranty every sold unit gets, and what fulfilment does
 * when serials are missing.
 */
export const SerialSettingsForm = ({
  settings,
  sku,
  onSaved,
}: {
  settings: AdminSerialSettings
  sku?: string | null
  onSaved?: () => void
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.widgets.settings" })
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings))
  useEffect(() => setDraft(toDraft(settings)), [settings])
  const { data: seriesList } = useSerialSeriesList()
  const seriesId = draft.series_id === NONE ? null : draft.series_id
  const preview = useSerialSeriesPreview(seriesId, { count: 3, sku: sku ?? undefined })
  const update = useUpdateSerialSettings(settings.variant_id)

  const warrantyValue = draft.warranty_value.trim()
  const warrantyInvalid = warrantyValue !== "" && !/^\d+$/.test(warrantyValue)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const save = () => {
    if (warrantyInvalid) {
      return
    }
    update.mutate(
      {
        is_serialized: draft.is_serialized,
        series_id: seriesId,
        warranty: warrantyValue ? { value: Number(warrantyValue), unit: draft.warranty_unit } : null,
        fulfillment_policy: draft.fulfillment_policy === DEFAULT ? null : (draft.fulfillment_policy as "auto" | "strict"),
      },
      {
        onSuccess: () => {
          toast.success(t("saved"))
          onSaved?.()
        },
        onError: (e) => toast.error(e.message),
      }
    )
  }

  const id = settings.variant_id
  return (
    <div className="flex flex-col gap-y-4" data-testid="serial-settings-form">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col">
          <Label htmlFor={`${id}-serialized`} size="small" weight="plus">
            {t("serialized")}
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            {t("serializedHelp")}
          </Text>
        </div>
        <Switch
          id={`${id}-serialized`}
          checked={draft.is_serialized}
          onCheckedChange={(v) => set("is_serialized", v)}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            {t("series")}
          </Label>
          <Select value={draft.series_id} onValueChange={(v) => set("series_id", v)}>
            <Select.Trigger aria-label={t("series")}>
              <Select.Value placeholder={t("noSeries")} />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={NONE}>{t("noSeriesManual")}</Select.Item>
              {(seriesList?.serial_series ?? []).map((s) => (
                <Select.Item key={s.id} value={s.id}>
                  {s.name} ({s.pattern})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="series-preview">
            {!seriesId
              ? t("seriesNone")
              : preview.isLoading
                ? t("previewLoading")
                : preview.data
                  ? t("previewNext", { values: preview.data.values.join(", ") })
                  : t("previewUnavailable")}
          </Text>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            {t("fulfillmentPolicy")}
          </Label>
          <Select value={draft.fulfillment_policy} onValueChange={(v) => set("fulfillment_policy", v)}>
            <Select.Trigger aria-label={t("fulfillmentPolicy")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={DEFAULT}>
                {settings.fulfillment_policy
                  ? t("storeDefault")
                  : t("storeDefaultWith", {
                      policy: t(`policyName.${settings.effective_fulfillment_policy}`, { defaultValue: settings.effective_fulfillment_policy }),
                    })}
              </Select.Item>
              <Select.Item value="auto">{t("auto")}</Select.Item>
              <Select.Item value="strict">{t("strict")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={`${id}-warranty`} size="small" weight="plus">
            {t("warranty")}
          </Label>
          <div className="flex gap-x-2">
            <Input
              id={`${id}-warranty`}
              size="small"
              inputMode="numeric"
              placeholder={t("warrantyNone")}
              value={draft.warranty_value}
              aria-invalid={warrantyInvalid}
              onChange={(e) => set("warranty_value", e.target.value)}
              className="w-24"
            />
            <Select value={draft.warranty_unit} onValueChange={(v) => set("warranty_unit", v as Period["unit"])}>
              <Select.Trigger aria-label={t("warrantyUnit")} className="w-32">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="day">{t("units.day")}</Select.Item>
                <Select.Item value="month">{t("units.month")}</Select.Item>
                <Select.Item value="year">{t("units.year")}</Select.Item>
              </Select.Content>
            </Select>
          </div>
          {warrantyInvalid && (
            <Text size="xsmall" className="text-ui-fg-error">
              {t("warrantyInvalid", { value: warrantyValue })}
            </Text>
          )}
        </div>
      </div>
      <div className="flex justify-end">
        <Button size="small" variant="secondary" onClick={save} isLoading={update.isPending} disabled={warrantyInvalid}>
          {t("save")}
        </Button>
      </div>
    </div>
  )
}
