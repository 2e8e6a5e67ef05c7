import { useCallback, useRef } from "react"
import { useSearchParams } from "react-router-dom"

/**
 * List state (filters, search, order, page) kept in the URL query, so a link such as
 * `/app/serial-numbers?product_id=prod_1` opens the list already filtered, and the
 * browser's back button returns to the same page of results.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams()
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params])
  const set = useCallback(
    (changes: Record<string, string | number | undefined | null>, options: { keepOffset?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === "") {
              next.delete(key)
            } else {
              next.set(key, String(value))
            }
          }
          // A new filter starts again on the first page.
          if (!options.keepOffset && !("offset" in changes)) {
            next.delete("offset")
            next.delete("after")
            next.delete("page")
          }
          return next
        },
        { replace: true }
      )
    },
    [setParams]
  )
  return { params, get, set }
}

/** Rows per page of the plugin's list pages. */
export const LIST_PAGE_SIZE = 20

/**
 * The page of a list kept in the URL (`?offset=`): what to ask the server for, and the
 * pager's `onOffset`. Paging keeps the filters; the first page drops `offset` from the URL.
 */
export function useUrlPage(limit = LIST_PAGE_SIZE) {
  const { get, set } = useUrlState()
  const offset = Number(get("offset") ?? 0) || 0
  const onOffset = useCallback((next: number) => set({ offset: next || undefined }, { keepOffset: true }), [set])
  return { offset, limit, onOffset }
}

/**
 * The page of a list paged by cursor, kept in the URL (`?after=<cursor>&page=<n>`, so a
 * reload or a shared link opens the same page). Next goes to the server's `next_cursor`;
 * Previous to the cursor this page was reached from, remembered while the page is open
 * (after a reload, Previous starts again from the first page).
 */
export function useUrlCursorPage(limit = LIST_PAGE_SIZE) {
  const { get, set } = useUrlState()
  const after = get("after")
  // `page` in the URL counts from 1 (page 2 is the first one reached by a cursor).
  const pageIndex = after ? Math.max(1, (Number(get("page")) || 2) - 1) : 0
  const earlier = useRef<Array<string | undefined>>([])
  const onNext = useCallback(
    (nextCursor: string | null | undefined) => {
      if (!nextCursor) {
        return
      }
      earlier.current.push(after)
      set({ after: nextCursor, page: pageIndex + 2 }, { keepOffset: true })
    },
    [after, pageIndex, set]
  )
  const onPrevious = useCallback(() => {
    const back = earlier.current.pop()
    const first = !back || pageIndex <= 1
    set({ after: first ? undefined : back, page: first ? undefined : pageIndex }, { keepOffset: true })
  }, [pageIndex, set])
  return { after, pageIndex, limit, onNext, onPrevious }
}
