import { createUserAccountWorkflow } from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"

export const ADMIN_EMAIL = "admin@serials.test"
const PASSWORD = "supersecret"

/**
 * Registers an admin through Medusa's own auth routes and returns request headers that
 * carry its token, as the dashboard does after logging in.
 */
export async function adminHeaders(api: any, container: MedusaContainer) {
  const register = await api.post("/auth/user/emailpass/register", { email: ADMIN_EMAIL, password: PASSWORD })
  const authIdentityId = decodeToken(register.data.token).auth_identity_id
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId, userData: { email: ADMIN_EMAIL } },
  })
  const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD })
  return { headers: { authorization: `Bearer ${login.data.token}` } }
}

function decodeToken(token: string) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
}
