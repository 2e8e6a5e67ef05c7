import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type Period = { value: number; unit: "day" | "month" | "year" }

/** Medusa's stock and the serials in stock at one location, and what no serial stands for. */
export type LocationStock = {
  location_id: string
  stocked_quantity: number
  serials_in_stock: number
  unserialized: number
}

export type AdminSerialSettings = {
  id: string | null
  variant_id: string
  is_serialized: boolean
  series_id: string | null
  warranty: Period | null
  contract: Period | null
  fulfillment_policy: "auto" | "strict" | null
  effective_fulfillment_policy: "auto" | "strict"
  stock?: LocationStock[]
}

export type SerialSettingsUpdate = {
  is_serialized?: boolean
  series_id?: string | null
  warranty?: Period | null
  contract?: Period | null
  fulfillment_policy?: "auto" | "strict" | null
}

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
