import { Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { labelSheetCss, SerialLabel } from "../../components/serial-label"
import { useSerialLabelSettings } from "../../hooks/api/serial-label-settings"
import { LABEL_TEMPLATES, labelQrText, type LabelTemplate } from "../../../shared/labels"
import { useSerialNumbers } from "../../hooks/api/serial-numbers"
import { labelOf, useProductNames } from "../../hooks/api/store-records"

/** Most labels one sheet request prints; more can be printed in several runs. */
const MAX_LABELS = 500

/**
 * A printable sheet of labels for the serials named by `?ids=a,b,c` (from the list's
 * selection) or by the list's filters (`?receipt_id=...`), on an A4 sheet or a 62 mm
 * thermal roll (`?template=`). The QR codes open the serial's warranty page when the store
 * set the plugin option `warranty_url_template`, else they hold the serial.
 */
const SerialLabelsPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.labels" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const [params, setParams] = useSearchParams()
  const template: LabelTemplate = params.get("template") === "thermal-62" ? "thermal-62" : "a4-3x7"
  const urlTemplate = useSerialLabelSettings().data?.warranty_url_template ?? null
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean)
  const query: Record<string, string | number | string[]> = { limit: MAX_LABELS, order: "serial_number", fields: "id,serial_number,product_id" }
  if (ids.length) {
    query.id = ids
  }
  for (const key of ["receipt_id", "product_id", "variant_id", "stock_location_id", "status"]) {
    const value = params.get(key)
    if (value) query[key] = value
  }
  const named = ids.length > 0 || Object.keys(query).length > 3
  const { data, isLoading, isError, error } = useSerialNumbers(query, { enabled: named })
  const serials = data?.serial_numbers ?? []
  const products = useProductNames(serials.map((s) => s.product_id))

  return (
    <Container className="flex flex-col gap-4">
      <style>{labelSheetCss(template)}</style>
      <div className="flex items-center justify-between">
        <div>
          <Text size="small" className="text-ui-fg-subtle">
            <Link to="/serial-numbers" className="hover:underline">
              {t("serialNumbers")}
            </Link>
          </Text>
          <Heading level="h1">{t("title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("count", { count: serials.length })} · {t("codes")}
            {urlTemplate ? ` ${t("qrWarranty")}` : ""} · {t(`templates.${template}`)}
          </Text>
        </div>
        <div className="flex items-center gap-2">
          <Select
            size="small"
            value={template}
            onValueChange={(v) =>
              setParams((current) => {
                const next = new URLSearchParams(current)
                v === "a4-3x7" ? next.delete("template") : next.set("template", v)
                return next
              })
            }
          >
            <Select.Trigger className="w-[240px]" aria-label={t("layout")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(LABEL_TEMPLATES) as LabelTemplate[]).map((value) => (
                <Select.Item key={value} value={value}>
                  {t(`templates.${value}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Button size="small" disabled={!serials.length} onClick={() => window.print()}>
            {t("print")}
          </Button>
        </div>
      </div>
      {!named && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("nothingSelected")}
        </Text>
      )}
      {isError && <Text className="text-ui-fg-error">{(error as Error).message}</Text>}
      {isLoading && named && <Text size="small">{tc("loading")}</Text>}
      <div className="serial-label-sheet" data-testid="label-sheet">
        {serials.map((s) => (
          <SerialLabel
            key={s.id}
            serial={s.serial_number}
            title={s.product_id ? labelOf(products, s.product_id) : null}
            qrText={labelQrText(s.serial_number, urlTemplate)}
          />
        ))}
      </div>
    </Container>
  )
}

export default SerialLabelsPage
