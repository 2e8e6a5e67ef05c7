import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminMaintenanceVisit } from "../../../shared/http/admin"

export const maintenanceVisitKeys = {
  all: ["maintenance-visits"] as const,
  list: (query: Record<string, unknown>) => ["maintenance-visits", "list", query] as const,
}

export function useMaintenanceVisits(
  query: Record<string, string | number | string[] | undefined>,
  options: { enabled?: boolean } = {}
) {
  return useQuery({
    queryKey: maintenanceVisitKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ maintenance_visits: AdminMaintenanceVisit[]; count: number }>("/admin/maintenance-visits", {
        query,
      }),
    ...options,
  })
}
