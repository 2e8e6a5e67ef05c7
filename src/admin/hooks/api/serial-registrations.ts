import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSerialRegistrationListResponse, AdminSerialRegistrationResponse } from "../../../shared/http/admin"
import { serialNumberKeys } from "./serial-numbers"

export const serialRegistrationKeys = {
  all: ["serial-admin", "serial-registrations"] as const,
  list: (query: Record<string, unknown>) => [...serialRegistrationKeys.all, "list", query] as const,
}

/** Registrations newest first, a page at a time by offset (a queue of decisions stays small). */
export function useSerialRegistrations(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: serialRegistrationKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminSerialRegistrationListResponse>("/admin/serial-registrations", { query }),
    placeholderData: (previous) => previous,
  })
}

/** Approves (the serial becomes the customer's) or rejects a pending registration. */
export function useDecideSerialRegistration() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; action: "approve" | "reject"; note?: string | null }) =>
      sdk.client.fetch<AdminSerialRegistrationResponse>(`/admin/serial-registrations/${id}`, { method: "POST", body }),
    onSuccess: () => {
      // Approving changes the serial's owner and warranty, and rejects the serial's other registrations.
      client.invalidateQueries({ queryKey: serialRegistrationKeys.all })
      client.invalidateQueries({ queryKey: serialNumberKeys.all })
    },
  })
}
