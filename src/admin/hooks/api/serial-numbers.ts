import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type AdminSerialNumber = {
  id: string
  serial_number: string
  status: string
  variant_id: string
  product_id?: string | null
  stock_location_id?: string | null
  customer_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  series_id?: string | null
  receipt_id?: string | null
  supplier_name?: string | null
  supplier_reference?: string | null
  received_at?: string | null
  fulfillment_id?: string | null
  delivered_at?: string | null
  shipped_at?: string | null
  replaces_serial_number_id?: string | null
  warranty_starts_at?: string | null
  warranty_expires_at?: string | null
  contract_expires_at?: string | null
  end_of_life_at?: string | null
  maintenance_status?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  created_at: string
  updated_at: string
  ledger?: AdminSerialLedgerEntry[]
  [key: string]: unknown
}

/** One row of a serial's history; `type` is the movement or `update`/`warranty_override`/`delete`. */
export type AdminSerialLedgerEntry = {
  id: string
  type: string
  from_status: string | null
  to_status: string | null
  from_location_id: string | null
  to_location_id: string | null
  reference_type: string | null
  reference_id: string | null
  actor_type: string | null
  actor_id: string | null
  data: Record<string, unknown> | null
  created_at: string
  [key: string]: unknown
}

export type SerialListQuery = Record<string, string | number | string[] | undefined>

type ListResponse = { serial_numbers: AdminSerialNumber[]; count: number; offset: number; limit: number }

export const serialNumberKeys = {
  all: ["serial-numbers"] as const,
  list: (query: SerialListQuery) => ["serial-numbers", "list", query] as const,
  detail: (id: string) => ["serial-numbers", "detail", id] as const,
}

export function useSerialNumbers(query: SerialListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: serialNumberKeys.list(query),
    queryFn: () => sdk.client.fetch<ListResponse>("/admin/serial-numbers", { query }),
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
    if (value === undefined || value === "" || key === "limit" || key === "offset") {
      continue
    }
    for (const v of [value].flat()) {
      params.append(key, String(v))
    }
  }
  const text = params.toString()
  return `/admin/serial-numbers/export${text ? `?${text}` : ""}`
}
