import { InjectManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import { decodeCursor, encodeCursor, isPgTimestamp } from "../lib/cursor"
import type { SerialNumberRepository } from "../repositories/serial-number"
import type { SerialListFilters, SerialListSort } from "../types"
import { isTextSort, SERIAL_LIST_COUNT_CAP, SERIAL_LIST_SORTS, type SerialListSortField } from "../../../shared/serial-list"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialNumberRepository: SerialNumberRepository
}

export type SerialListPageInput = {
  filters: SerialListFilters
  /** A field of SERIAL_LIST_SORTS, `-` in front for descending. */
  order: string
  limit: number
  /** The previous page's `next_cursor`. */
  after?: string
  /** Rows to skip instead (small pages of a small list). */
  offset?: number
}

export type SerialListPage = {
  ids: string[]
  /** Exact up to SERIAL_LIST_COUNT_CAP, else Postgres' estimate and `count_is_estimate`. */
  count: number
  count_is_estimate: boolean
  next_cursor: string | null
}

/**
 * The admin serial list, built to stay fast at 10M serials: each page one range of a
 * `(sort column, id)` index after the previous page's last row (a cursor, not an offset
 * that reads every skipped row), and a count that stops counting at a cap.
 */
export default class SerialListService {
  // Read by @InjectManager for the request's manager.
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly serials_: SerialNumberRepository

  constructor({ baseRepository, serialNumberRepository }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.serials_ = serialNumberRepository
  }

  @InjectManager()
  async listPage(input: SerialListPageInput, @MedusaContext() sharedContext: Context = {}): Promise<SerialListPage> {
    const sort = parseOrder(input.order)
    if (input.after && input.offset) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Give 'after' or 'offset', not both (got offset ${input.offset}): a cursor page starts after the previous page's last row`
      )
    }
    const bound = input.after ? readCursor(input.after, input.order, sort) : null
    // Offset pages read the skipped rows once: fine for the first pages of any list.
    const skip = bound ? 0 : (input.offset ?? 0)
    const rows = await this.serials_.listPage(input.filters, { sort, limit: skip + input.limit + 1, bound }, sharedContext)
    const page = rows.slice(skip, skip + input.limit)
    const last = page[page.length - 1]
    const { count, estimated } = await this.serials_.countUpTo(input.filters, SERIAL_LIST_COUNT_CAP, sharedContext)
    return {
      ids: page.map((r) => r.id),
      count,
      count_is_estimate: estimated,
      next_cursor: rows.length > skip + input.limit ? encodeCursor([input.order, last.sort_value, last.id]) : null,
    }
  }
}

function parseOrder(order: string): SerialListSort {
  const descending = order.startsWith("-")
  const column = (descending ? order.slice(1) : order) as SerialListSortField
  if (!SERIAL_LIST_SORTS.includes(column)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid order '${order.slice(0, 60)}': sort by one of ${SERIAL_LIST_SORTS.join(", ")} (with '-' in front for descending)`
    )
  }
  return { column, descending }
}

/** A cursor of this list, made for the same order (a cursor of another order is refused). */
function readCursor(cursor: string, order: string, sort: SerialListSort) {
  const [madeFor, value, id] = decodeCursor(cursor, 3)
  const refuse = (why: string) =>
    new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid cursor '${cursor.slice(0, 100)}': ${why}`)
  if (madeFor !== order) {
    throw refuse(`it was not made for order '${order.slice(0, 60)}'; pass the next_cursor of the previous page with the same order`)
  }
  if (!id || (value !== null && !isTextSort(sort.column) && !isPgTimestamp(value))) {
    throw refuse("pass the next_cursor of the previous page as it was given")
  }
  return { value, id }
}
