import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminMaintenanceSchedule, AdminMaintenanceVisit } from "../../../shared/http/admin"

const keys = {
  all: ["maintenance"] as const,
  visits: (query: Record<string, unknown>) => ["maintenance", "visits", query] as const,
  schedules: (query: Record<string, unknown>) => ["maintenance", "schedules", query] as const,
}

export function useMaintenanceVisits(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: keys.visits(query),
    queryFn: () =>
      sdk.client.fetch<{ maintenance_visits: AdminMaintenanceVisit[]; count: number }>("/admin/maintenance-visits", {
        query,
      }),
    placeholderData: (previous) => previous,
  })
}

export function useMaintenanceSchedules(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: keys.schedules(query),
    queryFn: () =>
      sdk.client.fetch<{ maintenance_schedules: AdminMaintenanceSchedule[]; count: number }>(
        "/admin/maintenance-schedules",
        { query }
      ),
    placeholderData: (previous) => previous,
  })
}

export function useUpdateMaintenanceVisit() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; status?: string; technician?: string | null; notes?: string | null }) =>
      sdk.client.fetch<{ maintenance_visit: AdminMaintenanceVisit }>(`/admin/maintenance-visits/${id}`, {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}
