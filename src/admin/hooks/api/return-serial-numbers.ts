import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { orderSerialKeys } from "./order-serial-numbers"

export type ReturnSerialChoice = { serial_number: string; restock?: boolean }

/** Says which serials came back with a received return. */
export function useChooseReturnSerials(returnId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (serial_numbers: ReturnSerialChoice[]) =>
      sdk.client.fetch<{ return_id: string; serial_numbers: unknown[]; awaiting_selection: unknown[] }>(
        `/admin/returns/${returnId}/serial-numbers`,
        { method: "POST", body: { serial_numbers } }
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: orderSerialKeys.all })
      client.invalidateQueries({ queryKey: ["serial-numbers"] })
    },
  })
}
