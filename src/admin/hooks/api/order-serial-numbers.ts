import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { OrderSerialLine, OrderSerials } from "../../../shared/http/admin"

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

/** Frees serials reserved for the order (the ones named, or all): back in stock. */
export function useReleaseOrderSerials(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { serial_numbers?: string[] }) =>
      sdk.client.fetch<{ order_serial_numbers: OrderSerials }>(`/admin/orders/${orderId}/serial-numbers/release`, {
        method: "POST",
        body,
      }),
    onSuccess: (data) => {
      client.setQueryData(orderSerialKeys.detail(orderId), data)
      client.invalidateQueries({ queryKey: ["serial-numbers"] })
    },
  })
}
