import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { SerialSummaryQuery, SerialSummaryRow } from "../../../shared/http/admin"

export const serialReportKeys = {
  all: ["serial-reports"] as const,
  summary: (query: SerialSummaryQuery) => ["serial-reports", "summary", query] as const,
}

export function useSerialSummary(query: SerialSummaryQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serialReportKeys.summary(query),
    queryFn: () =>
      sdk.client.fetch<{ rows: SerialSummaryRow[]; count: number }>("/admin/serial-reports/summary", {
        query: { limit: 1000, ...query },
      }),
    ...options,
  })
}
