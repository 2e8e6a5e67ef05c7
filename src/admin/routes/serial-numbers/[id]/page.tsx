import { Button, Container, Drawer, Heading, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { LedgerTimeline } from "../../../components/ledger-timeline"
import { ListTable } from "../../../components/list-table"
import { MetadataEditor } from "../../../components/metadata-editor"
import { SerialStatusBadge, WarrantyBadge } from "../../../components/serial-status-badge"
import { WriteOffSerialForm } from "../../../components/write-off-form"
import { MaintenanceScheduleForm } from "../../../components/maintenance-schedule-form"
import { MaintenanceScheduleEditForm } from "../../../components/maintenance-schedule-edit-form"
import { MaintenanceVisitForm } from "../../../components/maintenance-visit-form"
import { WarrantyClaimForm } from "../../../components/warranty-claim-form"
import { useMaintenanceSchedules, useMaintenanceVisits } from "../../../hooks/api/maintenance"
import { useSerialNumber, useUpdateSerialNumber } from "../../../hooks/api/serial-numbers"
import { labelOf, useCustomerNames, useLocationNames, useProductNames } from "../../../hooks/api/store-records"
import { useWarrantyClaims } from "../../../hooks/api/warranty-claims"
import { useFormat } from "../../../lib/format"
import { WRITE_OFF_STATUSES } from "../../../../shared/statuses"
import { warrantyState } from "../../../../shared/warranty-state"

const SerialNumberDetailPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialDetail" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  // A schedule's type, periodicity and status, as its edit form names them.
  const { t: tf } = useTranslation(undefined, { keyPrefix: "serials.serialForms.scheduleTerms" })
  const { date } = useFormat()
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useSerialNumber(id)
  const update = useUpdateSerialNumber(id)
  const visits = useMaintenanceVisits({ serial_number_id: id, limit: 100, order: "scheduled_date" })
  const schedules = useMaintenanceSchedules({ serial_number_id: id, limit: 50 })
  const claims = useWarrantyClaims({ serial_number_id: id, limit: 50, order: "-filed_at" })
  const serial = data?.serial_number
  // The locations the serial is at and passed through, its product and its customer.
  const locations = useLocationNames([
    serial?.stock_location_id,
    ...(serial?.ledger ?? []).flatMap((e: any) => [e.from_location_id, e.to_location_id]),
  ])
  const products = useProductNames([serial?.product_id])
  const customers = useCustomerNames([serial?.customer_id])
  const [notes, setNotes] = useState("")
  const [writingOff, setWritingOff] = useState(false)
  const [scheduling, setScheduling] = useState(false)
  const [loggingVisit, setLoggingVisit] = useState(false)
  const [filingClaim, setFilingClaim] = useState(false)
  const [editingSchedule, setEditingSchedule] = useState<string | null>(null)
  useEffect(() => setNotes(serial?.notes ?? ""), [serial?.notes])

  if (isLoading) {
    return <Container>{tc("loading")}</Container>
  }
  if (isError || !serial) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? t("notFound")}</Text>
      </Container>
    )
  }

  const save = (body: Record<string, unknown>, saved: string) =>
    update.mutate(body, {
      onSuccess: () => toast.success(saved),
      onError: (e) => toast.error((e as Error).message),
    })

  return (
    <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
      <div className="flex flex-1 flex-col gap-3">
        <Container className="divide-y p-0">
          <DetailHeader
            back={{ to: "/serial-numbers", label: t("back") }}
            title={serial.serial_number}
            titleClassName="font-mono"
            status={<SerialStatusBadge status={serial.status} />}
            actions={
              <div className="flex items-center gap-x-2">
                {WRITE_OFF_STATUSES.includes(serial.status) && (
                  <Drawer open={writingOff} onOpenChange={setWritingOff}>
                    <Drawer.Trigger asChild>
                      <Button size="small" variant="secondary">
                        {t("writeOff")}
                      </Button>
                    </Drawer.Trigger>
                    <Drawer.Content>
                      <Drawer.Header>
                        <Drawer.Title>{t("writeOffTitle", { serial: serial.serial_number })}</Drawer.Title>
                      </Drawer.Header>
                      <Drawer.Body>
                        <WriteOffSerialForm serialNumber={serial.serial_number} inStock={serial.status === "active"} onDone={() => setWritingOff(false)} />
                      </Drawer.Body>
                    </Drawer.Content>
                  </Drawer>
                )}
                <Button size="small" variant="secondary" asChild>
                  <Link to={`/serial-labels?ids=${serial.id}`}>{t("printLabel")}</Link>
                </Button>
              </div>
            }
          />
          <DetailField label={t("field.product")}>
            {serial.product_id ? (
              <Link className="text-ui-fg-interactive" to={`/products/${serial.product_id}`}>
                {labelOf(products, serial.product_id)}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label={t("field.variant")}>{serial.variant_id}</DetailField>
          <DetailField label={t("field.location")}>{labelOf(locations, serial.stock_location_id)}</DetailField>
          <DetailField label={t("field.customer")}>
            {serial.customer_id ? (
              <Link className="text-ui-fg-interactive" to={`/customers/${serial.customer_id}`}>
                {labelOf(customers, serial.customer_id)}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label={t("field.order")}>
            {serial.order_id ? (
              <Link className="text-ui-fg-interactive" to={`/orders/${serial.order_id}`}>
                {serial.order_id}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label={t("field.supplier")}>
            {[serial.supplier_name, serial.supplier_reference].filter(Boolean).join(" · ") || "—"}
          </DetailField>
          <DetailField label={t("field.received")}>{date(serial.received_at)}</DetailField>
          <DetailField label={t("field.delivered")}>{date(serial.delivered_at)}</DetailField>
          <DetailField label={t("field.endOfLife")}>{date(serial.end_of_life_at)}</DetailField>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">{t("warrantyHeading")}</Heading>
          </div>
          <DetailField label={t("field.warranty")}>
            <WarrantyBadge state={warrantyState(serial.warranty_expires_at)} />
          </DetailField>
          <DetailField label={t("field.warrantyRuns")}>
            {serial.warranty_starts_at || serial.warranty_expires_at
              ? `${t("warrantyRange", { from: date(serial.warranty_starts_at), to: date(serial.warranty_expires_at) })}${serial.warranty_overridden ? ` ${t("setByHand")}` : ""}`
              : "—"}
          </DetailField>
          <DetailField label={t("field.contractUntil")}>{date(serial.contract_expires_at)}</DetailField>
          <DetailField label={t("field.coverageNow")}>
            {serial.maintenance_status
              ? t(`coverage.${serial.maintenance_status}`, { defaultValue: serial.maintenance_status })
              : t("coverageNone")}
          </DetailField>
        </Container>

        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">{t("maintenanceHeading")}</Heading>
            {serial.status !== "scrapped" && serial.status !== "expired" && (
              <div className="flex gap-2">
                <Drawer open={loggingVisit} onOpenChange={setLoggingVisit}>
                  <Drawer.Trigger asChild>
                    <Button size="small" variant="secondary">
                      {t("logVisit")}
                    </Button>
                  </Drawer.Trigger>
                  <Drawer.Content>
                    <Drawer.Header>
                      <Drawer.Title>{t("visitTitle", { serial: serial.serial_number })}</Drawer.Title>
                    </Drawer.Header>
                    <Drawer.Body className="overflow-y-auto">
                      <MaintenanceVisitForm serialNumberId={serial.id} onDone={() => setLoggingVisit(false)} />
                    </Drawer.Body>
                  </Drawer.Content>
                </Drawer>
                <Drawer open={scheduling} onOpenChange={setScheduling}>
                  <Drawer.Trigger asChild>
                    <Button size="small" variant="secondary">
                      {t("scheduleMaintenance")}
                    </Button>
                  </Drawer.Trigger>
                  <Drawer.Content>
                    <Drawer.Header>
                      <Drawer.Title>{t("scheduleTitle", { serial: serial.serial_number })}</Drawer.Title>
                    </Drawer.Header>
                    <Drawer.Body className="overflow-y-auto">
                      <MaintenanceScheduleForm serialNumberIds={[serial.id]} onDone={() => setScheduling(false)} />
                    </Drawer.Body>
                  </Drawer.Content>
                </Drawer>
              </div>
            )}
          </div>
          <div className="px-6 py-3">
            <Text size="small" weight="plus">
              {t("schedules")}
            </Text>
            {(schedules.data?.maintenance_schedules ?? []).length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle">
                {t("noSchedules")}
              </Text>
            ) : (
              <ul className="mt-1 flex flex-col gap-1">
                {schedules.data!.maintenance_schedules.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <Text size="small">
                      {tf(`type.${s.type}`, { defaultValue: s.type })} · {tf(`periodicity.${s.periodicity}`, { defaultValue: s.periodicity })} ·{" "}
                      {t("scheduleFrom", { date: date(s.start_date) })}
                      {s.end_date ? ` ${t("scheduleTo", { date: date(s.end_date) })}` : ""} · {tf(`status.${s.status}`, { defaultValue: s.status })}
                      {s.assignee ? ` · ${s.assignee}` : ""}
                    </Text>
                    <Drawer open={editingSchedule === s.id} onOpenChange={(open) => setEditingSchedule(open ? s.id : null)}>
                      <Drawer.Trigger asChild>
                        <Button size="small" variant="transparent">
                          {t("editSchedule")}
                        </Button>
                      </Drawer.Trigger>
                      <Drawer.Content>
                        <Drawer.Header>
                          <Drawer.Title>{t("editScheduleTitle", { serial: serial.serial_number })}</Drawer.Title>
                        </Drawer.Header>
                        <Drawer.Body className="overflow-y-auto">
                          <MaintenanceScheduleEditForm schedule={s} onDone={() => setEditingSchedule(null)} />
                        </Drawer.Body>
                      </Drawer.Content>
                    </Drawer>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ListTable
            columns={[
              { header: t("visitColumn.day"), cell: (v) => date(v.scheduled_date) },
              { header: t("visitColumn.kind"), cell: (v) => tc(`visitKind.${v.kind}`, { defaultValue: v.kind }) },
              { header: t("visitColumn.status"), cell: (v) => tc(`visitStatus.${v.status}`, { defaultValue: v.status.replace("_", " ") }) },
              { header: t("visitColumn.technician"), cell: (v) => v.technician ?? "—" },
              { header: t("visitColumn.notes"), className: "max-w-[220px] truncate", cell: (v) => v.notes ?? "—" },
            ]}
            rows={visits.data?.maintenance_visits ?? []}
            isLoading={visits.isLoading}
            emptyText={t("noVisits")}
          />
        </Container>

        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">{t("claimsHeading")}</Heading>
            <Drawer open={filingClaim} onOpenChange={setFilingClaim}>
              <Drawer.Trigger asChild>
                <Button size="small" variant="secondary">
                  {t("fileClaim")}
                </Button>
              </Drawer.Trigger>
              <Drawer.Content>
                <Drawer.Header>
                  <Drawer.Title>{t("claimTitle", { serial: serial.serial_number })}</Drawer.Title>
                </Drawer.Header>
                <Drawer.Body className="overflow-y-auto">
                  <WarrantyClaimForm serial={serial} />
                </Drawer.Body>
              </Drawer.Content>
            </Drawer>
          </div>
          {(claims.data?.warranty_claims ?? []).length === 0 ? (
            <div className="px-6 py-3">
              <Text size="small" className="text-ui-fg-subtle">
                {t("noClaims")}
              </Text>
            </div>
          ) : (
            claims.data!.warranty_claims.map((c) => (
              <div key={c.id} className="flex items-center justify-between px-6 py-3">
                <Link to={`/warranty-claims/${c.id}`} className="text-ui-fg-interactive">
                  <Text size="small">
                    #{c.display_id} · {c.description.slice(0, 80)}
                  </Text>
                </Link>
                <Text size="small" className="text-ui-fg-subtle">
                  {tc(`claimStatus.${c.status}`, { defaultValue: c.status.replace("_", " ") })} · {c.covered ? t("covered") : t("notCovered")} ·{" "}
                  {date(c.filed_at)}
                </Text>
              </div>
            ))
          )}
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">{t("notesHeading")}</Heading>
          </div>
          <div className="flex flex-col gap-2 px-6 py-4">
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t("notesPlaceholder")} />
            <div>
              <Button
                size="small"
                variant="secondary"
                disabled={notes === (serial.notes ?? "")}
                isLoading={update.isPending}
                onClick={() => save({ notes: notes || null }, t("notesSaved"))}
              >
                {t("saveNotes")}
              </Button>
            </div>
          </div>
          <div className="px-6 py-4">
            <MetadataEditor
              metadata={serial.metadata}
              saving={update.isPending}
              onSave={(metadata) => save({ metadata }, t("metadataSaved"))}
            />
          </div>
        </Container>
      </div>

      <Container className="w-full xl:max-w-[380px]">
        <Heading level="h2" className="mb-4">
          {t("history")}
        </Heading>
        <LedgerTimeline entries={serial.ledger ?? []} locationLabel={(l) => labelOf(locations, l)} />
      </Container>
    </div>
  )
}

export default SerialNumberDetailPage
