import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialNumber } from "./serial-numbers"

export type OrderSerialLine = {
  line_item_id: string
  variant_id: string | null
  title: string
  sku: string | null
  quantity: number
  fulfilled_quantity: number
  returned_quantity: number
  is_serialized: boolean
  delivered: number
  reserved: number
  missing: number
  fulfilled_without_serial: number
  serial_numbers: AdminSerialNumber[]
}

export type OrderSerials = { order_id: string; items: OrderSerialLine[] }

export const orderSerialKeys = {
  all: ["order-serial-numbers"] as const,
  detail: (orderId: string) => ["order-serial-numbers", orderId] as const,
}

export function useOrderSerials(orderId: string) {
  return useQuery({
    queryKey: orderSerialKeys.detail(orderId),
    queryFn: () =>
      sdk.client.fetch<{ order_serial_numbers: OrderSerials }>(`/admin/orders/${orderId}/serial-numbers`),
  })
}

type OrderSerialsChange =
  | { line_item_id: string; serial_numbers: string[] }
  | { line_item_id: string; swap: { from: string; to: string } }

/** Reserves serials for a line, or swaps one on it before shipment. */
export function useChangeOrderSerials(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: OrderSerialsChange) =>
      sdk.client.fetch<{ order_serial_numbers: OrderSerials }>(`/admin/orders/${orderId}/serial-numbers`, {
        method: "POST",
        body,
      }),
    onSuccess: (data) => {
      client.setQueryData(orderSerialKeys.detail(orderId), data)
      client.invalidateQueries({ queryKey: ["serial-numbers"] })
    },
  })
}
