import { Button, Input, Label, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useUpdateMaintenanceSchedule } from "../hooks/api/maintenance"
import type { AdminMaintenanceSchedule } from "../../shared/http/admin"

/**
 * Changes an active schedule: its technician (the pending visits that followed the old one
 * follow the new) and notes, or cancels it with its pending visits. Its rules (periodicity,
 * start, visits) stay as planned: other rules are a new schedule, after cancelling this one.
 */
export const MaintenanceScheduleEditForm = ({ schedule, onDone }: { schedule: AdminMaintenanceSchedule; onDone: () => void }) => {
  const [technician, setTechnician] = useState(schedule.assignee ?? "")
  const [notes, setNotes] = useState(schedule.notes ?? "")
  const update = useUpdateMaintenanceSchedule(schedule.id)
  const prompt = usePrompt()
  const active = schedule.status === "active"

  const save = () =>
    update.mutate(
      { assignee: technician.trim() || null, notes: notes.trim() || null },
      {
        onSuccess: () => {
          toast.success("Schedule saved")
          onDone()
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  const cancel = async () => {
    const confirmed = await prompt({
      title: "Cancel this schedule?",
      description: "Its pending visits are cancelled with it; visits already done stay.",
      confirmText: "Cancel schedule",
      cancelText: "Keep it",
    })
    if (confirmed) {
      update.mutate(
        { status: "cancelled" },
        {
          onSuccess: () => {
            toast.success("Schedule cancelled")
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
        {schedule.type} · {schedule.periodicity.replace("_", " ")} · {schedule.status}. Other rules need a new schedule: cancel
        this one first.
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="schedule-edit-technician">
          Technician
        </Label>
        <Input id="schedule-edit-technician" size="small" value={technician} disabled={!active} onChange={(e) => setTechnician(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="schedule-edit-notes">
          Notes
        </Label>
        <Textarea id="schedule-edit-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="flex gap-2">
        <Button size="small" isLoading={update.isPending && !update.variables?.status} onClick={save}>
          Save
        </Button>
        {active && (
          <Button size="small" variant="danger" isLoading={update.isPending && !!update.variables?.status} onClick={cancel}>
            Cancel schedule
          </Button>
        )}
      </div>
    </div>
  )
}
