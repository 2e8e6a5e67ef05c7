import { Button, Container, Heading, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useParams } from "react-router-dom"
import { ClaimStatusBadge } from "../../../components/claim-status-badge"
import { CLAIM_STATUS_LABELS, CLAIM_TRANSITIONS, type ClaimStatus } from "../../../../shared/statuses"
import { DetailField } from "../../../components/detail-field"
import { DetailHeader } from "../../../components/detail-header"
import { useUpdateWarrantyClaim, useWarrantyClaim } from "../../../hooks/api/warranty-claims"
import { labelOf, useCustomerOptions } from "../../../hooks/api/store-records"
import { formatDate, formatDateTime } from "../../../lib/format"
import { SerialLink } from "../../../components/serial-link"

const ACTION_LABELS: Record<ClaimStatus, string> = {
  open: "Reopen",
  in_progress: "Start work",
  resolved: "Resolve",
  rejected: "Reject",
}

const WarrantyClaimDetailPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useWarrantyClaim(id)
  const update = useUpdateWarrantyClaim(id)
  const customers = useCustomerOptions().data
  const claim = data?.warranty_claim
  const [resolution, setResolution] = useState("")
  useEffect(() => setResolution(claim?.resolution ?? ""), [claim?.resolution])

  if (isLoading) return <Container>Loading…</Container>
  if (isError || !claim) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{(error as Error)?.message ?? "Claim not found."}</Text>
      </Container>
    )
  }

  const move = (status: ClaimStatus) =>
    update.mutate(
      { status, resolution: resolution.trim() || null },
      {
        onSuccess: () => toast.success(`Claim ${CLAIM_STATUS_LABELS[status].toLowerCase()}`),
        onError: (e) => toast.error((e as Error).message),
      }
    )

  const next = CLAIM_TRANSITIONS[claim.status] ?? []
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
        {claim.closed_at && <DetailField label="Closed">{formatDateTime(claim.closed_at)}</DetailField>}
      </Container>
      <Container className="flex flex-col gap-3">
        <Heading level="h2">Resolution</Heading>
        <div>
          <Label size="small" htmlFor="resolution">What was done</Label>
          <Textarea
            id="resolution"
            rows={3}
            value={resolution}
            disabled={next.length === 0}
            onChange={(e) => setResolution(e.target.value)}
          />
        </div>
        <div className="flex gap-2">
          {next.map((status) => (
            <Button
              key={status}
              size="small"
              variant={status === "rejected" ? "danger" : "primary"}
              isLoading={update.isPending && update.variables?.status === status}
              onClick={() => move(status)}
            >
              {ACTION_LABELS[status]}
            </Button>
          ))}
          {next.length > 0 && (
            <Button
              size="small"
              variant="secondary"
              disabled={resolution === (claim.resolution ?? "")}
              onClick={() =>
                update.mutate(
                  { resolution: resolution.trim() || null },
                  { onSuccess: () => toast.success("Saved"), onError: (e) => toast.error((e as Error).message) }
                )
              }
            >
              Save note
            </Button>
          )}
          {next.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle">
              This claim is closed.
            </Text>
          )}
        </div>
      </Container>
    </div>
  )
}

export default WarrantyClaimDetailPage
