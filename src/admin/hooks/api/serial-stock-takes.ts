import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminStockTakePreviewResponse, AdminStockTakeResponse, StockTakeInput } from "../../../shared/http/admin"
import { serialNumberKeys } from "./serial-numbers"
import { serialReportKeys } from "./serial-reports"

/** A count compared with the books; changes nothing. */
export function usePreviewStockTake() {
  return useMutation({
    mutationFn: (body: StockTakeInput) =>
      sdk.client.fetch<AdminStockTakePreviewResponse>("/admin/serial-stock-takes/preview", { method: "POST", body }),
  })
}

/** Confirms a count: transfers, write-offs (lost) and a receipt of found units, with Medusa's stock. */
export function useConfirmStockTake() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: StockTakeInput & { note?: string | null }) =>
      sdk.client.fetch<AdminStockTakeResponse>("/admin/serial-stock-takes", { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
      client.invalidateQueries({ queryKey: serialReportKeys.all })
      client.invalidateQueries({ queryKey: ["serial-receipts"] })
    },
  })
}
