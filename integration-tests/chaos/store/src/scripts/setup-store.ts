// `medusa exec` script of the chaos tests: the same small store the HTTP tests build
// (integration-tests/helpers/store.ts), a variant without stock (receipts bring it), and an
// admin who logs in with email and password. Writes what the test needs as JSON to the
// file named in CHAOS_SETUP_OUT.
import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { createStockedVariant, createStore } from "../../../../helpers/store"

export default async function setupStore({ container }: ExecArgs) {
  const out = process.env.CHAOS_SETUP_OUT
  if (!out) {
    throw new Error("CHAOS_SETUP_OUT names the file this script writes its result to")
  }
  const email = process.env.CHAOS_ADMIN_EMAIL || "admin@chaos.test"
  const password = process.env.CHAOS_ADMIN_PASSWORD || "supersecret"

  const store = await createStore(container)
  const variants: Record<string, string> = {}
  for (const sku of (process.env.CHAOS_VARIANT_SKUS || "CHAOS-1").split(",")) {
    const { variant } = await createStockedVariant(container, store, { title: `Product ${sku}`, sku })
    variants[sku] = variant.id
  }

  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (!success || !authIdentity) {
    throw new Error(`Could not register the admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email } },
  })

  fs.writeFileSync(
    out,
    JSON.stringify({
      admin: { email, password },
      publishable_key: store.publishableKey,
      location_a: store.locationA.id,
      location_b: store.locationB.id,
      region_id: store.region.id,
      sales_channel_id: store.salesChannel.id,
      shipping_option_id: store.shippingOption.id,
      variants,
    })
  )
}
