import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type AdminWarrantyClaim = {
  id: string
  display_id: number | string
  serial_number_id: string
  serial_number: string
  customer_id: string | null
  description: string
  status: string
  covered: boolean | null
  created_at: string
  [key: string]: unknown
}

export const warrantyClaimKeys = {
  all: ["warranty-claims"] as const,
  list: (query: Record<string, unknown>) => ["warranty-claims", "list", query] as const,
}

export function useWarrantyClaims(
  query: Record<string, string | number | string[] | undefined>,
  options: { enabled?: boolean } = {}
) {
  return useQuery({
    queryKey: warrantyClaimKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ warranty_claims: AdminWarrantyClaim[]; count: number }>("/admin/warranty-claims", { query }),
    ...options,
  })
}
