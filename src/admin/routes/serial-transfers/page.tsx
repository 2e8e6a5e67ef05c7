import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowRightDown } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { FilterSelect } from "../../components/filter-select"
import { ListTable } from "../../components/list-table"
import { LoadMore } from "../../components/load-more"
import { SectionHeader } from "../../components/section-header"
import { useSerialTransfers } from "../../hooks/api/serial-transfers"
import { labelOf, useStockLocationOptions } from "../../hooks/api/store-records"
import { formatDateTime } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"

/**
 * Every transfer between stock locations, newest first. The history only grows, so the
 * page loads more on demand from the API's cursor instead of counting pages.
 */
const SerialTransfersPage = () => {
  const { get, set } = useUrlState()
  const locations = useStockLocationOptions().data
  const { data, isLoading, fetchNextPage, hasNextPage, isFetchingNextPage } = useSerialTransfers({
    limit: 50,
    ...(get("location_id") ? { location_id: get("location_id") } : {}),
  })
  const rows = (data?.pages ?? []).flatMap((p) => p.serial_transfers)

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Transfers"
        subtitle="Serials moved between stock locations, with Medusa's stock. Start one from a location's page."
      />
      <div className="flex gap-2 px-6 py-3">
        <FilterSelect label="Location" value={get("location_id")} options={locations ?? []} onChange={(v) => set({ location_id: v })} />
      </div>
      <ListTable
        columns={[
          {
            header: "When",
            cell: (t) => (
              <Link className="text-ui-fg-interactive" to={`/serial-transfers/${t.id}`}>
                {formatDateTime(t.created_at)}
              </Link>
            ),
          },
          { header: "From", cell: (t) => labelOf(locations, t.from_location_id) },
          { header: "To", cell: (t) => labelOf(locations, t.to_location_id) },
          { header: "Serials", cell: (t) => t.serial_count },
          { header: "Note", cell: (t) => t.note ?? <span className="text-ui-fg-muted">-</span> },
        ]}
        rows={rows}
        isLoading={isLoading}
        emptyText="No transfers yet."
      />
      <LoadMore hasNextPage={hasNextPage} isFetchingNextPage={isFetchingNextPage} fetchNextPage={fetchNextPage} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Transfers", icon: ArrowRightDown })

export default SerialTransfersPage
