import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialTransferResponse } from "../../../shared/http/admin"
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
    },
  })
}
