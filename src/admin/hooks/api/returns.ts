import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** An order's returns with their items (to choose which serials came back). */
export function useOrderReturns(orderId: string) {
  return useQuery({
    queryKey: ["serial-admin", "order-returns", orderId],
    queryFn: () =>
      sdk.admin.return.list({
        order_id: orderId,
        limit: 50,
        fields: "id,display_id,status,received_at,created_at,items.id,items.item_id,items.quantity,items.received_quantity",
      } as any),
  })
}
