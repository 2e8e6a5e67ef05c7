import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminExpiriesByMonthResponse, AdminSerialReportPage, SerialSummaryQuery, SerialSummaryRow } from "../../../shared/http/admin"

export type SerialReportName = "summary" | "warranty-expiry" | "contract-expiry" | "ledger"
export type SerialReportQuery = Record<string, string | number | undefined>

export const serialReportKeys = {
  all: ["serial-reports"] as const,
  summary: (query: SerialSummaryQuery) => ["serial-reports", "summary", query] as const,
  pages: (report: SerialReportName, query: SerialReportQuery) => ["serial-reports", "pages", report, query] as const,
}

const fetchPage = <Row>(report: SerialReportName, query: SerialReportQuery, after?: string) =>
  sdk.client.fetch<AdminSerialReportPage<Row>>(`/admin/serial-reports/${report}`, {
    query: { ...withoutEmpty(query), ...(after ? { after } : {}) },
  })

/**
 * The summary's first page, of up to 1,000 rows: the widgets ask for one product's, one
 * variant's or one location's rows (its variants times locations), which fit in it.
 */
export function useSerialSummary(query: SerialSummaryQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serialReportKeys.summary(query),
    queryFn: () =>
      sdk.client.fetch<AdminSerialReportPage<SerialSummaryRow>>("/admin/serial-reports/summary", {
        query: { limit: 1000, ...query },
      }),
    ...options,
  })
}

/** Warranties and contracts ending per calendar month, this month and the next eleven. */
export function useExpiriesByMonth(query: { stock_location_id?: string }) {
  return useQuery({
    queryKey: ["serial-reports", "expiries-by-month", query] as const,
    queryFn: () =>
      sdk.client.fetch<AdminExpiriesByMonthResponse>("/admin/serial-reports/expiries-by-month", {
        query: withoutEmpty({ months: 12, ...query }),
      }),
  })
}

/** A report a page at a time: each further page continues from the last one's `next_cursor`. */
export function useSerialReportPages<Row>(report: SerialReportName, query: SerialReportQuery) {
  return useInfiniteQuery({
    queryKey: serialReportKeys.pages(report, query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage<Row>(report, query, pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}

/** Rows a CSV download reads at most (by cursor, 1,000 a request); the file says when it stopped. */
export const REPORT_DOWNLOAD_CAP = 50_000

/** Every row of a report for a download, page after page by cursor, up to REPORT_DOWNLOAD_CAP. */
export async function readWholeReport<Row>(report: SerialReportName, query: SerialReportQuery): Promise<{ rows: Row[]; complete: boolean }> {
  const rows: Row[] = []
  let after: string | undefined
  do {
    const page = await fetchPage<Row>(report, { ...query, limit: 1000 }, after)
    rows.push(...page.rows)
    after = page.next_cursor ?? undefined
  } while (after && rows.length < REPORT_DOWNLOAD_CAP)
  return { rows, complete: !after }
}

function withoutEmpty(query: SerialReportQuery) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))
}
