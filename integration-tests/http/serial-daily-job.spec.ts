import { createCustomersWorkflow, createStockLocationsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runSerialDailyJob } from "../../src/jobs/serial-daily"
import { adminHeaders } from "../helpers/admin"
import { createProductWithVariant } from "../helpers/catalog"
import { eventually } from "../helpers/http"
import { httpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)

/**
 * The daily job against a real store: Medusa's notification module with its local
 * provider on the "email" channel (root medusa-config.ts) and the plugin's
 * `staff_email` option set there.
 */
httpSuite(__filename, ({ api, getContainer }) => {
  let headers: any
  let serials: Record<string, string>
  let customer: any
  let events: Array<{ name: string; data: any }> = []

  // Once per file: the runner snapshots the database after this and restores it before
  // every test, so each test starts from these rows, and the token stays valid. The dates
  // are relative to now, a few seconds before the tests: far from every boundary they test.
  beforeAll(async () => {
    const container = getContainer()
    headers = await adminHeaders(api, container)
    const { result: locations } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Depot" }] },
    })
    const { variant } = await createProductWithVariant(container, { title: "Compressor", sku: "CMP-1" })
    await api.post(`/admin/serial-settings/${variant.id}`, { is_serialized: true }, headers)
    await api.post(
      "/admin/serial-receipts",
      {
        stock_location_id: locations[0].id,
        supplier: { name: "Atlas" },
        items: [{ variant_id: variant.id, quantity: 5, serial_numbers: ["CMP-A", "CMP-B", "CMP-C", "CMP-D", "CMP-E"] }],
      },
      headers
    )
    const list = await api.get("/admin/serial-numbers?limit=10", headers)
    serials = Object.fromEntries(list.data.serial_numbers.map((s: any) => [s.serial_number, s.id]))
    ;({
      result: [customer],
    } = await createCustomersWorkflow(container).run({
      input: { customersData: [{ email: "owner@serials.test", first_name: "Olga" }] },
    }))

    // Delivered to the customer, as a fulfilment does it: CMP-A's warranty ends in 10
    // days (within the 30-day window), CMP-B's in 60.
    const service: any = container.resolve("serial")
    for (const [serial, days] of [
      ["CMP-A", 10],
      ["CMP-B", 60],
    ] as const) {
      await service.moveSerials({
        ids: [serials[serial]],
        movement: "deliver",
        set: {
          customer_id: customer.id,
          delivered_at: new Date(),
          warranty_starts_at: new Date(),
          warranty_expires_at: new Date(Date.now() + days * DAY_MS),
        },
      })
    }
    // CMP-C reached its end of life yesterday; so did CMP-D, which was written off.
    const yesterday = new Date(Date.now() - DAY_MS).toISOString()
    await api.post(`/admin/serial-numbers/${serials["CMP-C"]}`, { end_of_life_at: yesterday }, headers)
    await api.post(`/admin/serial-numbers/${serials["CMP-D"]}`, { end_of_life_at: yesterday }, headers)
    await service.moveSerials({ ids: [serials["CMP-D"]], movement: "scrap" })
    // CMP-E's end of life is tomorrow.
    await api.post(`/admin/serial-numbers/${serials["CMP-E"]}`, { end_of_life_at: new Date(Date.now() + DAY_MS).toISOString() }, headers)

    // The app (and its event bus) lives for the whole file; subscribe once.
    const eventBus: any = container.resolve(Modules.EVENT_BUS)
    for (const name of [
      "maintenance_visit.due",
      "maintenance_visit.overdue",
      "serial_number.warranty_expiring",
      "serial_number.status_changed",
    ]) {
      eventBus.subscribe(name, async (event: any) => {
        events.push({ name: event.name ?? name, data: event.data })
      }, { subscriberId: `test-${name}` })
    }
  })

  // Per test: the events each test saw.
  beforeEach(() => {
    events = []
  })

  const notifications = async () => {
    const module: any = getContainer().resolve(Modules.NOTIFICATION)
    return await module.listNotifications({}, { order: { created_at: "ASC" } })
  }
  const statusOf = async (serial: string) =>
    (await api.get(`/admin/serial-numbers/${serials[serial]}`, headers)).data.serial_number

  it("expires serials past their end of life, announces due, overdue and expiring once, however often it runs", async () => {
    // Weekly from 9 days ago: visits 2 days ago (overdue), in 5 days (due), in 12 days (not yet).
    const schedule = (
      await api.post(
        "/admin/maintenance-schedules",
        {
          serial_number_ids: [serials["CMP-A"]],
          type: "preventive",
          periodicity: "weekly",
          start_date: dayFromToday(-9),
          visit_count: 3,
          assignee: "Tom",
        },
        headers
      )
    ).data.maintenance_schedule
    expect(schedule.customer_id).toBe(customer.id)
    const [overdue, due] = schedule.visits

    const first = await runSerialDailyJob(getContainer())
    expect(first).toEqual({ expired: 1, visit_due: 1, visit_overdue: 1, warranty_expiring: 1, notifications: 3 })

    const expired = await statusOf("CMP-C")
    expect(expired.status).toBe("expired")
    expect(expired.ledger[expired.ledger.length - 1]).toMatchObject({
      type: "expire",
      from_status: "active",
      to_status: "expired",
      reference_type: "end_of_life",
      actor_type: "system",
    })
    expect((await statusOf("CMP-D")).status).toBe("scrapped")
    expect((await statusOf("CMP-E")).status).toBe("active")

    const sent = await notifications()
    expect(
      sent.map((n: any) => [n.template, n.to, n.channel, n.status, n.resource_id]).sort()
    ).toEqual(
      [
        ["serial-visit-due", "owner@serials.test", "email", "success", due.id],
        ["serial-visit-overdue", "service@serials.test", "email", "success", overdue.id],
        ["serial-warranty-expiring", "owner@serials.test", "email", "success", serials["CMP-A"]],
      ].sort()
    )
    const dueNote = sent.find((n: any) => n.template === "serial-visit-due")
    expect(dueNote.data).toMatchObject({
      visit_id: due.id,
      serial_number: "CMP-A",
      scheduled_date: dayFromToday(5),
      technician: "Tom",
      customer: expect.objectContaining({ email: "owner@serials.test", first_name: "Olga" }),
    })

    await eventually(async () => events.length >= 4)
    expect(events.find((e) => e.name === "maintenance_visit.due")?.data).toEqual({ ids: [due.id], due_within_days: 7 })
    expect(events.find((e) => e.name === "maintenance_visit.overdue")?.data).toEqual({ ids: [overdue.id] })
    expect(events.find((e) => e.name === "serial_number.warranty_expiring")?.data).toEqual({
      ids: [serials["CMP-A"]],
      within_days: 30,
    })
    expect(events.find((e) => e.name === "serial_number.status_changed")?.data).toEqual({
      ids: [serials["CMP-C"]],
      movement: "expire",
      to_status: "expired",
    })

    // Run again: nothing is sent twice, nothing moves twice.
    const second = await runSerialDailyJob(getContainer())
    expect(second).toEqual({ expired: 0, visit_due: 0, visit_overdue: 0, warranty_expiring: 0, notifications: 0 })
    expect(await notifications()).toHaveLength(3)
    const ledgerAfter = (await statusOf("CMP-C")).ledger
    expect(ledgerAfter.filter((e: any) => e.type === "expire")).toHaveLength(1)

    // A visit rescheduled to another day is a new reminder; its announcement arrives after
    // anything the second run could have emitted, so the events seen so far are complete.
    await api.post(`/admin/maintenance-visits/${due.id}`, { scheduled_date: dayFromToday(6) }, headers)
    const third = await runSerialDailyJob(getContainer())
    expect(third).toMatchObject({ visit_due: 1, visit_overdue: 0, warranty_expiring: 0, notifications: 1 })
    await eventually(async () => events.filter((e) => e.name === "maintenance_visit.due").length >= 2)
    expect(events.map((e) => e.name).sort()).toEqual(
      [
        "maintenance_visit.due",
        "maintenance_visit.due",
        "maintenance_visit.overdue",
        "serial_number.status_changed",
        "serial_number.warranty_expiring",
      ].sort()
    )
    expect(await notifications()).toHaveLength(4)
  })

  it("announces nothing for visits that are done or cancelled, and works in small batches", async () => {
    const schedule = (
      await api.post(
        "/admin/maintenance-schedules",
        {
          serial_number_ids: [serials["CMP-A"], serials["CMP-B"]],
          type: "preventive",
          periodicity: "custom",
          interval: { value: 1, unit: "day" },
          start_date: dayFromToday(-3),
          visit_count: 6,
        },
        headers
      )
    ).data.maintenance_schedule
    // Visits on days -2, -1, 0 (overdue: -2, -1; due: 0, 1, 2, 3) for each of the two serials.
    const dayMinus2 = schedule.visits.filter((v: any) => v.scheduled_date === dayFromToday(-2))
    await api.post(`/admin/maintenance-visits/${dayMinus2[0].id}`, { status: "completed" }, headers)
    await api.post(`/admin/maintenance-visits/${dayMinus2[1].id}`, { status: "cancelled" }, headers)

    const result = await runSerialDailyJob(getContainer(), { batchSize: 3 })
    expect(result).toMatchObject({ visit_overdue: 2, visit_due: 8, warranty_expiring: 1 })
    // due: customer; overdue: staff; warranty: customer
    expect(result.notifications).toBe(8 + 2 + 1)
    expect(await runSerialDailyJob(getContainer(), { batchSize: 3 })).toMatchObject({
      expired: 0,
      visit_due: 0,
      visit_overdue: 0,
      warranty_expiring: 0,
      notifications: 0,
    })
    expect(await notifications()).toHaveLength(11)
  })

  it("a sender that dies midway: the next pass sends exactly the reminders it had not sent, once", async () => {
    // Weekly from 9 days ago: an overdue visit and a due one, and CMP-A's warranty expiring.
    const schedule = (
      await api.post(
        "/admin/maintenance-schedules",
        { serial_number_ids: [serials["CMP-A"]], type: "preventive", periodicity: "weekly", start_date: dayFromToday(-9), visit_count: 3 },
        headers
      )
    ).data.maintenance_schedule
    const [overdue, due] = schedule.visits
    const container = getContainer()
    const service: any = container.resolve("serial")
    const taken = await service.takeReminders(new Date(), 100)
    expect(taken.log_ids).toHaveLength(3)

    // The dying sender leased all three and sent one (the due visit) before it stopped.
    const claimed = await service.claimReminderNotifications(100)
    expect(claimed.rows.map((r: any) => r.kind).sort()).toEqual(["visit_due", "visit_overdue", "warranty_expiring"])
    const dueRow = claimed.rows.find((r: any) => r.kind === "visit_due")
    const module: any = container.resolve(Modules.NOTIFICATION)
    await module.createNotifications([
      {
        to: "owner@serials.test",
        channel: "email",
        template: "serial-visit-due",
        data: {},
        idempotency_key: `serial:visit_due:${due.id}:${dayFromToday(5)}`,
      },
    ])
    await service.finishReminderNotifications([dueRow.id], "sent")

    // While its lease holds, no other pass touches the other two.
    expect(await runSerialDailyJob(container)).toMatchObject({ notifications: 0 })
    expect(await notifications()).toHaveLength(1)

    // The lease runs out: the next pass sends the two it had not sent, and nothing twice.
    const knex: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.raw(`UPDATE serial_notification SET claimed_until = now() - interval '1 minute' WHERE status = 'pending'`)
    expect(await runSerialDailyJob(container)).toMatchObject({ visit_due: 0, visit_overdue: 0, warranty_expiring: 0, notifications: 2 })
    const sent = await notifications()
    expect(sent.map((n: any) => [n.template, n.resource_id ?? null]).sort()).toEqual(
      [
        ["serial-visit-due", null],
        ["serial-visit-overdue", overdue.id],
        ["serial-warranty-expiring", serials["CMP-A"]],
      ].sort()
    )
    const { rows } = await knex.raw(`SELECT kind, status, attempts FROM serial_notification ORDER BY kind`)
    expect(rows).toEqual([
      { kind: "visit_due", status: "sent", attempts: 1 },
      { kind: "visit_overdue", status: "sent", attempts: 2 },
      { kind: "warranty_expiring", status: "sent", attempts: 2 },
    ])
    expect(await runSerialDailyJob(container)).toMatchObject({ notifications: 0 })
    expect(await notifications()).toHaveLength(3)
  })
})
