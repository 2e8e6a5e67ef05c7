import { Button, Container, Heading, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ClaimStatusBadge, CLAIM_STATUS_LABELS } from "../../../components/claim-status-badge"
import { CLAIM_NEXT, useUpdateWarrantyClaim, useWarrantyClaim, type ClaimStatus } from "../../../hooks/api/warranty-claims"
import { labelOf, useCustomerOptions } from "../../../hooks/api/store-records"
import { formatDate, formatDateTime } from "../../../lib/format"

const ACTION_LABELS: Record<ClaimStatus, string> = {
  open: "Reopen",
  in_progress: "Start work",
  resolved: "Resolve",
  rejected: "Reject",
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" as="div">
      {children}
    </Text>
  </div>
)

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

  const next = CLAIM_NEXT[claim.status] ?? []
  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/warranty-claims" className="hover:underline">
                Warranty claims
              </Link>
            </Text>
            <Heading level="h1">Claim #{claim.display_id}</Heading>
          </div>
          <ClaimStatusBadge status={claim.status} />
        </div>
        <Row label="Serial number">
          <Link className="text-ui-fg-interactive font-mono" to={`/serial-numbers/${claim.serial_number_id}`}>
            {claim.serial_number}
          </Link>
        </Row>
        <Row label="Customer">{labelOf(customers, claim.customer_id)}</Row>
        <Row label="Filed">{formatDateTime(claim.filed_at)}</Row>
        <Row label="Coverage when filed">
          {claim.covered ? "Covered" : "Not covered"}
          {claim.warranty_expires_at ? ` · warranty until ${formatDate(claim.warranty_expires_at)}` : ""}
          {claim.contract_expires_at ? ` · contract until ${formatDate(claim.contract_expires_at)}` : ""}
        </Row>
        <Row label="Problem">
          <span className="whitespace-pre-wrap">{claim.description}</span>
        </Row>
        {claim.closed_at && <Row label="Closed">{formatDateTime(claim.closed_at)}</Row>}
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
