import { Button, Container, Drawer, Heading, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
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
import { labelOf, useCustomerOptions, useProductOptions, useStockLocationOptions } from "../../../hooks/api/store-records"
import { useWarrantyClaims } from "../../../hooks/api/warranty-claims"
import { formatDate } from "../../../lib/format"
import { WRITE_OFF_STATUSES } from "../../../../shared/statuses"
import { warrantyState } from "../../../../shared/warranty-state"

const MAINTENANCE_LABELS: Record<string, string> = {
  under_warranty: "Under warranty",
  under_amc: "Under service contract",
  out_of_amc: "Service contract lapsed",
  out_of_warranty: "Out of warranty",
}

const SerialNumberDetailPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useSerialNumber(id)
  const update = useUpdateSerialNumber(id)
  const locations = useStockLocationOptions().data
  const products = useProductOptions().data
  const customers = useCustomerOptions().data
  const visits = useMaintenanceVisits({ serial_number_id: id, limit: 100, order: "scheduled_date" })
  const schedules = useMaintenanceSchedules({ serial_number_id: id, limit: 50 })
  const claims = useWarrantyClaims({ serial_number_id: id, limit: 50, order: "-filed_at" })
  const serial = data?.serial_number
  const [notes, setNotes] = useState("")
  const [writingOff, setWritingOff] = useState(false)
  const [scheduling, setScheduling] = useState(false)
  const [loggingVisit, setLoggingVisit] = useState(false)
  const [filingClaim, setFilingClaim] = useState(false)
  const [editingSchedule, setEditingSchedule] = useState<string | null>(null)
  useEffect(() => setNotes(serial?.notes ?? ""), [serial?.notes])

  if (isLoading) {
    return <Container>Loading…</Container>
  }
  if (isError || !serial) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? "Serial number not found."}</Text>
      </Container>
    )
  }

  const save = (body: Record<string, unknown>, what: string) =>
    update.mutate(body, {
      onSuccess: () => toast.success(`${what} saved`),
      onError: (e) => toast.error((e as Error).message),
    })

  return (
    <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
      <div className="flex flex-1 flex-col gap-3">
        <Container className="divide-y p-0">
          <DetailHeader
            back={{ to: "/serial-numbers", label: "Serial numbers" }}
            title={serial.serial_number}
            titleClassName="font-mono"
            status={<SerialStatusBadge status={serial.status} />}
            actions={
              <div className="flex items-center gap-x-2">
                {WRITE_OFF_STATUSES.includes(serial.status) && (
                  <Drawer open={writingOff} onOpenChange={setWritingOff}>
                    <Drawer.Trigger asChild>
                      <Button size="small" variant="secondary">
                        Write off
                      </Button>
                    </Drawer.Trigger>
                    <Drawer.Content>
                      <Drawer.Header>
                        <Drawer.Title>Write off {serial.serial_number}</Drawer.Title>
                      </Drawer.Header>
                      <Drawer.Body>
                        <WriteOffSerialForm serialNumber={serial.serial_number} inStock={serial.status === "active"} onDone={() => setWritingOff(false)} />
                      </Drawer.Body>
                    </Drawer.Content>
                  </Drawer>
                )}
                <Button size="small" variant="secondary" asChild>
                  <Link to={`/serial-labels?ids=${serial.id}`}>Print label</Link>
                </Button>
              </div>
            }
          />
          <DetailField label="Product">
            {serial.product_id ? (
              <Link className="text-ui-fg-interactive" to={`/products/${serial.product_id}`}>
                {labelOf(products, serial.product_id)}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label="Variant">{serial.variant_id}</DetailField>
          <DetailField label="Location">{labelOf(locations, serial.stock_location_id)}</DetailField>
          <DetailField label="Customer">
            {serial.customer_id ? (
              <Link className="text-ui-fg-interactive" to={`/customers/${serial.customer_id}`}>
                {labelOf(customers, serial.customer_id)}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label="Order">
            {serial.order_id ? (
              <Link className="text-ui-fg-interactive" to={`/orders/${serial.order_id}`}>
                {serial.order_id}
              </Link>
            ) : (
              "—"
            )}
          </DetailField>
          <DetailField label="Supplier">
            {[serial.supplier_name, serial.supplier_reference].filter(Boolean).join(" · ") || "—"}
          </DetailField>
          <DetailField label="Received">{formatDate(serial.received_at)}</DetailField>
          <DetailField label="Delivered">{formatDate(serial.delivered_at)}</DetailField>
          <DetailField label="End of life">{formatDate(serial.end_of_life_at)}</DetailField>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Warranty and contract</Heading>
          </div>
          <DetailField label="Warranty">
            <WarrantyBadge state={warrantyState(serial.warranty_expires_at)} />
          </DetailField>
          <DetailField label="Warranty runs">
            {serial.warranty_starts_at || serial.warranty_expires_at
              ? `${formatDate(serial.warranty_starts_at)} – ${formatDate(serial.warranty_expires_at)}${serial.warranty_overridden ? " (set by hand)" : ""}`
              : "—"}
          </DetailField>
          <DetailField label="Service contract until">{formatDate(serial.contract_expires_at)}</DetailField>
          <DetailField label="Coverage now">
            {serial.maintenance_status ? MAINTENANCE_LABELS[serial.maintenance_status] ?? serial.maintenance_status : "None"}
          </DetailField>
        </Container>

        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Maintenance</Heading>
            {serial.status !== "scrapped" && serial.status !== "expired" && (
              <div className="flex gap-2">
                <Drawer open={loggingVisit} onOpenChange={setLoggingVisit}>
                  <Drawer.Trigger asChild>
                    <Button size="small" variant="secondary">
                      Log a visit
                    </Button>
                  </Drawer.Trigger>
                  <Drawer.Content>
                    <Drawer.Header>
                      <Drawer.Title>Visit of {serial.serial_number}</Drawer.Title>
                    </Drawer.Header>
                    <Drawer.Body className="overflow-y-auto">
                      <MaintenanceVisitForm serialNumberId={serial.id} onDone={() => setLoggingVisit(false)} />
                    </Drawer.Body>
                  </Drawer.Content>
                </Drawer>
                <Drawer open={scheduling} onOpenChange={setScheduling}>
                  <Drawer.Trigger asChild>
                    <Button size="small" variant="secondary">
                      Schedule maintenance
                    </Button>
                  </Drawer.Trigger>
                  <Drawer.Content>
                    <Drawer.Header>
                      <Drawer.Title>Maintenance schedule for {serial.serial_number}</Drawer.Title>
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
              Schedules
            </Text>
            {(schedules.data?.maintenance_schedules ?? []).length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle">
                No maintenance schedule covers this serial.
              </Text>
            ) : (
              <ul className="mt-1 flex flex-col gap-1">
                {schedules.data!.maintenance_schedules.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <Text size="small">
                      {s.type} · {s.periodicity} · from {formatDate(s.start_date)}
                      {s.end_date ? ` to ${formatDate(s.end_date)}` : ""} · {s.status}
                      {s.assignee ? ` · ${s.assignee}` : ""}
                    </Text>
                    <Drawer open={editingSchedule === s.id} onOpenChange={(open) => setEditingSchedule(open ? s.id : null)}>
                      <Drawer.Trigger asChild>
                        <Button size="small" variant="transparent">
                          Edit
                        </Button>
                      </Drawer.Trigger>
                      <Drawer.Content>
                        <Drawer.Header>
                          <Drawer.Title>Maintenance schedule of {serial.serial_number}</Drawer.Title>
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
              { header: "Visit day", cell: (v) => formatDate(v.scheduled_date) },
              { header: "Kind", className: "capitalize", cell: (v) => v.kind },
              { header: "Status", className: "capitalize", cell: (v) => v.status.replace("_", " ") },
              { header: "Technician", cell: (v) => v.technician ?? "—" },
              { header: "Notes", className: "max-w-[220px] truncate", cell: (v) => v.notes ?? "—" },
            ]}
            rows={visits.data?.maintenance_visits ?? []}
            isLoading={visits.isLoading}
            emptyText="No visits."
          />
        </Container>

        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Warranty claims</Heading>
            <Drawer open={filingClaim} onOpenChange={setFilingClaim}>
              <Drawer.Trigger asChild>
                <Button size="small" variant="secondary">
                  File a claim
                </Button>
              </Drawer.Trigger>
              <Drawer.Content>
                <Drawer.Header>
                  <Drawer.Title>Warranty claim for {serial.serial_number}</Drawer.Title>
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
                No claims.
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
                  {c.status.replace("_", " ")} · {c.covered ? "covered" : "not covered"} · {formatDate(c.filed_at)}
                </Text>
              </div>
            ))
          )}
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Notes and metadata</Heading>
          </div>
          <div className="flex flex-col gap-2 px-6 py-4">
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Notes about this unit" />
            <div>
              <Button
                size="small"
                variant="secondary"
                disabled={notes === (serial.notes ?? "")}
                isLoading={update.isPending}
                onClick={() => save({ notes: notes || null }, "Notes")}
              >
                Save notes
              </Button>
            </div>
          </div>
          <div className="px-6 py-4">
            <MetadataEditor
              metadata={serial.metadata}
              saving={update.isPending}
              onSave={(metadata) => save({ metadata }, "Metadata")}
            />
          </div>
        </Container>
      </div>

      <Container className="w-full xl:max-w-[380px]">
        <Heading level="h2" className="mb-4">
          History
        </Heading>
        <LedgerTimeline entries={serial.ledger ?? []} locationLabel={(l) => labelOf(locations, l)} />
      </Container>
    </div>
  )
}

export default SerialNumberDetailPage
