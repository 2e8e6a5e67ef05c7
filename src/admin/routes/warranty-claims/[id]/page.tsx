import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { ClaimStatusBadge } from "../../../components/claim-status-badge"
import { CLAIM_DECISION_LABELS } from "../../../../shared/statuses"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { useWarrantyClaim } from "../../../hooks/api/warranty-claims"
import { labelOf, useCustomerOptions } from "../../../hooks/api/store-records"
import { formatDate, formatDateTime, formatMoney } from "../../../lib/format"
import { SerialLink } from "../../../components/serial-link"
import { WarrantyClaimDecisionForm } from "../../../components/warranty-claim-decision-form"
import { ClaimAttachments } from "../../../components/claim-attachments"
import type { AdminWarrantyClaim } from "../../../../shared/http/admin"

/** What was decided, and the order, return or exchange the decision opened in Medusa. */
const DecisionFields = ({ claim }: { claim: AdminWarrantyClaim }) => (
  <>
    <DetailField label="Decision">
      {claim.decision ? `${CLAIM_DECISION_LABELS[claim.decision]} · ${formatDateTime(claim.decided_at)}` : "—"}
    </DetailField>
    {claim.decision === "repair" && (
      <DetailField label="Repair cost">{formatMoney(claim.repair_cost, claim.currency_code)}</DetailField>
    )}
    {claim.order_id && (
      <DetailField label="Order">
        <Link className="text-ui-fg-interactive" to={`/orders/${claim.order_id}`}>
          Open the order
        </Link>
        {claim.exchange_id ? ` · exchange ${claim.exchange_id}` : claim.return_id ? ` · return ${claim.return_id}` : ""}
      </DetailField>
    )}
    {claim.resolution && (
      <DetailField label="What was done">
        <span className="whitespace-pre-wrap">{claim.resolution}</span>
      </DetailField>
    )}
    {claim.closed_at && <DetailField label="Closed">{formatDateTime(claim.closed_at)}</DetailField>}
  </>
)

const WarrantyClaimDetailPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useWarrantyClaim(id)
  const customers = useCustomerOptions().data
  const claim = data?.warranty_claim

  if (isLoading) return <Container>Loading…</Container>
  if (isError || !claim) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? "Claim not found."}</Text>
      </Container>
    )
  }

  const closed = claim.status === "resolved" || claim.status === "rejected"
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <DetailHeader
          back={{ to: "/warranty-claims", label: "Warranty claims" }}
          title={`Claim #${claim.display_id}`}
          status={<ClaimStatusBadge status={claim.status} />}
        />
        <DetailField label="Serial number">
          <SerialLink id={claim.serial_number_id} text={claim.serial_number} />
        </DetailField>
        <DetailField label="Customer">{labelOf(customers, claim.customer_id)}</DetailField>
        <DetailField label="Filed">{formatDateTime(claim.filed_at)}</DetailField>
        <DetailField label="Coverage when filed">
          {claim.covered ? "Covered" : "Not covered"}
          {claim.warranty_expires_at ? ` · warranty until ${formatDate(claim.warranty_expires_at)}` : ""}
          {claim.contract_expires_at ? ` · contract until ${formatDate(claim.contract_expires_at)}` : ""}
        </DetailField>
        <DetailField label="Problem">
          <span className="whitespace-pre-wrap">{claim.description}</span>
        </DetailField>
        {(claim.decision || closed) && <DecisionFields claim={claim} />}
      </Container>
      <Container className="flex flex-col gap-3">
        <Heading level="h2">Photos and documents</Heading>
        <ClaimAttachments claimId={claim.id} attachments={claim.attachments ?? []} />
      </Container>
      {!closed && (
        <Container className="flex flex-col gap-3">
          <Heading level="h2">Decide</Heading>
          <WarrantyClaimDecisionForm key={claim.status} claim={claim} />
        </Container>
      )}
      {closed && (
        <Container>
          <Text size="small" className="text-ui-fg-subtle">
            This claim is closed.
          </Text>
        </Container>
      )}
    </div>
  )
}

export default WarrantyClaimDetailPage
