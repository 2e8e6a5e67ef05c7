import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { serialNumberKeys } from "./serial-numbers"
import type { AdminSerialReceipt, AdminSerialReceiptLine, AdminVendorReturnResponse, ReceiptCheck, ReceiptInput, ReceiptItemInput } from "../../../shared/http/admin"

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

/** Cancels chosen serials of a receipt that never arrived (its lines and Medusa's stock go down). */
export function useCancelReceiptSerials(receiptId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { serial_numbers: string[] }) =>
      sdk.client.fetch<{ serial_receipt: AdminSerialReceipt }>(`/admin/serial-receipts/${receiptId}/cancel`, { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.all })
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
    },
  })
}

/** Sends chosen serials of a receipt back to its supplier (Medusa's stock goes down with them). */
export function useReturnToSupplier(receiptId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { serial_numbers: string[]; reason?: string | null }) =>
      sdk.client.fetch<AdminVendorReturnResponse>(`/admin/serial-receipts/${receiptId}/vendor-returns`, { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: keys.all })
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
    },
  })
}
