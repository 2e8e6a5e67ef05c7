import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tools } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Tabs, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ListPagination } from "../../components/list-pagination"
import {
  useMaintenanceSchedules,
  useMaintenanceVisits,
  useUpdateMaintenanceVisit,
  type AdminMaintenanceVisit,
} from "../../hooks/api/maintenance"
import { labelOf, useCustomerOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlState } from "../../lib/url-state"

const PAGE_SIZE = 20
/** "Due" on this page: pending visits in the next 30 days. */
const DUE_WINDOW_DAYS = 30

const VISIT_COLORS = { pending: "orange", completed: "green", partially_completed: "blue", cancelled: "grey" } as const

const VisitsTable = ({ query, empty }: { query: Record<string, string | number>; empty: string }) => {
  const { get, set } = useUrlState()
  const offset = Number(get("offset") ?? 0) || 0
  const { data, isLoading } = useMaintenanceVisits({ ...query, limit: PAGE_SIZE, offset })
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
    <>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Day</Table.HeaderCell>
            <Table.HeaderCell>Serial number</Table.HeaderCell>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Technician</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((v) => {
            const overdue = v.status === "pending" && v.scheduled_date.slice(0, 10) < today
            return (
              <Table.Row key={v.id}>
                <Table.Cell className={overdue ? "text-ui-fg-error" : ""}>{formatDate(v.scheduled_date)}</Table.Cell>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive font-mono" to={`/serial-numbers/${v.serial_number_id}`}>
                    {v.serial_number ?? v.serial_number_id}
                  </Link>
                </Table.Cell>
                <Table.Cell className="capitalize">{v.kind}</Table.Cell>
                <Table.Cell>{v.technician ?? "—"}</Table.Cell>
                <Table.Cell>
                  <StatusBadge className="capitalize" color={overdue ? "red" : VISIT_COLORS[v.status]}>
                    {overdue ? "Overdue" : v.status.replace("_", " ")}
                  </StatusBadge>
                </Table.Cell>
                <Table.Cell className="text-right">
                  {(v.status === "pending" || v.status === "partially_completed") && (
                    <Button size="small" variant="secondary" onClick={() => onComplete(v)}>
                      Complete
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {!isLoading && rows.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {empty}
          </Text>
        </div>
      )}
      <ListPagination count={data?.count ?? 0} offset={offset} limit={PAGE_SIZE} onOffset={(o) => set({ offset: o || undefined }, { keepOffset: true })} />
    </>
  )
}

const SchedulesTable = () => {
  const { get, set } = useUrlState()
  const offset = Number(get("offset") ?? 0) || 0
  const { data, isLoading } = useMaintenanceSchedules({ limit: PAGE_SIZE, offset })
  const customers = useCustomerOptions().data
  const rows = data?.maintenance_schedules ?? []
  return (
    <>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Schedule</Table.HeaderCell>
            <Table.HeaderCell>Type</Table.HeaderCell>
            <Table.HeaderCell>Every</Table.HeaderCell>
            <Table.HeaderCell>Runs</Table.HeaderCell>
            <Table.HeaderCell>Serials</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>#{String(s.display_id ?? "")}</Table.Cell>
              <Table.Cell className="capitalize">{s.type}</Table.Cell>
              <Table.Cell className="capitalize">{s.periodicity.replace("_", " ")}</Table.Cell>
              <Table.Cell>
                {formatDate(s.start_date)} – {formatDate(s.end_date)}
              </Table.Cell>
              <Table.Cell>{s.serial_number_ids?.length ?? 0}</Table.Cell>
              <Table.Cell>{labelOf(customers, s.customer_id)}</Table.Cell>
              <Table.Cell className="capitalize">{s.status}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && rows.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No maintenance schedules yet. Create them from a serial or a customer.
          </Text>
        </div>
      )}
      <ListPagination count={data?.count ?? 0} offset={offset} limit={PAGE_SIZE} onOffset={(o) => set({ offset: o || undefined }, { keepOffset: true })} />
    </>
  )
}

const MaintenancePage = () => {
  const { get, set } = useUrlState()
  const tab = get("tab") ?? "due"
  return (
    <Container className="p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Maintenance</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Visits due in the next {DUE_WINDOW_DAYS} days, overdue visits, and the schedules that plan them.
        </Text>
      </div>
      <Tabs value={tab} onValueChange={(t) => set({ tab: t === "due" ? undefined : t })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="due">Due</Tabs.Trigger>
          <Tabs.Trigger value="overdue">Overdue</Tabs.Trigger>
          <Tabs.Trigger value="schedules">Schedules</Tabs.Trigger>
        </Tabs.List>
        <div className="border-t mt-3">
          <Tabs.Content value="due">
            <VisitsTable query={{ due_within_days: DUE_WINDOW_DAYS }} empty="No visits are due." />
          </Tabs.Content>
          <Tabs.Content value="overdue">
            <VisitsTable query={{ overdue: "true" }} empty="No overdue visits." />
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
