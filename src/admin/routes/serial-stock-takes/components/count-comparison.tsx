import { Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { SerialStatusBadge } from "../../../components/serial-status-badge"
import type { StockTakeComparison } from "../../../../shared/http/admin"
import { describeVariant, labelOf, searchVariants, useVariantNames } from "../../../hooks/api/store-records"
import { SearchFilter } from "../../../components/search-filter"

/**
 * A count compared with the books: what a confirm will do to each serial, and the variant
 * to receive each unknown serial as (chosen here, sent as `new_serials`).
 */
export const CountComparison = ({
  comparison,
  locationName,
  unknownVariants,
  onUnknownVariant,
}: {
  comparison: StockTakeComparison
  locationName: (id: string | null) => string
  unknownVariants: Record<string, string>
  onUnknownVariant: (serial: string, variantId: string) => void
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.stockTakes.comparison" })
  const { found, missing, unexpected, unknown } = comparison
  const variants = useVariantNames([...found, ...missing, ...unexpected].map((s) => s.variant_id))
  const variantLabel = (id: string) => labelOf(variants, id)
  return (
    <div className="flex flex-col gap-4" data-testid="count-comparison">
      <Text size="small" weight="plus" data-testid="count-summary">
        {t("summary", { found: found.length, missing: missing.length, unexpected: unexpected.length, unknown: unknown.length })}
      </Text>
      {missing.length > 0 && (
        <div data-testid="count-missing">
          <Heading level="h3">{t("missingHeading")}</Heading>
          <Table>
            <Table.Body>
              {missing.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell className="font-mono">{s.serial_number}</Table.Cell>
                  <Table.Cell>{variantLabel(s.variant_id)}</Table.Cell>
                  <Table.Cell>
                    <SerialStatusBadge status={s.status} />
                  </Table.Cell>
                  <Table.Cell>{s.status === "active" ? t("writtenOff") : t("reservedFind")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {unexpected.length > 0 && (
        <div data-testid="count-unexpected">
          <Heading level="h3">{t("unexpectedHeading")}</Heading>
          <Table>
            <Table.Body>
              {unexpected.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell className="font-mono">{s.serial_number}</Table.Cell>
                  <Table.Cell>{variantLabel(s.variant_id)}</Table.Cell>
                  <Table.Cell>
                    <SerialStatusBadge status={s.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {s.action === "transfer"
                      ? t("movedFrom", { location: locationName(s.stock_location_id) })
                      : s.action === "receive"
                        ? t("receivedHere")
                        : <StatusBadge color="red">{s.problem}</StatusBadge>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {unknown.length > 0 && (
        <div data-testid="count-unknown" className="flex flex-col gap-2">
          <Heading level="h3">{t("unknownHeading")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("unknownHelp")}
          </Text>
          {unknown.map((text) => (
            <div key={text} className="flex items-center gap-3">
              <Text size="small" className="w-40 font-mono">
                {text}
              </Text>
              <SearchFilter
                label={t("variantOf", { serial: text })}
                value={unknownVariants[text] || undefined}
                onChange={(v) => onUnknownVariant(text, v ?? "")}
                search={searchVariants}
                describe={describeVariant}
                clearable={false}
                placeholder={t("chooseVariant")}
                className="w-80"
              />
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
