import { Button, Input, Label, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { LabelledSelect } from "./labelled-select"
import { useLogMaintenanceVisit, type LogVisitBody } from "../hooks/api/maintenance"

/** The kinds and outcomes offered, in this order (their labels are keys). */
const KINDS = ["breakdown", "unscheduled"]
const OUTCOMES = ["pending", "completed", "partially_completed"]

/**
 * Logs a visit of a serial that no schedule planned: a breakdown call or an unscheduled
 * check, on a day, with its outcome (planned, done, partly done), the technician and
 * what was found or done.
 */
export const MaintenanceVisitForm = ({ serialNumberId, onDone }: { serialNumberId: string; onDone: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.visit" })
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
          toast.success(t("logged"))
          onDone()
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  return (
    <div className="flex flex-col gap-y-4" data-testid="maintenance-visit-form">
      <LabelledSelect
        id="visit-kind"
        label={t("kind")}
        value={kind}
        options={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} onChange={(v) => setKind(v as LogVisitBody["kind"])} />
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-day">{t("day")}</Label>
        <Input id="visit-day" size="small" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <LabelledSelect
        id="visit-outcome"
        label={t("outcome")}
        value={status}
        options={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))} onChange={(v) => setStatus(v as LogVisitBody["status"])} />
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-technician">{t("technician")}</Label>
        <Input id="visit-technician" size="small" value={technician} onChange={(e) => setTechnician(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="visit-notes">{t("notes")}</Label>
        <Textarea id="visit-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <Button size="small" disabled={!day} isLoading={log.isPending} onClick={save}>
        {t("submit")}
      </Button>
    </div>
  )
}
