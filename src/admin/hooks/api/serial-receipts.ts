import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { serialNumberKeys } from "./serial-numbers"

export type AdminSerialReceiptLine = {
  id: string
  variant_id: string
  product_id: string | null
  quantity: number
  unit_cost: number | null
}

export type AdminSerialReceipt = {
  id: string
  display_id: number
  status: "posted" | "canceled"
  stock_location_id: string
  supplier_name: string
  supplier_reference: string | null
  received_at: string
  canceled_at?: string | null
  notes: string | null
  lines?: AdminSerialReceiptLine[]
  serial_counts?: Record<string, number>
  created_at: string
}

/** One line of a receipt as posted: serials as a list, a range, or none (the variant's series issues them). */
export type ReceiptItemInput = {
  variant_id: string
  quantity: number
  unit_cost?: number | null
  serial_numbers?: string[]
  range?: { from: string; to: string } | { first: string; count: number }
}

export type ReceiptInput = {
  stock_location_id: string
  supplier: { name: string; reference?: string | null }
  received_at?: string
  notes?: string | null
  items: ReceiptItemInput[]
}

export type ReceiptCheck = {
  dry_run: true
  problems: string[]
  lines: Array<{ variant_id: string; quantity: number; serials: string[]; from_series: boolean }>
}

const keys = {
  all: ["serial-receipts"] as const,
  list: (query: Record<string, unknown>) => ["serial-receipts", "list", query] as const,
  detail: (id: string) => ["serial-receipts", "detail", id] as const,
}

export function useSerialReceipts(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ serial_receipts: AdminSerialReceipt[]; count: number }>("/admin/serial-receipts", { query }),
    placeholderData: (previous) => previous,
  })
}

export function useSerialReceipt(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => sdk.client.fetch<{ serial_receipt: AdminSerialReceipt }>(`/admin/serial-receipts/${id}`),
  })
}

/** The server's dry run: the posting checks, every problem at once, nothing saved. */
export function useCheckSerialReceipt() {
  return useMutation({
    mutationFn: (body: ReceiptInput) =>
      sdk.client.fetch<ReceiptCheck>("/admin/serial-receipts", { method: "POST", body, query: { dry_run: "true" } }),
  })
}

export function usePostSerialReceipt() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ReceiptInput) =>
      sdk.client.fetch<{ serial_receipt: AdminSerialReceipt }>("/admin/serial-receipts", { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.all })
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
    },
  })
}

export function useCancelSerialReceipt() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ serial_receipt: AdminSerialReceipt }>(`/admin/serial-receipts/${id}/cancel`, { method: "POST" }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.all })
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
    },
  })
}
