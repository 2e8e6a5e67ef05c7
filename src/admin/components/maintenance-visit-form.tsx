import { Button, Input, Label, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { LabelledSelect } from "./labelled-select"
import { useLogMaintenanceVisit, type LogVisitBody } from "../hooks/api/maintenance"

const KINDS = [
  { value: "breakdown", label: "Breakdown" },
  { value: "unscheduled", label: "Unscheduled check" },
]
const OUTCOMES = [
  { value: "pending", label: "Planned (not done yet)" },
  { value: "completed", label: "Done" },
  { value: "partially_completed", label: "Partly done (another visit needed)" },
]

/**
 * Logs a visit of a serial that no schedule planned: a breakdown call or an unscheduled
 * check, on a day, with its outcome (planned, done, partly done), the technician and
 * what was found or done.
 */
export const MaintenanceVisitForm = ({ serialNumberId, onDone }: { serialNumberId: string; onDone: () => void }) => {
  const [kind, setKind] = useState<LogVisitBody["kind"]>("breakdown")
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10))
  const [status, setStatus] = useState<LogVisitBody["status"]>("completed")
  const [technician, setTechnician] = useState("")
  const [notes, setNotes] = useState("")
  const log = useLogMaintenanceVisit()
  const save = () =>
    log.mutate(
      {
        serial_number_id: serialNumberId,
        kind,
        scheduled_date: day,
        status,
        technician: technician.trim() || null,
        notes: notes.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success("Visit logged")
          onDone()
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  return (
    <div className="flex flex-col gap-y-4" data-testid="maintenance-visit-form">
      <LabelledSelect id="visit-kind" label="Kind" value={kind} options={KINDS} onChange={(v) => setKind(v as LogVisitBody["kind"])} />
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-day">Day</Label>
        <Input id="visit-day" size="small" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <LabelledSelect id="visit-outcome" label="Outcome" value={status} options={OUTCOMES} onChange={(v) => setStatus(v as LogVisitBody["status"])} />
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-technician">Technician (optional)</Label>
        <Input id="visit-technician" size="small" value={technician} onChange={(e) => setTechnician(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-notes">What was found or done (optional)</Label>
        <Textarea id="visit-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <Button size="small" disabled={!day} isLoading={log.isPending} onClick={save}>
        Log visit
      </Button>
    </div>
  )
}
