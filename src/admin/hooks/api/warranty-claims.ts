import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminWarrantyClaim, ClaimStatus } from "../../../shared/http/admin"
import type { ClaimDecision } from "../../../shared/statuses"

/** Body of `POST /admin/warranty-claims/:id/decision`. */
export type ClaimDecisionBody = {
  decision: ClaimDecision
  resolution?: string | null
  repair_cost?: number
  currency_code?: string
  location_id?: string
}

export const warrantyClaimKeys = {
  all: ["warranty-claims"] as const,
  list: (query: Record<string, unknown>) => ["warranty-claims", "list", query] as const,
  detail: (id: string) => ["warranty-claims", "detail", id] as const,
}

export function useWarrantyClaims(
  query: Record<string, string | number | string[] | undefined>,
  options: { enabled?: boolean } = {}
) {
  return useQuery({
    queryKey: warrantyClaimKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ warranty_claims: AdminWarrantyClaim[]; count: number }>("/admin/warranty-claims", { query }),
    placeholderData: (previous) => previous,
    ...options,
  })
}

export function useWarrantyClaim(id: string) {
  return useQuery({
    queryKey: warrantyClaimKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ warranty_claim: AdminWarrantyClaim }>(`/admin/warranty-claims/${id}`),
  })
}

export function useUpdateWarrantyClaim(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { status?: ClaimStatus; resolution?: string | null }) =>
      sdk.client.fetch<{ warranty_claim: AdminWarrantyClaim }>(`/admin/warranty-claims/${id}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: warrantyClaimKeys.all }),
  })
}

/** Files a claim for a serial; the server decides its coverage from the serial's warranty and contract. */
export function useFileWarrantyClaim() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { serial_number_id: string; description: string }) =>
      sdk.client.fetch<{ warranty_claim: AdminWarrantyClaim }>("/admin/warranty-claims", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: warrantyClaimKeys.all }),
  })
}

/** Decides a claim; a replace or return opens the Medusa exchange or return on the serial's order. */
export function useDecideWarrantyClaim(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ClaimDecisionBody) =>
      sdk.client.fetch<{ warranty_claim: AdminWarrantyClaim }>(`/admin/warranty-claims/${id}/decision`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: warrantyClaimKeys.all }),
  })
}

/** Adds photos or documents to a claim (multipart, field `files`); the server checks each file's content. */
export function useAttachWarrantyClaimFiles(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData()
      files.forEach((f) => form.append("files", f, f.name))
      return sdk.client.fetch<{ warranty_claim: AdminWarrantyClaim }>(`/admin/warranty-claims/${id}/attachments`, {
        method: "POST",
        // The browser sets the multipart type with its boundary.
        headers: { "content-type": null as unknown as string },
        body: form,
      })
    },
    onSuccess: () => client.invalidateQueries({ queryKey: warrantyClaimKeys.all }),
  })
}
