import { Button, Container, Heading, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { LedgerTimeline } from "../../../components/ledger-timeline"
import { MetadataEditor } from "../../../components/metadata-editor"
import { SerialStatusBadge, WarrantyBadge } from "../../../components/serial-status-badge"
import { useMaintenanceSchedules, useMaintenanceVisits } from "../../../hooks/api/maintenance"
import { useSerialNumber, useUpdateSerialNumber } from "../../../hooks/api/serial-numbers"
import { labelOf, useCustomerOptions, useProductOptions, useStockLocationOptions } from "../../../hooks/api/store-records"
import { useWarrantyClaims } from "../../../hooks/api/warranty-claims"
import { formatDate, warrantyState } from "../../../lib/format"

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" as="div">
      {children}
    </Text>
  </div>
)

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
          <div className="flex items-center justify-between px-6 py-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">
                <Link to="/serial-numbers" className="hover:underline">
                  Serial numbers
                </Link>
              </Text>
              <Heading level="h1" className="font-mono">
                {serial.serial_number}
              </Heading>
            </div>
            <div className="flex items-center gap-2">
              <SerialStatusBadge status={serial.status} />
              <Button size="small" variant="secondary" asChild>
                <Link to={`/serial-labels?ids=${serial.id}`}>Print label</Link>
              </Button>
            </div>
          </div>
          <Field label="Product">
            {serial.product_id ? (
              <Link className="text-ui-fg-interactive" to={`/products/${serial.product_id}`}>
                {labelOf(products, serial.product_id)}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field label="Variant">{serial.variant_id}</Field>
          <Field label="Location">{labelOf(locations, serial.stock_location_id)}</Field>
          <Field label="Customer">
            {serial.customer_id ? (
              <Link className="text-ui-fg-interactive" to={`/customers/${serial.customer_id}`}>
                {labelOf(customers, serial.customer_id)}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field label="Order">
            {serial.order_id ? (
              <Link className="text-ui-fg-interactive" to={`/orders/${serial.order_id}`}>
                {serial.order_id}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field label="Supplier">
            {[serial.supplier_name, serial.supplier_reference].filter(Boolean).join(" · ") || "—"}
          </Field>
          <Field label="Received">{formatDate(serial.received_at)}</Field>
          <Field label="Delivered">{formatDate(serial.delivered_at)}</Field>
          <Field label="End of life">{formatDate(serial.end_of_life_at)}</Field>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Warranty and contract</Heading>
          </div>
          <Field label="Warranty">
            <WarrantyBadge state={warrantyState(serial.warranty_expires_at)} />
          </Field>
          <Field label="Warranty runs">
            {serial.warranty_starts_at || serial.warranty_expires_at
              ? `${formatDate(serial.warranty_starts_at)} – ${formatDate(serial.warranty_expires_at)}${serial.warranty_overridden ? " (set by hand)" : ""}`
              : "—"}
          </Field>
          <Field label="Service contract until">{formatDate(serial.contract_expires_at)}</Field>
          <Field label="Coverage now">
            {serial.maintenance_status ? MAINTENANCE_LABELS[serial.maintenance_status] ?? serial.maintenance_status : "None"}
          </Field>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Maintenance</Heading>
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
                  <li key={s.id}>
                    <Text size="small">
                      {s.type} · {s.periodicity} · from {formatDate(s.start_date)}
                      {s.end_date ? ` to ${formatDate(s.end_date)}` : ""} · {s.status}
                      {s.assignee ? ` · ${s.assignee}` : ""}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Visit day</Table.HeaderCell>
                <Table.HeaderCell>Kind</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Technician</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(visits.data?.maintenance_visits ?? []).map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>{formatDate(v.scheduled_date)}</Table.Cell>
                  <Table.Cell className="capitalize">{v.kind}</Table.Cell>
                  <Table.Cell className="capitalize">{v.status.replace("_", " ")}</Table.Cell>
                  <Table.Cell>{v.technician ?? "—"}</Table.Cell>
                </Table.Row>
              ))}
              {(visits.data?.maintenance_visits ?? []).length === 0 && (
                <Table.Row>
                  <td colSpan={4} className="px-6">
                    <Text size="small" className="text-ui-fg-subtle">
                      No visits.
                    </Text>
                  </td>
                </Table.Row>
              )}
            </Table.Body>
          </Table>
        </Container>

        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Warranty claims</Heading>
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
