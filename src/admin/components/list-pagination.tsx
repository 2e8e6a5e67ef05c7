import { Table } from "@medusajs/ui"

/** The dashboard's pagination row for server-side pages of `limit` rows. */
export const ListPagination = ({
  count,
  offset,
  limit,
  onOffset,
}: {
  count: number
  offset: number
  limit: number
  onOffset: (offset: number) => void
}) => {
  const pageIndex = Math.floor(offset / limit)
  const pageCount = Math.max(1, Math.ceil(count / limit))
  return (
    <Table.Pagination
      count={count}
      pageSize={limit}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onOffset(Math.max(0, offset - limit))}
      nextPage={() => onOffset(offset + limit)}
    />
  )
}
