import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { orderSerialKeys } from "./order-serial-numbers"
import type { ReturnSerialChoice, ReturnedSerial } from "../../../shared/http/admin"

const returnSerialKeys = {
  detail: (returnId: string) => ["return-serial-numbers", returnId] as const,
}

/** The serials a return brought back so far. */
export function useReturnSerials(returnId: string) {
  return useQuery({
    queryKey: returnSerialKeys.detail(returnId),
    queryFn: () =>
      sdk.client.fetch<{ return_id: string; serial_numbers: ReturnedSerial[] }>(`/admin/returns/${returnId}/serial-numbers`),
  })
}

/** Says which serials came back with a received return. */
export function useChooseReturnSerials(returnId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (serial_numbers: ReturnSerialChoice[]) =>
      sdk.client.fetch<{ return_id: string; serial_numbers: ReturnedSerial[]; awaiting_selection: unknown[] }>(
        `/admin/returns/${returnId}/serial-numbers`,
        { method: "POST", body: { serial_numbers } }
      ),
    onSuccess: (data) => {
      client.setQueryData(returnSerialKeys.detail(returnId), { return_id: returnId, serial_numbers: data.serial_numbers })
      client.invalidateQueries({ queryKey: orderSerialKeys.all })
      client.invalidateQueries({ queryKey: ["serial-numbers"] })
    },
  })
}
