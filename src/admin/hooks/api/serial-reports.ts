import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** A summary row: serials of one product (or variant) at one stock location, by status. */
export type SerialSummaryRow = {
  product_id: string | null
  variant_id?: string | null
  stock_location_id: string | null
  total: number
  inactive: number
  active: number
  reserved: number
  delivered: number
  expired: number
  scrapped: number
}

export type SerialSummaryQuery = {
  product_id?: string | string[]
  variant_id?: string | string[]
  stock_location_id?: string | string[]
  group_by?: "product" | "variant"
  limit?: number
  offset?: number
}

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
