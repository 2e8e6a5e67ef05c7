import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Button, Container, Input, Label, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useDecideSerialRegistration, useSerialRegistrations } from "../../hooks/api/serial-registrations"
import { labelOf, useCustomerOptions } from "../../hooks/api/store-records"
import { formatDate } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import type { AdminSerialRegistration, SerialRegistrationStatus } from "../../../shared/http/admin"
import { SerialLink } from "../../components/serial-link"

const STATUS_LABELS: Record<SerialRegistrationStatus, string> = { pending: "Pending", approved: "Approved", rejected: "Rejected" }
const STATUS_COLORS = { pending: "orange", approved: "green", rejected: "red" } as const
/** The queue opens on what waits for a decision; "any" shows every registration. */
const DEFAULT_STATUS = "pending"

type Deciding = { registration: AdminSerialRegistration; action: "approve" | "reject" }

/**
 * Customers' registrations of serials bought elsewhere (plugin option
 * `registration_requires_approval`): the pending ones first, each approved (the serial
 * becomes the customer's, with a warranty from the purchase date) or rejected, with an
 * optional note the customer sees.
 */
const SerialRegistrationsPage = () => {
  const { get, set } = useUrlState()
  const page = useUrlPage()
  const customers = useCustomerOptions().data
  const status = get("status") ?? DEFAULT_STATUS
  const { data, isLoading } = useSerialRegistrations({
    limit: page.limit,
    offset: page.offset,
    ...(status === "any" ? {} : { status }),
  })
  const decide = useDecideSerialRegistration()
  const [deciding, setDeciding] = useState<Deciding | null>(null)
  const [note, setNote] = useState("")

  const open = (registration: AdminSerialRegistration, action: Deciding["action"]) => {
    setDeciding({ registration, action })
    setNote("")
  }
  const confirm = () => {
    if (!deciding) return
    const { registration, action } = deciding
    decide.mutate(
      { id: registration.id, action, note: note.trim() || null },
      {
        onSuccess: () => {
          toast.success(`Registration of ${registration.serial_number} ${action === "approve" ? "approved" : "rejected"}`)
          setDeciding(null)
        },
        onError: (e) => toast.error((e as Error).message),
      }
    )
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Registrations"
        subtitle="Serials customers registered as bought elsewhere. Approving gives the serial to the customer, with its warranty from the purchase date, and rejects the other customers' registrations of it."
      />
      <div className="flex gap-2 px-6 py-3">
        <Select size="small" value={status} onValueChange={(v) => set({ status: v === DEFAULT_STATUS ? undefined : v })}>
          <Select.Trigger className="w-[170px]" aria-label="Status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
            <Select.Item value="any">Any status</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {deciding && (
        <div className="flex flex-col gap-3 px-6 py-4" role="group" aria-label="Decision">
          <Text weight="plus">
            {deciding.action === "approve" ? "Approve" : "Reject"} the registration of{" "}
            <span className="font-mono">{deciding.registration.serial_number}</span> by{" "}
            {labelOf(customers, deciding.registration.customer_id)}
          </Text>
          <div className="flex max-w-[480px] flex-col gap-1">
            <Label htmlFor="registration-note">Note for the customer (optional)</Label>
            <Input id="registration-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="flex gap-2">
            <Button size="small" variant={deciding.action === "approve" ? "primary" : "danger"} isLoading={decide.isPending} onClick={confirm}>
              {deciding.action === "approve" ? "Confirm approval" : "Confirm rejection"}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setDeciding(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <ListTable
        columns={[
          { header: "Registered", cell: (r) => formatDate(r.created_at) },
          {
            header: "Serial number",
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.serial_number_id} text={r.serial_number} />
            ),
          },
          { header: "Customer", cell: (r) => labelOf(customers, r.customer_id) },
          { header: "Purchased", cell: (r) => formatDate(r.purchased_at) },
          {
            header: "Proof of purchase",
            ownClicks: true,
            className: "max-w-[200px] truncate",
            cell: (r) =>
              r.proof_of_purchase?.url ? (
                <a className="text-ui-fg-interactive" href={r.proof_of_purchase.url} target="_blank" rel="noreferrer">
                  {r.proof_of_purchase.filename}
                </a>
              ) : (
                <span className="text-ui-fg-muted">{r.proof_of_purchase ? r.proof_of_purchase.filename : "None sent"}</span>
              ),
          },
          { header: "Status", cell: (r) => <StatusBadge color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status]}</StatusBadge> },
          { header: "Note", className: "max-w-[260px] truncate", cell: (r) => r.note ?? <span className="text-ui-fg-muted">-</span> },
          {
            ownClicks: true,
            cell: (r) =>
              r.status === "pending" ? (
                <div className="flex justify-end gap-2">
                  <Button size="small" variant="secondary" onClick={() => open(r, "approve")}>
                    Approve
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => open(r, "reject")}>
                    Reject
                  </Button>
                </div>
              ) : null,
          },
        ]}
        rows={data?.serial_registrations ?? []}
        isLoading={isLoading}
        emptyText={status === "pending" ? "No registrations wait for a decision." : "No registrations match."}
        page={{ ...page, count: data?.count ?? 0 }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Registrations", icon: CheckCircle })

export default SerialRegistrationsPage
