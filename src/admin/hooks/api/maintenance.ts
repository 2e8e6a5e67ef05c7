import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  AdminMaintenanceAgendaResponse,
  AdminMaintenanceSchedule,
  AdminMaintenanceSchedulePlanResponse,
  AdminMaintenanceVisit,
} from "../../../shared/http/admin"

const keys = {
  all: ["maintenance"] as const,
  visits: (query: Record<string, unknown>) => ["maintenance", "visits", query] as const,
  schedules: (query: Record<string, unknown>) => ["maintenance", "schedules", query] as const,
  agenda: (query: Record<string, unknown>) => ["maintenance", "agenda", query] as const,
}

/** A week of visits and the overdue ones (`week`: any day of it; default this week). */
export function useMaintenanceAgenda(query: { week?: string; technician?: string; stock_location_id?: string }) {
  return useQuery({
    queryKey: keys.agenda(query),
    queryFn: () => sdk.client.fetch<AdminMaintenanceAgendaResponse>("/admin/maintenance-agenda", { query }),
    placeholderData: (previous) => previous,
  })
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

/** The rules of a new schedule, as `POST /admin/maintenance-schedules` takes them. */
export type ScheduleRules = {
  type: "preventive" | "warranty" | "amc"
  periodicity: string
  interval?: { value: number; unit: "day" | "week" | "month" } | null
  start_date: string
  end_date?: string | null
  visit_count?: number | null
  first_visit_on_start?: boolean
}

/**
 * The visit days the server's calendar rules give `rules` (saving nothing), or its 400
 * naming what is wrong; asked again as the rules change, the previous answer shown meanwhile.
 */
export function useMaintenanceSchedulePlan(rules: ScheduleRules | null) {
  return useQuery({
    queryKey: ["maintenance", "plan", rules],
    queryFn: () =>
      sdk.client.fetch<AdminMaintenanceSchedulePlanResponse>("/admin/maintenance-schedule-plans", { method: "POST", body: rules! }),
    enabled: !!rules,
    placeholderData: (previous) => previous,
    retry: false,
  })
}

export function useCreateMaintenanceSchedule() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ScheduleRules & { serial_number_ids: string[]; assignee?: string | null; customer_id?: string | null }) =>
      sdk.client.fetch<{ maintenance_schedule: AdminMaintenanceSchedule }>("/admin/maintenance-schedules", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}

/** Changes a schedule's technician (its pending visits follow) or notes, or cancels it (its pending visits too). */
export function useUpdateMaintenanceSchedule(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { assignee?: string | null; notes?: string | null; status?: "cancelled" | "completed" }) =>
      sdk.client.fetch<{ maintenance_schedule: AdminMaintenanceSchedule }>(`/admin/maintenance-schedules/${id}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}

/** Plans an active schedule again with new rules: it is cancelled, and the new one (answered) takes its serials. */
export function useReplanMaintenanceSchedule(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Omit<ScheduleRules, "type"> & { assignee?: string | null }) =>
      sdk.client.fetch<{ maintenance_schedule: AdminMaintenanceSchedule }>(`/admin/maintenance-schedules/${id}/replan`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}

/** A visit no schedule generated: a breakdown call or an unscheduled check, planned or done. */
export type LogVisitBody = {
  serial_number_id: string
  kind: "unscheduled" | "breakdown"
  scheduled_date: string
  status: "pending" | "completed" | "partially_completed"
  technician?: string | null
  notes?: string | null
}

export function useLogMaintenanceVisit() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: LogVisitBody) =>
      sdk.client.fetch<{ maintenance_visit: AdminMaintenanceVisit }>("/admin/maintenance-visits", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  })
}
