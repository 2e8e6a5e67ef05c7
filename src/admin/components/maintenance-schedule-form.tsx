import { Button, Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSettled } from "../lib/use-settled"
import { LabelledSelect } from "./labelled-select"
import { useCreateMaintenanceSchedule, useMaintenanceSchedulePlan, useReplanMaintenanceSchedule, type ScheduleRules } from "../hooks/api/maintenance"
import type { AdminMaintenanceSchedule } from "../../shared/http/admin"
import { useFormat } from "../lib/format"

/** The schedule types and periodicities offered, in this order (their labels are keys). */
const TYPES = ["preventive", "warranty", "amc"]
const PERIODICITIES = ["monthly", "quarterly", "half_yearly", "yearly", "weekly", "custom"]

/**
 * A new maintenance schedule for serials: type, periodicity (or a custom interval), start,
 * then visits or an end date, and the technician. The visit days shown are the server's
 * (its calendar rules: month ends, leap years), asked as the rules change; a rule the
 * server refuses shows its message, and Save stays off until the rules plan.
 */
export const MaintenanceScheduleForm = ({
  serialNumberIds,
  customerId,
  replacing,
  onDone,
}: {
  serialNumberIds: string[]
  /** The customer the schedule serves (an order's), when there is one. */
  customerId?: string | null
  /**
   * An active schedule to plan again with these rules: the form starts from its rules,
   * keeps its type, and saving replaces it (POST …/replan) instead of adding one.
   */
  replacing?: AdminMaintenanceSchedule
  onDone: () => void
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.schedule" })
  const { date } = useFormat()
  const from = replacing as (AdminMaintenanceSchedule & { interval?: { value: number; unit: "day" | "week" | "month" } | null }) | undefined
  const [type, setType] = useState<ScheduleRules["type"]>((from?.type as ScheduleRules["type"]) ?? "preventive")
  const [periodicity, setPeriodicity] = useState(from?.periodicity ?? "monthly")
  const [intervalValue, setIntervalValue] = useState(String(from?.interval?.value ?? 2))
  const [intervalUnit, setIntervalUnit] = useState<"day" | "week" | "month">(from?.interval?.unit ?? "month")
  const [start, setStart] = useState(from?.start_date ?? new Date().toISOString().slice(0, 10))
  const [ends, setEnds] = useState<"count" | "date">(from && !from.visit_count && from.end_date ? "date" : "count")
  const [visitCount, setVisitCount] = useState(String(from?.visit_count ?? 4))
  const [endDate, setEndDate] = useState(from?.end_date ?? "")
  const [firstOnStart, setFirstOnStart] = useState(Boolean(from?.first_visit_on_start))
  const [technician, setTechnician] = useState(from?.assignee ?? "")

  const rules = useMemo<ScheduleRules | null>(() => {
    if (!start) return null
    return {
      type,
      periodicity,
      interval: periodicity === "custom" ? { value: Number(intervalValue), unit: intervalUnit } : null,
      start_date: start,
      ...(ends === "count" ? { visit_count: Number(visitCount) } : { end_date: endDate || null }),
      first_visit_on_start: firstOnStart,
    }
  }, [type, periodicity, intervalValue, intervalUnit, start, ends, visitCount, endDate, firstOnStart])
  const settled = useSettled(rules)
  const plan = useMaintenanceSchedulePlan(settled)
  const create = useCreateMaintenanceSchedule()
  const replan = useReplanMaintenanceSchedule(replacing?.id ?? "")
  const planned = !plan.isError && plan.data && settled === rules ? plan.data.plan : null

  const save = () => {
    if (replacing) {
      const { type: _kept, ...newRules } = rules!
      replan.mutate(
        { ...newRules, assignee: technician.trim() || null },
        {
          onSuccess: ({ maintenance_schedule }) => {
            toast.success(t("replanned", { count: Number(maintenance_schedule.visit_count ?? 0) }))
            onDone()
          },
          onError: (e) => toast.error((e as Error).message),
        }
      )
      return
    }
    create.mutate(
      { ...rules!, serial_number_ids: serialNumberIds, assignee: technician.trim() || null, ...(customerId ? { customer_id: customerId } : {}) },
      {
        onSuccess: ({ maintenance_schedule }) => {
          toast.success(t("created", { count: Number(maintenance_schedule.visit_count ?? 0) }))
          onDone()
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid="maintenance-schedule-form">
      {/* Planned again, a schedule keeps its type (an amc schedule stays the serials' contract). */}
      {!replacing && (
        <LabelledSelect
          id="schedule-type"
          label={t("type")}
          value={type}
          options={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
          onChange={(v) => setType(v as ScheduleRules["type"])}
        />
      )}
      <LabelledSelect
        id="schedule-periodicity"
        label={t("every")}
        value={periodicity}
        options={PERIODICITIES.map((value) => ({ value, label: t(`periodicities.${value}`) }))}
        onChange={setPeriodicity}
      />
      {periodicity === "custom" && (
        <div className="flex gap-2">
          <Field id="schedule-interval" label={t("interval")} type="number" value={intervalValue} onChange={setIntervalValue} />
          <LabelledSelect
            id="schedule-interval-unit"
            label={t("unit")}
            value={intervalUnit}
            options={[
              { value: "day", label: t("units.day") },
              { value: "week", label: t("units.week") },
              { value: "month", label: t("units.month") },
            ]}
            onChange={(v) => setIntervalUnit(v as "day" | "week" | "month")}
          />
        </div>
      )}
      <Field id="schedule-start" label={t("starts")} type="date" value={start} onChange={setStart} />
      <div className="flex items-center gap-2">
        <Checkbox id="schedule-first-on-start" checked={firstOnStart} onCheckedChange={(v) => setFirstOnStart(v === true)} />
        <Label size="small" htmlFor="schedule-first-on-start">
          {t("firstOnStart")}
        </Label>
      </div>
      <LabelledSelect
        id="schedule-ends"
        label={t("ends")}
        value={ends}
        options={[
          { value: "count", label: t("endsAfterCount") },
          { value: "date", label: t("endsOnDate") },
        ]}
        onChange={(v) => setEnds(v as "count" | "date")}
      />
      {ends === "count" ? (
        <Field id="schedule-visits" label={t("visits")} type="number" value={visitCount} onChange={setVisitCount} />
      ) : (
        <Field id="schedule-end" label={t("endDate")} type="date" value={endDate} onChange={setEndDate} />
      )}
      <Field id="schedule-technician" label={t("technician")} value={technician} onChange={setTechnician} />

      <div className="flex flex-col gap-1" aria-live="polite">
        <Text size="small" weight="plus">
          {t("visitDays")}
        </Text>
        {plan.isError ? (
          <Text size="small" className="text-ui-fg-error" data-testid="schedule-plan-error">
            {(plan.error as Error).message}
          </Text>
        ) : planned ? (
          <ol className="flex flex-wrap gap-x-3 gap-y-1" data-testid="schedule-plan">
            {planned.visit_dates.map((day) => (
              <li key={day}>
                <Text size="small">{date(day)}</Text>
              </li>
            ))}
          </ol>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("planning")}
          </Text>
        )}
        {planned?.end_date && (
          <Text size="small" className="text-ui-fg-subtle">
            {serialNumberIds.length > 1
              ? t("runsUntilEach", { date: date(planned.end_date), serials: serialNumberIds.length })
              : t("runsUntil", { date: date(planned.end_date) })}
          </Text>
        )}
      </div>
      <Button size="small" disabled={!planned} isLoading={create.isPending || replan.isPending} onClick={save}>
        {replacing ? t("replan") : t("create")}
      </Button>
    </div>
  )
}

const Field = ({ id, label, value, onChange, type = "text" }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" htmlFor={id}>
      {label}
    </Label>
    <Input id={id} size="small" type={type} value={value} onChange={(e) => onChange(e.target.value)} />
  </div>
)
