import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { serialReportKeys } from "./serial-reports"
import { serialSettingsKeys } from "./serial-settings"
import type { AdminSerialLedgerEntry, AdminSerialNumber, AdminSerialNumberListResponse, AdminSerialWriteOffResponse } from "../../../shared/http/admin"

export type SerialListQuery = Record<string, string | number | string[] | undefined>

export const serialNumberKeys = {
  all: ["serial-numbers"] as const,
  list: (query: SerialListQuery) => ["serial-numbers", "list", query] as const,
  detail: (id: string) => ["serial-numbers", "detail", id] as const,
}

/** Up to 20 serials whose text holds `text` (the list's search), for search filters. */
export async function searchSerials(text: string): Promise<Array<{ value: string; label: string }>> {
  const { serial_numbers } = await sdk.client.fetch<AdminSerialNumberListResponse>("/admin/serial-numbers", {
    query: { ...(text ? { q: text } : {}), limit: 20, fields: "id,serial_number" },
  })
  return serial_numbers.map((s) => ({ value: s.id, label: s.serial_number }))
}

export async function describeSerial(id: string): Promise<string> {
  const { serial_number } = await sdk.client.fetch<{ serial_number: AdminSerialNumber }>(`/admin/serial-numbers/${id}`, {
    query: { fields: "id,serial_number" },
  })
  return serial_number.serial_number
}

export function useSerialNumbers(query: SerialListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serialNumberKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminSerialNumberListResponse>("/admin/serial-numbers", { query }),
    placeholderData: (previous) => previous,
    ...options,
  })
}

export function useSerialNumber(id: string) {
  return useQuery({
    queryKey: serialNumberKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ serial_number: AdminSerialNumber }>(`/admin/serial-numbers/${id}`),
  })
}

export function useUpdateSerialNumber(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ serial_number: AdminSerialNumber }>(`/admin/serial-numbers/${id}`, {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: serialNumberKeys.all }),
  })
}

/** The CSV export of the list as filtered (same query, without paging); a plain link downloads it. */
export function serialNumbersExportUrl(query: SerialListQuery): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || key === "limit" || key === "offset" || key === "after") {
      continue
    }
    for (const v of [value].flat()) {
      params.append(key, String(v))
    }
  }
  const text = params.toString()
  return `/admin/serial-numbers/export${text ? `?${text}` : ""}`
}

/** Writes serials off (scrapped); Medusa's stock goes down unless it was lowered by hand already. */
export function useScrapSerials() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { serial_numbers: string[]; reason: string; stock_already_lowered?: boolean }) =>
      sdk.client.fetch<AdminSerialWriteOffResponse>("/admin/serial-numbers/scrap", { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
      // Counts and stock per location changed.
      client.invalidateQueries({ queryKey: serialReportKeys.all })
      client.invalidateQueries({ queryKey: serialSettingsKeys.all })
    },
  })
}
