import { Container, Text } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { ListTable } from "../../../components/list-table"
import { SectionHeader } from "../../../components/section-header"
import { useSerialTransfer } from "../../../hooks/api/serial-transfers"
import { labelOf, useStockLocationOptions, useVariantOptions } from "../../../hooks/api/store-records"
import { formatDateTime } from "../../../lib/format"
import { SerialLink } from "../../../components/serial-link"

/** One transfer: where from and to, when, by whom, and each serial it moved. */
const SerialTransferDetailPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useSerialTransfer(id)
  const locations = useStockLocationOptions().data
  const variants = useVariantOptions().data
  const transfer = data?.serial_transfer

  if (isLoading) return <Container>Loading…</Container>
  if (isError || !transfer) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? "Transfer not found."}</Text>
      </Container>
    )
  }
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0" data-testid="serial-transfer-detail">
        <DetailHeader
          back={{ to: "/serial-transfers", label: "Transfers" }}
          title={`${labelOf(locations, transfer.from_location_id)} → ${labelOf(locations, transfer.to_location_id)}`}
          status={null}
        />
        <DetailField label="When">{formatDateTime(transfer.created_at)}</DetailField>
        <DetailField label="From">{labelOf(locations, transfer.from_location_id)}</DetailField>
        <DetailField label="To">{labelOf(locations, transfer.to_location_id)}</DetailField>
        <DetailField label="Note">{transfer.note ?? "-"}</DetailField>
        <DetailField label="Transfer id">
          <span className="font-mono">{transfer.id}</span>
        </DetailField>
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader title={`${transfer.serials.length} serial${transfer.serials.length === 1 ? "" : "s"} moved`} />
        <ListTable
          columns={[
            {
              header: "Serial number",
              cell: (s) => (
                <SerialLink id={s.id} text={s.serial_number} />
              ),
            },
            { header: "Variant", cell: (s) => labelOf(variants, s.variant_id) },
          ]}
          rows={transfer.serials}
          isLoading={false}
          emptyText="No serials."
        />
      </Container>
    </div>
  )
}

export default SerialTransferDetailPage
