import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialLabelSettingsResponse } from "../../../shared/http/admin"

/** The plugin option the label sheet uses: the warranty page its QR codes open. */
export function useSerialLabelSettings() {
  return useQuery({
    queryKey: ["serial-admin", "label-settings"],
    queryFn: () => sdk.client.fetch<AdminSerialLabelSettingsResponse>("/admin/serial-label-settings"),
    staleTime: 5 * 60_000,
  })
}
