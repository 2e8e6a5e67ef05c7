import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type SerialModuleService from "../../../../../modules/serial/service"
import { storefrontSerialNotFound } from "../../../../../modules/serial/lib/storefront-errors"
import { fileWarrantyClaimWorkflow } from "../../../../../workflows/file-warranty-claim"
import { presentClaim } from "../../../present"
import { idempotencyKeyOf, type StoreCustomerListParamsType, type StoreFileWarrantyClaimType } from "../../../validators"
import type { StoreWarrantyClaimResponse, StoreWarrantyClaimsResponse } from "../../../../../shared/http/store"

/**
 * The logged-in customer's warranty claims with their status, newest first, a page at a
 * time (`limit`, `after` = the previous page's `next_cursor`), and how many they have in all.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreCustomerListParamsType>,
  res: MedusaResponse<StoreWarrantyClaimsResponse>
) => {
  const service = req.scope.resolve<SerialModuleService>("serial")
  const { limit, after } = req.validatedQuery as StoreCustomerListParamsType
  const page = await service.storefrontListCustomerClaims(req.auth_context.actor_id, { limit, after })
  const claims = page.rows.map(presentClaim)
  res.json({ warranty_claims: claims, count: page.count, next_cursor: page.next_cursor })
}

/**
 * Files a claim for one of the customer's own serials; the server computes coverage (the
 * admin's claim filing). Someone else's serial is the same 404 as an unknown one. A
 * customer has one open claim per serial (422 for a second). With an `Idempotency-Key`
 * header, the same key again answers the claim it filed (200) instead of filing another.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreFileWarrantyClaimType>, res: MedusaResponse<StoreWarrantyClaimResponse>) => {
  const customerId = req.auth_context.actor_id
  const idempotencyKey = idempotencyKeyOf(req)
  const service = req.scope.resolve<SerialModuleService>("serial")
  const serial = await service.storefrontFindCustomerSerial(customerId, req.validatedBody.serial_number)
  if (!serial) {
    throw storefrontSerialNotFound(req.validatedBody.serial_number)
  }
  const { result } = await fileWarrantyClaimWorkflow(req.scope).run({
    input: {
      serial_number_id: serial.id,
      description: req.validatedBody.description,
      customer_id: customerId,
      actor_type: "customer",
      actor_id: customerId,
      idempotency_key: idempotencyKey,
    },
  })
  const claim = await service.storefrontRetrieveCustomerClaim(customerId, result.id)
  res.status(result.replayed ? 200 : 201).json({ warranty_claim: presentClaim(claim) })
}
