import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminWarrantyClaim, ClaimStatus } from "../../../shared/http/admin"

/** The moves the server allows from each status (the same table as the module's). */
export const CLAIM_NEXT: Record<ClaimStatus, ClaimStatus[]> = {
  open: ["in_progress", "rejected"],
  in_progress: ["resolved", "rejected"],
  resolved: [],
  rejected: [],
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
