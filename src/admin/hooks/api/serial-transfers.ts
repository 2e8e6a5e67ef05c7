import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialTransferListResponse, AdminSerialTransferResponse } from "../../../shared/http/admin"
import { serialNumberKeys } from "./serial-numbers"
import { serialReportKeys } from "./serial-reports"

export type TransferSerialsBody = {
  from_location_id: string
  to_location_id: string
  serial_numbers: string[]
  note?: string | null
}

/** Moves serials in stock at one location to another (Medusa's stock follows). */
export function useTransferSerials() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TransferSerialsBody) =>
      sdk.client.fetch<AdminSerialTransferResponse>("/admin/serial-transfers", { method: "POST", body }),
    onSuccess: () => {
      // Counts per location and the serials' own rows changed.
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
      client.invalidateQueries({ queryKey: serialReportKeys.all })
      client.invalidateQueries({ queryKey: serialTransferKeys.all })
    },
  })
}

export const serialTransferKeys = {
  all: ["serial-admin", "serial-transfers"] as const,
  list: (query: Record<string, unknown>) => [...serialTransferKeys.all, "list", query] as const,
  detail: (id: string) => [...serialTransferKeys.all, "detail", id] as const,
}

/**
 * Transfers newest first, a page at a time: each further page continues from the last
 * one's `next_cursor` (the history has no total; the API answers none).
 */
export function useSerialTransfers(query: { location_id?: string; limit?: number }) {
  return useInfiniteQuery({
    queryKey: serialTransferKeys.list(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<AdminSerialTransferListResponse>("/admin/serial-transfers", {
        query: { ...query, ...(pageParam ? { after: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}

export function useSerialTransfer(id: string) {
  return useQuery({
    queryKey: serialTransferKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminSerialTransferResponse>(`/admin/serial-transfers/${id}`),
  })
}
