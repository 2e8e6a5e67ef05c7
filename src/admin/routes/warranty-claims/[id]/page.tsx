import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { ClaimStatusBadge } from "../../../components/claim-status-badge"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { useWarrantyClaim } from "../../../hooks/api/warranty-claims"
import { labelOf, useCustomerNames } from "../../../hooks/api/store-records"
import { useFormat } from "../../../lib/format"
import { SerialLink } from "../../../components/serial-link"
import { WarrantyClaimDecisionForm } from "../../../components/warranty-claim-decision-form"
import { ClaimAttachments } from "../../../components/claim-attachments"
import type { AdminWarrantyClaim } from "../../../../shared/http/admin"

/** What was decided, and the order, return or exchange the decision opened in Medusa. */
const DecisionFields = ({ claim }: { claim: AdminWarrantyClaim }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.claims" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { dateTime, money } = useFormat()
  return (
    <>
      <DetailField label={t("decision")}>
        {claim.decision ? `${tc(`claimDecision.${claim.decision}`)} · ${dateTime(claim.decided_at)}` : "—"}
      </DetailField>
      {claim.decision === "repair" && <DetailField label={t("repairCost")}>{money(claim.repair_cost, claim.currency_code)}</DetailField>}
      {claim.order_id && (
        <DetailField label={t("detail.order")}>
          <Link className="text-ui-fg-interactive" to={`/orders/${claim.order_id}`}>
            {t("detail.openOrder")}
          </Link>
          {claim.exchange_id
            ? ` · ${t("detail.exchange", { id: claim.exchange_id })}`
            : claim.return_id
              ? ` · ${t("detail.return", { id: claim.return_id })}`
              : ""}
        </DetailField>
      )}
      {claim.resolution && (
        <DetailField label={t("whatWasDone")}>
          <span className="whitespace-pre-wrap">{claim.resolution}</span>
        </DetailField>
      )}
      {claim.closed_at && <DetailField label={t("detail.closed")}>{dateTime(claim.closed_at)}</DetailField>}
    </>
  )
}

const WarrantyClaimDetailPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.claims" })
  const { t: tc } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const { date, dateTime } = useFormat()
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useWarrantyClaim(id)
  const claim = data?.warranty_claim
  const customers = useCustomerNames([claim?.customer_id])

  if (isLoading) return <Container>{tc("loading")}</Container>
  if (isError || !claim) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? t("detail.notFound")}</Text>
      </Container>
    )
  }

  const closed = claim.status === "resolved" || claim.status === "rejected"
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <DetailHeader
          back={{ to: "/warranty-claims", label: t("title") }}
          title={t("detail.title", { number: claim.display_id })}
          status={<ClaimStatusBadge status={claim.status} />}
        />
        <DetailField label={t("columns.serialNumber")}>
          <SerialLink id={claim.serial_number_id} text={claim.serial_number} />
        </DetailField>
        <DetailField label={t("columns.customer")}>{labelOf(customers, claim.customer_id)}</DetailField>
        <DetailField label={t("columns.filed")}>{dateTime(claim.filed_at)}</DetailField>
        <DetailField label={t("detail.coverageWhenFiled")}>
          {claim.covered ? t("covered") : t("notCovered")}
          {claim.warranty_expires_at ? ` · ${t("detail.warrantyUntil", { date: date(claim.warranty_expires_at) })}` : ""}
          {claim.contract_expires_at ? ` · ${t("detail.contractUntil", { date: date(claim.contract_expires_at) })}` : ""}
        </DetailField>
        <DetailField label={t("columns.problem")}>
          <span className="whitespace-pre-wrap">{claim.description}</span>
        </DetailField>
        {(claim.decision || closed) && <DecisionFields claim={claim} />}
      </Container>
      <Container className="flex flex-col gap-3">
        <Heading level="h2">{t("detail.attachments")}</Heading>
        <ClaimAttachments claimId={claim.id} attachments={claim.attachments ?? []} />
      </Container>
      {!closed && (
        <Container className="flex flex-col gap-3">
          <Heading level="h2">{t("detail.decide")}</Heading>
          <WarrantyClaimDecisionForm key={claim.status} claim={claim} />
        </Container>
      )}
      {closed && (
        <Container>
          <Text size="small" className="text-ui-fg-subtle">
            {t("detail.closedNote")}
          </Text>
        </Container>
      )}
    </div>
  )
}

export default WarrantyClaimDetailPage
