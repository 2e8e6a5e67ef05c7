import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type AdminSerialSeries = {
  id: string
  name: string
  pattern: string
  [key: string]: unknown
}

export const serialSeriesKeys = {
  all: ["serial-series"] as const,
  list: (query: Record<string, unknown>) => ["serial-series", "list", query] as const,
  preview: (id: string, query: Record<string, unknown>) => ["serial-series", "preview", id, query] as const,
}

export function useSerialSeriesList(query: Record<string, string | number | undefined> = {}) {
  return useQuery({
    queryKey: serialSeriesKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ serial_series: AdminSerialSeries[]; count: number }>("/admin/serial-series", {
        query: { limit: 100, order: "name", ...query },
      }),
  })
}

/** The next values a series would issue (issues nothing). */
export function useSerialSeriesPreview(id: string | null | undefined, query: { count?: number; sku?: string } = {}) {
  const q = { count: query.count ?? 3, ...(query.sku ? { sku: query.sku } : {}) }
  return useQuery({
    queryKey: serialSeriesKeys.preview(id ?? "", q),
    queryFn: () =>
      sdk.client.fetch<{ series_id: string; values: string[] }>(`/admin/serial-series/${id}/preview`, { query: q }),
    enabled: !!id,
  })
}
