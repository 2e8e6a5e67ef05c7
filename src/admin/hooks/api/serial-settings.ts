import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialSettings, LocationStock, Period, SerialSettingsUpdate } from "../../../shared/http/admin"

export const serialSettingsKeys = {
  all: ["serial-settings"] as const,
  detail: (variantId: string) => ["serial-settings", variantId] as const,
}

const fetchSettings = (variantId: string) =>
  sdk.client.fetch<{ serial_settings: AdminSerialSettings }>(`/admin/serial-settings/${variantId}`)

export function useSerialSettings(variantId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serialSettingsKeys.detail(variantId),
    queryFn: () => fetchSettings(variantId),
    ...options,
  })
}

/** The settings of several variants (a product's), by variant id. */
export function useSerialSettingsOf(variantIds: string[]) {
  const results = useQueries({
    queries: variantIds.map((id) => ({ queryKey: serialSettingsKeys.detail(id), queryFn: () => fetchSettings(id) })),
  })
  const byVariant: Record<string, AdminSerialSettings> = {}
  results.forEach((r, i) => {
    if (r.data) {
      byVariant[variantIds[i]] = r.data.serial_settings
    }
  })
  return { byVariant, isLoading: results.some((r) => r.isLoading) }
}

export function useUpdateSerialSettings(variantId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: SerialSettingsUpdate) =>
      sdk.client.fetch<{ serial_settings: AdminSerialSettings }>(`/admin/serial-settings/${variantId}`, {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: serialSettingsKeys.all }),
  })
}
