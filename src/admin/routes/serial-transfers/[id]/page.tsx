import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useParams } from "react-router-dom"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { ListTable } from "../../../components/list-table"
import { SectionHeader } from "../../../components/section-header"
import { useSerialTransfer } from "../../../hooks/api/serial-transfers"
import { labelOf, useLocationNames, useVariantNames } from "../../../hooks/api/store-records"
import { useFormat } from "../../../lib/format"
import { SerialLink } from "../../../components/serial-link"

/** One transfer: where from and to, when, by whom, and each serial it moved. */
const SerialTransferDetailPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.transfers" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { dateTime } = useFormat()
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useSerialTransfer(id)
  const transfer = data?.serial_transfer
  const locations = useLocationNames([transfer?.from_location_id, transfer?.to_location_id])
  const variants = useVariantNames((transfer?.serials ?? []).map((s) => s.variant_id))

  if (isLoading) return <Container>{tc("loading")}</Container>
  if (isError || !transfer) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? t("detail.notFound")}</Text>
      </Container>
    )
  }
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0" data-testid="serial-transfer-detail">
        <DetailHeader
          back={{ to: "/serial-transfers", label: t("title") }}
          title={`${labelOf(locations, transfer.from_location_id)} → ${labelOf(locations, transfer.to_location_id)}`}
          status={null}
        />
        <DetailField label={t("columns.when")}>{dateTime(transfer.created_at)}</DetailField>
        <DetailField label={t("columns.from")}>{labelOf(locations, transfer.from_location_id)}</DetailField>
        <DetailField label={t("columns.to")}>{labelOf(locations, transfer.to_location_id)}</DetailField>
        <DetailField label={t("columns.note")}>{transfer.note ?? "-"}</DetailField>
        <DetailField label={t("detail.transferId")}>
          <span className="font-mono">{transfer.id}</span>
        </DetailField>
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader title={t("detail.moved", { count: transfer.serials.length })} />
        <ListTable
          columns={[
            {
              header: t("columns.serialNumber"),
              cell: (s) => (
                <SerialLink id={s.id} text={s.serial_number} />
              ),
            },
            { header: t("columns.variant"), cell: (s) => labelOf(variants, s.variant_id) },
          ]}
          rows={transfer.serials}
          isLoading={false}
          emptyText={t("detail.noSerials")}
        />
      </Container>
    </div>
  )
}

export default SerialTransferDetailPage
