import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** A page of a list paged by offset (small lists). */
export type OffsetListPage = { count: number; offset: number; limit: number; onOffset: (offset: number) => void }

/**
 * A page of a list paged by cursor (lists that grow to millions of rows): the page number
 * only labels it, `hasNext` says whether the server gave a next cursor, and `estimated`
 * that `count` is the server's estimate, not a count.
 */
export type CursorListPage = {
  count: number
  estimated: boolean
  pageIndex: number
  limit: number
  hasNext: boolean
  onNext: () => void
  onPrevious: () => void
}

export type ListPage = OffsetListPage | CursorListPage

/** The dashboard's pagination row for server-side pages of `limit` rows, in the admin's language. */
export const ListPagination = (page: ListPage) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common.pager" })
  // The pager's own words, all of them (a partial set would leave the others blank).
  const words = { of: t("of"), results: t("results"), pages: t("pages"), prev: t("prev"), next: t("next") }
  if ("onNext" in page) {
    const { count, estimated, pageIndex, limit, hasNext, onNext, onPrevious } = page
    return (
      <Table.Pagination
        count={count}
        pageSize={limit}
        pageIndex={pageIndex}
        pageCount={Math.max(pageIndex + 1, Math.ceil(count / limit))}
        canPreviousPage={pageIndex > 0}
        canNextPage={hasNext}
        previousPage={onPrevious}
        nextPage={onNext}
        translations={estimated ? { ...words, of: t("ofAbout") } : words}
      />
    )
  }
  const { count, offset, limit, onOffset } = page
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
      translations={words}
    />
  )
}
