import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowRightDown } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ListTable } from "../../components/list-table"
import { LoadMore } from "../../components/load-more"
import { SectionHeader } from "../../components/section-header"
import { useSerialTransfers } from "../../hooks/api/serial-transfers"
import { describeLocation, labelOf, searchLocations, useLocationNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"
import { SearchFilter } from "../../components/search-filter"

/**
 * Every transfer between stock locations, newest first. The history only grows, so the
 * page loads more on demand from the API's cursor instead of counting pages.
 */
const SerialTransfersPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.transfers" })
  const { dateTime } = useFormat()
  const { get, set } = useUrlState()
  const { data, isLoading, fetchNextPage, hasNextPage, isFetchingNextPage } = useSerialTransfers({
    limit: 50,
    ...(get("location_id") ? { location_id: get("location_id") } : {}),
  })
  const rows = (data?.pages ?? []).flatMap((p) => p.serial_transfers)
  const locations = useLocationNames(rows.flatMap((row) => [row.from_location_id, row.to_location_id]))

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("title")}
        subtitle={t("subtitle")}
      />
      <div className="flex gap-2 px-6 py-3">
        <SearchFilter label={t("location")} value={get("location_id")} onChange={(v) => set({ location_id: v })} search={searchLocations} describe={describeLocation} />
      </div>
      <ListTable
        columns={[
          {
            header: t("columns.when"),
            cell: (row) => (
              <Link className="text-ui-fg-interactive" to={`/serial-transfers/${row.id}`}>
                {dateTime(row.created_at)}
              </Link>
            ),
          },
          { header: t("columns.from"), cell: (row) => labelOf(locations, row.from_location_id) },
          { header: t("columns.to"), cell: (row) => labelOf(locations, row.to_location_id) },
          { header: t("columns.serials"), cell: (row) => row.serial_count },
          { header: t("columns.note"), cell: (row) => row.note ?? <span className="text-ui-fg-muted">-</span> },
        ]}
        rows={rows}
        isLoading={isLoading}
        emptyText={t("empty")}
      />
      <LoadMore hasNextPage={hasNextPage} isFetchingNextPage={isFetchingNextPage} fetchNextPage={fetchNextPage} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.transfers.menu", translationNs: "translation", icon: ArrowRightDown })

export default SerialTransfersPage
