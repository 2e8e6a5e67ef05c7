import { adminHeaders } from "../helpers/admin"
import { registerCustomer } from "../helpers/customer"
import { createProductWithVariant } from "../helpers/catalog"
import { createStore, TestStore } from "../helpers/store"
import { serialDetail } from "../helpers/store"
import { MedusaError } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/suite"
import { recordEvents } from "../helpers/events"
import { decideSerialRegistrationWorkflow } from "../../src/workflows/decide-serial-registration"

jest.setTimeout(180_000)

// Registrations wait for an admin's approval: the plugin's default, so no option is set here.

/**
 * Registrations that wait for an admin: the customer's POST answers 202 with a pending
 * registration; `GET /admin/serial-registrations` lists them; `POST
 * /admin/serial-registrations/:id` approves (the serial becomes the customer's) or rejects.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let store: TestStore
  let alice: any
  let bob: any

  const register = (who: any, serial_number: string, purchased_at = "2026-01-31") =>
    api.post("/store/customers/me/serial-numbers", { serial_number, purchased_at }, { ...who.headers, validateStatus: () => true })
  const decide = (id: string, body: any, h: any = headers) => api.post(`/admin/serial-registrations/${id}`, body, { ...h, validateStatus: () => true })

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these serials and no registration. Alice and Bob
  // stay the same customers for the whole file; their registrations count against a
  // one-minute window per customer (10 by default) kept in the app's memory, not reset
  // between tests: each writes at most 7 times in the whole file.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    store = await createStore(container)
    const { variant } = await createProductWithVariant(container, { title: "Boiler", sku: "BOIL-1" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true, warranty: { value: 1, unit: "month" } }, headers)
    await api.post("/admin/serial-numbers", { variant_id: variant.id, serial_numbers: ["BO-1", "BO-2"] }, headers)
    alice = await registerCustomer(api, store.publishableKey, "alice@serials.test")
    bob = await registerCustomer(api, store.publishableKey, "bob@serials.test")
  })

  it("keeps a registration pending until an admin approves it; approval gives the serial and its warranty from the purchase date", async () => {
    const res = await register(bob, "bo-1")
    expect(res.status).toBe(202)
    expect(res.data.registration).toMatchObject({ serial_number: "BO-1", status: "pending", purchased_at: "2026-01-31T00:00:00.000Z", decided_at: null })
    const id = res.data.registration.id
    // Registering again answers the same pending registration; the serial is nobody's yet.
    expect((await register(bob, "BO-1")).data.registration.id).toBe(id)
    expect((await serialDetail(api, headers, "BO-1")).customer_id).toBeNull()
    const mine = await api.get("/store/customers/me/serial-numbers", bob.headers)
    expect(mine.data).toMatchObject({ serial_numbers: [], count: 0, registrations: [{ id, status: "pending", serial_number: "BO-1" }] })

    const list = await api.get("/admin/serial-registrations?status=pending", headers)
    expect(list.data.count).toBe(1)
    expect(list.data.serial_registrations[0]).toMatchObject({ id, customer_id: bob.customer.id, serial_number: "BO-1", status: "pending" })

    const approved = await decide(id, { action: "approve" })
    expect(approved.status).toBe(200)
    expect(approved.data.serial_registration).toMatchObject({ id, status: "approved" })
    const detail = await serialDetail(api, headers, "BO-1")
    expect(detail).toMatchObject({
      customer_id: bob.customer.id,
      warranty_starts_at: "2026-01-31T00:00:00.000Z",
      // A month from Jan 31 is the end of February.
      warranty_expires_at: "2026-02-28T00:00:00.000Z",
    })
    expect(detail.ledger.filter((e: any) => e.type === "register")).toEqual([
      expect.objectContaining({ reference_type: "serial_registration", reference_id: id, actor_type: "user" }),
    ])
    const after = await api.get("/store/customers/me/serial-numbers", bob.headers)
    expect(after.data.serial_numbers.map((s: any) => s.serial_number)).toEqual(["BO-1"])
    expect(after.data.registrations).toEqual([])

    // Decided once: not again.
    const again = await decide(id, { action: "reject" })
    expect(again.status).toBe(400)
    expect(again.data.message).toBe(`Serial registration ${id} is approved and cannot be rejected`)
  })

  it("rejects a second customer's registration of a serial given away by approval, and refuses deciding it again; rejecting leaves the serial alone", async () => {
    const bobs = (await register(bob, "BO-1")).data.registration.id
    const alices = (await register(alice, "BO-1")).data.registration.id
    const alicesOther = (await register(alice, "BO-2")).data.registration.id
    expect((await decide(bobs, { action: "approve" })).status).toBe(200)
    const late = await decide(alices, { action: "approve" })
    expect(late.status).toBe(400)
    expect(late.data.message).toBe(`Serial registration ${alices} is rejected and cannot be approved`)
    expect((await serialDetail(api, headers, "BO-1")).customer_id).toBe(bob.customer.id)

    const rejected = await decide(alicesOther, { action: "reject", note: "No proof of purchase" })
    expect(rejected.data.serial_registration).toMatchObject({ status: "rejected", note: "No proof of purchase" })
    expect((await serialDetail(api, headers, "BO-2")).customer_id).toBeNull()
    const mine = await api.get("/store/customers/me/serial-numbers", alice.headers)
    expect(mine.data.registrations.map((r: any) => [r.serial_number, r.status]).sort()).toEqual([
      ["BO-1", "rejected"],
      ["BO-2", "rejected"],
    ])
    // Once Bob owns BO-1, Alice registering it gets the answer of an unknown serial.
    const owned = await register(alice, "BO-1")
    const unknown = await register(alice, "BO-9")
    expect([owned.status, unknown.status]).toEqual([404, 404])
    expect(owned.data.message).toBe('Serial number "BO-1" was not found')
    expect(Object.keys(owned.data).sort()).toEqual(Object.keys(unknown.data).sort())
  })

  it("announces a pending registration, the decision and the serial given; a rejection gives no serial", async () => {
    const names = ["serial_registration.created", "serial_registration.decided", "serial_number.registered"]
    const stop = recordEvents(getContainer(), names)
    const pending = (await register(bob, "BO-1")).data.registration
    // Registering again answers the same registration and announces nothing new.
    await register(bob, "BO-1")
    const rejected = (await register(alice, "BO-2")).data.registration
    await decide(pending.id, { action: "approve" })
    await decide(rejected.id, { action: "reject" })
    const serial = await serialDetail(api, headers, "BO-1")
    expect(stop()).toEqual([
      { name: "serial_registration.created", data: { id: pending.id, serial_number_id: serial.id, customer_id: bob.customer.id } },
      { name: "serial_registration.created", data: expect.objectContaining({ id: rejected.id, customer_id: alice.customer.id }) },
      { name: "serial_registration.decided", data: { id: pending.id, status: "approved" } },
      { name: "serial_number.registered", data: { ids: [serial.id], customer_id: bob.customer.id, registration_id: pending.id } },
      { name: "serial_registration.decided", data: { id: rejected.id, status: "rejected" } },
    ])
  })

  it("undoes an approval that a store's own rule refuses: the registration is pending again, the serial nobody's, its history unchanged", async () => {
    // The store's rule on the workflow's hook (registered once the app has loaded it).
    decideSerialRegistrationWorkflow.hooks.registrationDecided(async ({ registration }) => {
      if (registration.note === "refused by the store's rule") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store's rule refuses this approval")
      }
    })
    const id = (await register(bob, "BO-1")).data.registration.id
    const before = await serialDetail(api, headers, "BO-1")
    const refused = await decide(id, { action: "approve", note: "refused by the store's rule" })
    expect(refused.status).toBe(400)
    expect(refused.data.message).toBe("The store's rule refuses this approval")
    const after = await serialDetail(api, headers, "BO-1")
    expect(after).toMatchObject({ customer_id: null, warranty_starts_at: before.warranty_starts_at, warranty_expires_at: before.warranty_expires_at })
    expect(after.ledger).toEqual(before.ledger)
    const list = await api.get("/admin/serial-registrations?status=pending", headers)
    expect(list.data.serial_registrations).toEqual([expect.objectContaining({ id, status: "pending", note: null, decided_at: null })])
    // The same registration can be approved once the rule lets it.
    const approved = await decide(id, { action: "approve" })
    expect(approved.data.serial_registration).toMatchObject({ id, status: "approved" })
    expect((await serialDetail(api, headers, "BO-1")).customer_id).toBe(bob.customer.id)
  })

  it("validates the admin routes: 401 without login, 404 unknown id, 400 unknown action or status filter", async () => {
    const id = (await register(bob, "BO-1")).data.registration.id
    const anonymous = await api.get("/admin/serial-registrations", { validateStatus: () => true })
    expect(anonymous.status).toBe(401)
    expect((await decide(id, { action: "approve" }, {})).status).toBe(401)
    // A customer's token is no admin login.
    expect((await decide(id, { action: "approve" }, bob.headers)).status).toBe(401)
    const unknown = await decide("snreg_nope", { action: "approve" })
    expect(unknown.status).toBe(404)
    expect(unknown.data.message).toBe('Serial registration with id "snreg_nope" was not found')
    const bad = await decide(id, { action: "maybe" })
    expect(bad.status).toBe(400)
    expect(bad.data.message).toMatch(/action.*maybe/)
    const badFilter = await api.get("/admin/serial-registrations?status=done", { ...headers, validateStatus: () => true })
    expect(badFilter.status).toBe(400)
    expect((await serialDetail(api, headers, "BO-1")).customer_id).toBeNull()
  })
})
