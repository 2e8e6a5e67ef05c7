import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tools } from "@medusajs/icons"
import { Button, Container, StatusBadge, Tabs, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useMaintenanceSchedules, useMaintenanceVisits, useUpdateMaintenanceVisit } from "../../hooks/api/maintenance"
import type { AdminMaintenanceVisit } from "../../../shared/http/admin"
import { labelOf, useCustomerNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import { SerialLink } from "../../components/serial-link"
import { VisitAgenda } from "./components/visit-agenda"

/** "Due" on this page: pending visits in the next 30 days. */
const DUE_WINDOW_DAYS = 30

const VISIT_COLORS = { pending: "orange", completed: "green", partially_completed: "blue", cancelled: "grey" } as const

/** A pending visit whose day (YYYY-MM-DD) is before `today`. */
const isOverdue = (visit: AdminMaintenanceVisit, today: string) => visit.status === "pending" && visit.scheduled_date.slice(0, 10) < today

const VisitsTable = ({ query, empty }: { query: Record<string, string | number>; empty: string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.maintenance" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { date } = useFormat()
  const page = useUrlPage()
  const { data, isLoading } = useMaintenanceVisits({ ...query, limit: page.limit, offset: page.offset })
  const complete = useUpdateMaintenanceVisit()
  const prompt = usePrompt()
  const rows = data?.maintenance_visits ?? []
  const today = new Date().toISOString().slice(0, 10)

  const onComplete = async (visit: AdminMaintenanceVisit) => {
    const confirmed = await prompt({
      title: t("completePrompt.title", { serial: visit.serial_number ?? visit.serial_number_id }),
      description: t("completePrompt.description", { date: date(visit.scheduled_date) }),
      confirmText: t("complete"),
      cancelText: t("completePrompt.cancel"),
      variant: "confirmation",
    })
    if (confirmed) {
      complete.mutate(
        { id: visit.id, status: "completed" },
        {
          onSuccess: () => toast.success(t("visitCompleted")),
          onError: (e) => toast.error((e as Error).message),
        }
      )
    }
  }

  return (
    <ListTable
      columns={[
        {
          header: t("columns.day"),
          cell: (v) => <span className={isOverdue(v, today) ? "text-ui-fg-error" : undefined}>{date(v.scheduled_date)}</span>,
        },
        {
          header: t("columns.serialNumber"),
          cell: (v) => (
            <SerialLink id={v.serial_number_id} text={v.serial_number} />
          ),
        },
        { header: t("columns.kind"), cell: (v) => tc(`visitKind.${v.kind}`, { defaultValue: v.kind }) },
        { header: t("columns.technician"), cell: (v) => v.technician ?? "—" },
        {
          header: t("columns.status"),
          cell: (v) => (
            <StatusBadge color={isOverdue(v, today) ? "red" : VISIT_COLORS[v.status]}>
              {isOverdue(v, today) ? t("overdue") : tc(`visitStatus.${v.status}`, { defaultValue: v.status })}
            </StatusBadge>
          ),
        },
        {
          className: "text-right",
          cell: (v) =>
            (v.status === "pending" || v.status === "partially_completed") && (
              <Button size="small" variant="secondary" onClick={() => onComplete(v)}>
                {t("complete")}
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
  const { t } = useTranslation(undefined, { keyPrefix: "serials.maintenance" })
  const { date } = useFormat()
  const page = useUrlPage()
  const { data, isLoading } = useMaintenanceSchedules({ limit: page.limit, offset: page.offset })
  const rows = data?.maintenance_schedules ?? []
  const customers = useCustomerNames(rows.map((s) => s.customer_id))
  return (
    <ListTable
      columns={[
        { header: t("columns.schedule"), cell: (s) => `#${String(s.display_id ?? "")}` },
        { header: t("columns.type"), cell: (s) => t(`scheduleType.${s.type}`, { defaultValue: s.type }) },
        { header: t("columns.every"), cell: (s) => t(`periodicity.${s.periodicity}`, { defaultValue: s.periodicity.replace("_", " ") }) },
        {
          header: t("columns.runs"),
          cell: (s) => (
            <>
              {date(s.start_date)} – {date(s.end_date)}
            </>
          ),
        },
        { header: t("columns.serials"), cell: (s) => s.serial_number_ids?.length ?? 0 },
        { header: t("columns.customer"), cell: (s) => labelOf(customers, s.customer_id) },
        { header: t("columns.status"), cell: (s) => t(`scheduleStatus.${s.status}`, { defaultValue: s.status }) },
      ]}
      rows={rows}
      isLoading={isLoading}
      emptyText={t("noSchedules")}
      page={{ ...page, count: data?.count ?? 0 }}
    />
  )
}

const MaintenancePage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.maintenance" })
  const { get, set } = useUrlState()
  const tab = get("tab") ?? "due"
  return (
    <Container className="p-0">
      <SectionHeader level="h1" title={t("title")} subtitle={t("subtitle", { days: DUE_WINDOW_DAYS })} />
      <Tabs value={tab} onValueChange={(next) => set({ tab: next === "due" ? undefined : next })}>
        <Tabs.List className="px-6">
          <Tabs.Trigger value="due">{t("tabs.due")}</Tabs.Trigger>
          <Tabs.Trigger value="overdue">{t("tabs.overdue")}</Tabs.Trigger>
          <Tabs.Trigger value="agenda">{t("tabs.agenda")}</Tabs.Trigger>
          <Tabs.Trigger value="schedules">{t("tabs.schedules")}</Tabs.Trigger>
        </Tabs.List>
        <div className="border-t mt-3">
          <Tabs.Content value="due">
            <VisitsTable query={{ due_within_days: DUE_WINDOW_DAYS }} empty={t("noDue")} />
          </Tabs.Content>
          <Tabs.Content value="overdue">
            <VisitsTable query={{ overdue: "true" }} empty={t("noOverdue")} />
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

export const config = defineRouteConfig({ label: "serials.maintenance.menu", translationNs: "translation", icon: Tools })

export default MaintenancePage
