import { Button, Input, Label, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useUpdateMaintenanceSchedule } from "../hooks/api/maintenance"
import type { AdminMaintenanceSchedule } from "../../shared/http/admin"
import { MaintenanceScheduleForm } from "./maintenance-schedule-form"

/**
 * Changes an active schedule: its technician (the pending visits that followed the old one
 * follow the new) and notes, or cancels it with its pending visits. "Change the plan" plans
 * it again with other rules (periodicity, start, visits or end), the visit days shown first:
 * the server replaces it with a new schedule, and the visits done stay with the old one.
 */
export const MaintenanceScheduleEditForm = ({ schedule, onDone }: { schedule: AdminMaintenanceSchedule; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.scheduleEdit" })
  const { t: tt } = useTranslation(undefined, { keyPrefix: "serials.serialForms.scheduleTerms" })
  const [technician, setTechnician] = useState(schedule.assignee ?? "")
  const [notes, setNotes] = useState(schedule.notes ?? "")
  const [replanning, setReplanning] = useState(false)
  const update = useUpdateMaintenanceSchedule(schedule.id)
  const prompt = usePrompt()
  const active = schedule.status === "active"

  const save = () =>
    update.mutate(
      { assignee: technician.trim() || null, notes: notes.trim() || null },
      {
        onSuccess: () => {
          toast.success(t("saved"))
          onDone()
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  const cancel = async () => {
    const confirmed = await prompt({
      title: t("cancelPrompt.title"),
      description: t("cancelPrompt.description"),
      confirmText: t("cancelSchedule"),
      cancelText: t("cancelPrompt.keep"),
    })
    if (confirmed) {
      update.mutate(
        { status: "cancelled" },
        {
          onSuccess: () => {
            toast.success(t("cancelled"))
            onDone()
          },
          onError: (e) => toast.error((e as Error).message),
        }
      )
    }
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid="maintenance-schedule-edit-form">
      <Text size="small" className="text-ui-fg-subtle">
        {tt(`type.${schedule.type}`, { defaultValue: schedule.type })} ·{" "}
        {tt(`periodicity.${schedule.periodicity}`, { defaultValue: schedule.periodicity.replace("_", " ") })} ·{" "}
        {tt(`status.${schedule.status}`, { defaultValue: schedule.status })}
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="schedule-edit-technician">
          {t("technician")}
        </Label>
        <Input id="schedule-edit-technician" size="small" value={technician} disabled={!active} onChange={(e) => setTechnician(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="schedule-edit-notes">
          {t("notes")}
        </Label>
        <Textarea id="schedule-edit-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="flex gap-2">
        <Button size="small" isLoading={update.isPending && !update.variables?.status} onClick={save}>
          {t("save")}
        </Button>
        {active && (
          <Button size="small" variant="danger" isLoading={update.isPending && !!update.variables?.status} onClick={cancel}>
            {t("cancelSchedule")}
          </Button>
        )}
        {active && !replanning && (
          <Button size="small" variant="secondary" onClick={() => setReplanning(true)}>
            {t("changePlan")}
          </Button>
        )}
      </div>
      {active && replanning && (
        <div className="flex flex-col gap-y-2 border-t pt-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("changePlanHint")}
          </Text>
          <MaintenanceScheduleForm serialNumberIds={schedule.serial_number_ids ?? []} replacing={schedule} onDone={onDone} />
        </div>
      )}
    </div>
  )
}
