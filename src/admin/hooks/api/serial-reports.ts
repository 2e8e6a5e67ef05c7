import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialReportPage, SerialSummaryQuery, SerialSummaryRow } from "../../../shared/http/admin"

export const serialReportKeys = {
  all: ["serial-reports"] as const,
  summary: (query: SerialSummaryQuery) => ["serial-reports", "summary", query] as const,
}

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
