import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialSeries } from "../../../shared/http/admin"

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
        query: { limit: 200, order: "name", ...query },
      }),
  })
}

/** The next values a saved series would issue; issues nothing. */
export function useSerialSeriesPreview(id: string | null | undefined, query: { count?: number; sku?: string } = {}) {
  return useQuery({
    queryKey: serialSeriesKeys.preview(id ?? "", query),
    queryFn: () =>
      sdk.client.fetch<{ values: string[] }>(`/admin/serial-series/${id}/preview`, {
        query: { count: query.count ?? 5, ...(query.sku ? { sku: query.sku } : {}) },
      }),
    enabled: !!id,
    retry: false,
  })
}

export function useSaveSerialSeries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string; name: string; pattern: string }) =>
      sdk.client.fetch<{ serial_series: AdminSerialSeries }>(id ? `/admin/serial-series/${id}` : "/admin/serial-series", {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: serialSeriesKeys.all }),
  })
}

export function useDeleteSerialSeries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/serial-series/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: serialSeriesKeys.all }),
  })
}
