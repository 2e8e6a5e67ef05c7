import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tools } from "@medusajs/icons"
import { Button, Container, StatusBadge, Tabs, toast, usePrompt } from "@medusajs/ui"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useMaintenanceSchedules, useMaintenanceVisits, useUpdateMaintenanceVisit } from "../../hooks/api/maintenance"
import type { AdminMaintenanceVisit } from "../../../shared/http/admin"
import { labelOf, useCustomerOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import { SerialLink } from "../../components/serial-link"
import { VisitAgenda } from "./components/visit-agenda"

/** "Due" on this page: pending visits in the next 30 days. */
const DUE_WINDOW_DAYS = 30

const VISIT_COLORS = { pending: "orange", completed: "green", partially_completed: "blue", cancelled: "grey" } as const

/** A pending visit whose day (YYYY-MM-DD) is before `today`. */
const isOverdue = (visit: AdminMaintenanceVisit, today: string) => visit.status === "pending" && visit.scheduled_date.slice(0, 10) < today

const VisitsTable = ({ query, empty }: { query: Record<string, string | number>; empty: string }) => {
  const page = useUrlPage()
  const { data, isLoading } = useMaintenanceVisits({ ...query, limit: page.limit, offset: page.offset })
  const complete = useUpdateMaintenanceVisit()
  const prompt = usePrompt()
  const rows = data?.maintenance_visits ?? []
  const today = new Date().toISOString().slice(0, 10)

  const onComplete = async (visit: AdminMaintenanceVisit) => {
    const confirmed = await prompt({
      title: `Complete the visit for ${visit.serial_number ?? visit.serial_number_id}?`,
      description: `Scheduled for ${formatDate(visit.scheduled_date)}; it is recorded as done now.`,
      confirmText: "Complete",
      cancelText: "Not yet",
      variant: "confirmation",
    })
    if (confirmed) {
      complete.mutate(
        { id: visit.id, status: "completed" },
        {
          onSuccess: () => toast.success("Visit completed"),
          onError: (e) => toast.error((e as Error).message),
        }
      )
    }
  }

  return (
    <ListTable
      columns={[
        {
          header: "Day",
          cell: (v) => <span className={isOverdue(v, today) ? "text-ui-fg-error" : undefined}>{formatDate(v.scheduled_date)}</span>,
        },
        {
          header: "Serial number",
          cell: (v) => (
            <SerialLink id={v.serial_number_id} text={v.serial_number} />
          ),
        },
        { header: "Kind", className: "capitalize", cell: (v) => v.kind },
        { header: "Technician", cell: (v) => v.technician ?? "—" },
        {
          header: "Status",
          cell: (v) => (
            <StatusBadge className="capitalize" color={isOverdue(v, today) ? "red" : VISIT_COLORS[v.status]}>
              {isOverdue(v, today) ? "Overdue" : v.status.replace("_", " ")}
            </StatusBadge>
          ),
        },
        {
          className: "text-right",
          cell: (v) =>
            (v.status === "pending" || v.status === "partially_completed") && (
              <Button size="small" variant="secondary" onClick={() => onComplete(v)}>
                Complete
              </Button>
            ),
        },
      ]}
      rows={rows}
      isLoading={isLoading}
      emptyText={empty}
      page={{ ...page, count: data?.count ?? 0 }}
    />
  )
}

const SchedulesTable = () => {
  const page = useUrlPage()
  const { data, isLoading } = useMaintenanceSchedules({ limit: page.limit, offset: page.offset })
  const customers = useCustomerOptions().data
  const rows = data?.maintenance_schedules ?? []
  return (
    <ListTable
      columns={[
        { header: "Schedule", cell: (s) => `#${String(s.display_id ?? "")}` },
        { header: "Type", className: "capitalize", cell: (s) => s.type },
        { header: "Every", className: "capitalize", cell: (s) => s.periodicity.replace("_", " ") },
        {
          header: "Runs",
          cell: (s) => (
            <>
              {formatDate(s.start_date)} – {formatDate(s.end_date)}
            </>
          ),
        },
        { header: "Serials", cell: (s) => s.serial_number_ids?.length ?? 0 },
        { header: "Customer", cell: (s) => labelOf(customers, s.customer_id) },
        { header: "Status", className: "capitalize", cell: (s) => s.status },
      ]}
      rows={rows}
      isLoading={isLoading}
      emptyText="No maintenance schedules yet. Create them from a serial or a customer."
      page={{ ...page, count: data?.count ?? 0 }}
    />
  )
}

const MaintenancePage = () => {
  const { get, set } = useUrlState()
  const tab = get("tab") ?? "due"
  return (
    <Container className="p-0">
      <SectionHeader
        level="h1"
        title="Maintenance"
        subtitle={`Visits due in the next ${DUE_WINDOW_DAYS} days, overdue visits, a week's agenda by technician and location, and the schedules that plan them.`}
      />
      <Tabs value={tab} onValueChange={(t) => set({ tab: t === "due" ? undefined : t })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="due">Due</Tabs.Trigger>
          <Tabs.Trigger value="overdue">Overdue</Tabs.Trigger>
          <Tabs.Trigger value="agenda">Agenda</Tabs.Trigger>
          <Tabs.Trigger value="schedules">Schedules</Tabs.Trigger>
        </Tabs.List>
        <div className="border-t mt-3">
          <Tabs.Content value="due">
            <VisitsTable query={{ due_within_days: DUE_WINDOW_DAYS }} empty="No visits are due." />
          </Tabs.Content>
          <Tabs.Content value="overdue">
            <VisitsTable query={{ overdue: "true" }} empty="No overdue visits." />
          </Tabs.Content>
          <Tabs.Content value="agenda">
            <VisitAgenda />
          </Tabs.Content>
          <Tabs.Content value="schedules">
            <SchedulesTable />
          </Tabs.Content>
        </div>
      </Tabs>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Maintenance", icon: Tools })

export default MaintenancePage
