import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Button, Container, Input, Label, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Trans, useTranslation } from "react-i18next"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useDecideSerialRegistration, useSerialRegistrations } from "../../hooks/api/serial-registrations"
import { labelOf, useCustomerNames } from "../../hooks/api/store-records"
import { useFormat } from "../../lib/format"
import { useUrlPage, useUrlState } from "../../lib/url-state"
import type { AdminSerialRegistration, SerialRegistrationStatus } from "../../../shared/http/admin"
import { SerialLink } from "../../components/serial-link"

const STATUSES: SerialRegistrationStatus[] = ["pending", "approved", "rejected"]
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
  const { t } = useTranslation(undefined, { keyPrefix: "serials.registrations" })
  const { date } = useFormat()
  const { get, set } = useUrlState()
  const page = useUrlPage()
  const status = get("status") ?? DEFAULT_STATUS
  const { data, isLoading } = useSerialRegistrations({
    limit: page.limit,
    offset: page.offset,
    ...(status === "any" ? {} : { status }),
  })
  const customers = useCustomerNames((data?.serial_registrations ?? []).map((r) => r.customer_id))
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
          const serial = registration.serial_number
          toast.success(action === "approve" ? t("toast.approved", { serial }) : t("toast.rejected", { serial }))
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
        title={t("title")}
        subtitle={t("subtitle")}
      />
      <div className="flex gap-2 px-6 py-3">
        <Select size="small" value={status} onValueChange={(v) => set({ status: v === DEFAULT_STATUS ? undefined : v })}>
          <Select.Trigger className="w-[170px]" aria-label={t("columns.status")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {STATUSES.map((value) => (
              <Select.Item key={value} value={value}>
                {t(`status.${value}`)}
              </Select.Item>
            ))}
            <Select.Item value="any">{t("anyStatus")}</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {deciding && (
        <div className="flex flex-col gap-3 px-6 py-4" role="group" aria-label={t("decision")}>
          <Text weight="plus">
            <Trans
              t={t}
              i18nKey={deciding.action === "approve" ? "confirmHeading.approve" : "confirmHeading.reject"}
              values={{ serial: deciding.registration.serial_number, customer: labelOf(customers, deciding.registration.customer_id) }}
              components={{ serial: <span className="font-mono" /> }}
            />
          </Text>
          <div className="flex max-w-[480px] flex-col gap-1">
            <Label htmlFor="registration-note">{t("noteLabel")}</Label>
            <Input id="registration-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="flex gap-2">
            <Button size="small" variant={deciding.action === "approve" ? "primary" : "danger"} isLoading={decide.isPending} onClick={confirm}>
              {deciding.action === "approve" ? t("confirmApproval") : t("confirmRejection")}
            </Button>
            <Button size="small" variant="secondary" onClick={() => setDeciding(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <ListTable
        columns={[
          { header: t("columns.registered"), cell: (r) => date(r.created_at) },
          {
            header: t("columns.serialNumber"),
            ownClicks: true,
            cell: (r) => (
              <SerialLink id={r.serial_number_id} text={r.serial_number} />
            ),
          },
          { header: t("columns.customer"), cell: (r) => labelOf(customers, r.customer_id) },
          { header: t("columns.purchased"), cell: (r) => date(r.purchased_at) },
          {
            header: t("columns.proofOfPurchase"),
            ownClicks: true,
            className: "max-w-[200px] truncate",
            cell: (r) =>
              r.proof_of_purchase?.url ? (
                <a className="text-ui-fg-interactive" href={r.proof_of_purchase.url} target="_blank" rel="noreferrer">
                  {r.proof_of_purchase.filename}
                </a>
              ) : (
                <span className="text-ui-fg-muted">{r.proof_of_purchase ? r.proof_of_purchase.filename : t("noneSent")}</span>
              ),
          },
          { header: t("columns.status"), cell: (r) => <StatusBadge color={STATUS_COLORS[r.status]}>{t(`status.${r.status}`)}</StatusBadge> },
          { header: t("columns.note"), className: "max-w-[260px] truncate", cell: (r) => r.note ?? <span className="text-ui-fg-muted">-</span> },
          {
            ownClicks: true,
            cell: (r) =>
              r.status === "pending" ? (
                <div className="flex justify-end gap-2">
                  <Button size="small" variant="secondary" onClick={() => open(r, "approve")}>
                    {t("approve")}
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => open(r, "reject")}>
                    {t("reject")}
                  </Button>
                </div>
              ) : null,
          },
        ]}
        rows={data?.serial_registrations ?? []}
        isLoading={isLoading}
        emptyText={status === "pending" ? t("noPending") : t("noMatch")}
        page={{ ...page, count: data?.count ?? 0 }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.registrations.menu", translationNs: "translation", icon: CheckCircle })

export default SerialRegistrationsPage
