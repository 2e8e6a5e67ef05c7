import { Button, Label, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useFileWarrantyClaim } from "../hooks/api/warranty-claims"
import { formatDate } from "../lib/format"

/** What a claim filed now is covered by, as the server computes it for the serial (its `maintenance_status`). */
const COVERAGE: Record<string, { label: string; covered: boolean }> = {
  under_warranty: { label: "Covered by its warranty", covered: true },
  under_amc: { label: "Covered by its service contract", covered: true },
  out_of_amc: { label: "Not covered: the service contract has lapsed", covered: false },
  out_of_warranty: { label: "Not covered: the warranty has ended", covered: false },
}

/**
 * Files a warranty claim for one serial from its page: the coverage the claim will get is
 * shown first (the server's reading of the serial's warranty and contract now; the claim
 * keeps what it was when filed), then the problem, then the claim's own page.
 */
export const WarrantyClaimForm = ({
  serial,
}: {
  serial: { id: string; maintenance_status?: string | null; warranty_expires_at?: string | null; contract_expires_at?: string | null }
}) => {
  const [description, setDescription] = useState("")
  const file = useFileWarrantyClaim()
  const navigate = useNavigate()
  const coverage = serial.maintenance_status ? COVERAGE[serial.maintenance_status] : null
  const until = serial.maintenance_status === "under_amc" ? serial.contract_expires_at : serial.warranty_expires_at
  return (
    <div className="flex flex-col gap-y-4" data-testid="warranty-claim-form">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          Coverage
        </Text>
        <div className="flex items-center gap-2">
          <StatusBadge color={coverage?.covered ? "green" : "red"}>{coverage?.covered ? "Covered" : "Not covered"}</StatusBadge>
          <Text size="small" className="text-ui-fg-subtle">
            {coverage ? coverage.label : "Not covered: no warranty or service contract"}
            {coverage?.covered && until ? ` until ${formatDate(until)}` : ""}
          </Text>
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="claim-description">
          Problem
        </Label>
        <Textarea id="claim-description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What the customer reports" />
      </div>
      <Button
        size="small"
        disabled={!description.trim()}
        isLoading={file.isPending}
        onClick={() =>
          file.mutate(
            { serial_number_id: serial.id, description: description.trim() },
            {
              onSuccess: ({ warranty_claim }) => {
                toast.success(`Claim #${warranty_claim.display_id} filed`)
                navigate(`/warranty-claims/${warranty_claim.id}`)
              },
              onError: (e) => toast.error((e as Error).message),
            }
          )
        }
      >
        File claim
      </Button>
    </div>
  )
}
