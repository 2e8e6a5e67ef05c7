import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminPage, browserSuite, screenshot, type RunningStore } from "../helpers/browser"
import { adminApi, checkout, registerShopper, type Api } from "../helpers/browser-api"

jest.setTimeout(2 * 60 * 1000)

type Serial = { id: string; serial_number: string; status: string; order_id: string | null; line_item_id: string | null; stock_location_id: string | null }

/**
 * The order widget's actions in chromium, against the seeded demo store (the Cordless Drill:
 * serialized, 5 serials in stock at Demo Warehouse, auto policy): swap a serial before
 * shipment, release a reserved one, and say which serial came back with a return.
 */
browserSuite(__filename, "order widget flows in chromium", (session) => {
  let running: RunningStore
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let admin: Api
  let shop: Api
  let drill: { id: string }
  let location: { id: string; name: string }

  const serialsOf = async (filter: string): Promise<Serial[]> =>
    (await admin.get(`/admin/serial-numbers?${filter}&order=serial_number&limit=50`)).serial_numbers
  const serial = async (text: string): Promise<Serial> =>
    (await serialsOf(`q=${encodeURIComponent(text)}`)).find((s) => s.serial_number === text)!

  /** An order of `quantity` drills, all fulfilled from Demo Warehouse (the auto policy picks the serials). */
  async function fulfilledOrder(quantity: number) {
    const order = await checkout(shop, [{ variant_id: drill.id, quantity }])
    await admin.post(`/admin/orders/${order.id}/fulfillments`, {
      location_id: location.id,
      items: [{ id: order.items[0].id, quantity }],
    })
    const delivered = await serialsOf(`order_id=${order.id}&status=delivered`)
    expect(delivered).toHaveLength(quantity)
    return { order, delivered }
  }

  beforeAll(async () => {
    ;({ running, browser } = session())
    admin = await adminApi(running)
    const { products } = await admin.get("/admin/products?handle=cordless-drill&fields=id,variants.id")
    drill = products[0].variants[0]
    const { stock_locations } = await admin.get("/admin/stock-locations?fields=id,name")
    location = stock_locations.find((l: any) => l.name === "Demo Warehouse")
    ;({ api: shop } = await registerShopper(running, "grace@example.com"))
    ;({ context, page } = await adminPage(browser, running))
  })

  afterAll(async () => {
    await context?.close()
  }, 60 * 1000)

  it("swaps a fulfilled, not yet shipped serial for one in stock; the old one goes back on the shelf", async () => {
    const { order, delivered } = await fulfilledOrder(1)
    const old = delivered[0]
    const inStock = await serialsOf(`variant_id=${drill.id}&status=active&stock_location_id=${location.id}`)
    const replacement = inStock[inStock.length - 1].serial_number

    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    const oldRow = widget.getByTestId("order-serial-row").filter({ hasText: old.serial_number })
    await oldRow.getByText("Delivered").waitFor()
    await oldRow.getByRole("button", { name: "Swap", exact: true }).click()
    await oldRow.getByRole("textbox", { name: `Replacement for ${old.serial_number}` }).fill(replacement)
    await oldRow.getByRole("button", { name: "Swap", exact: true }).click()

    const newRow = widget.getByTestId("order-serial-row").filter({ hasText: replacement })
    await newRow.getByText("Delivered").waitFor()
    await newRow.getByText("Under warranty").waitFor()
    await oldRow.waitFor({ state: "detached" })
    expect(await widget.getByTestId("order-serial-row").count()).toBe(1)
    await screenshot(page, "widget-order-swap", { locator: widget })

    expect(await serial(old.serial_number)).toMatchObject({
      status: "active",
      order_id: null,
      line_item_id: null,
      stock_location_id: location.id,
    })
    expect(await serial(replacement)).toMatchObject({ status: "delivered", order_id: order.id, line_item_id: order.items[0].id })
  })

  it("releases a serial reserved for an order from its page: back in stock, the line missing one again", async () => {
    const order = await checkout(shop, [{ variant_id: drill.id, quantity: 1 }])
    const [free] = await serialsOf(`variant_id=${drill.id}&status=active&stock_location_id=${location.id}`)
    await admin.post(`/admin/orders/${order.id}/serial-numbers`, { line_item_id: order.items[0].id, serial_numbers: [free.serial_number] })

    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    const row = widget.getByTestId("order-serial-row").filter({ hasText: free.serial_number })
    await row.getByText("Reserved").waitFor()
    await row.getByRole("button", { name: "Release", exact: true }).click()
    await page.getByText(`${free.serial_number} released: back in stock`).waitFor()
    await row.waitFor({ state: "detached" })
    await widget.getByTestId("missing-badge").filter({ hasText: "1 missing" }).waitFor()

    expect(await serial(free.serial_number)).toMatchObject({ status: "active", order_id: null, line_item_id: null, stock_location_id: location.id })
  })

  it("says which of two delivered serials came back with a return of one unit, back in stock", async () => {
    const { order, delivered } = await fulfilledOrder(2)
    const lineId = order.items[0].id
    // Medusa's admin return flow: one of the two units is received back at Demo Warehouse.
    const { return: ret } = await admin.post("/admin/returns", { order_id: order.id, location_id: location.id })
    await admin.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: lineId, quantity: 1 }] })
    await admin.post(`/admin/returns/${ret.id}/request`)
    await admin.post(`/admin/returns/${ret.id}/receive`)
    await admin.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: lineId, quantity: 1 }] })
    await admin.post(`/admin/returns/${ret.id}/receive/confirm`)
    const [kept, back] = delivered.map((s) => s.serial_number)

    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    const picker = widget.getByTestId("return-serials-picker")
    // Either unit could be the one that came back: the plugin left both delivered.
    await picker.getByRole("checkbox", { name: kept }).waitFor()
    await picker.getByRole("checkbox", { name: back }).check()
    expect(await picker.getByRole("switch", { name: /Back in stock/ }).getAttribute("aria-checked")).toBe("true")
    await picker.getByRole("button", { name: "Record 1 returned" }).click()

    const returned = picker.getByTestId("returned-serial").filter({ hasText: back })
    await returned.getByText("In stock").waitFor()
    // The return's one unit is accounted for: nothing left to choose.
    await picker.getByRole("checkbox").first().waitFor({ state: "detached" })
    const rows = widget.getByTestId("order-serial-row")
    await rows.filter({ hasText: back }).waitFor({ state: "detached" })
    expect((await rows.allTextContents()).join(" ")).toContain(kept)
    // The returned unit is neither missing nor fulfilled without a serial.
    const line = widget.getByTestId("order-serial-line")
    await line.getByText("DRILL-18V · 2 ordered · 2 fulfilled · 1 returned").waitFor()
    await line.getByText("Complete", { exact: true }).waitFor()
    expect(await line.getByTestId("missing-badge").count()).toBe(0)
    expect(await line.getByText(/fulfilled without serial/).count()).toBe(0)
    expect(await line.getByRole("textbox", { name: "Scan or type a serial number" }).count()).toBe(0)
    await screenshot(page, "widget-order-return", { locator: widget })

    expect(await serial(back)).toMatchObject({ status: "active", order_id: null, stock_location_id: location.id })
    expect(await serial(kept)).toMatchObject({ status: "delivered", order_id: order.id, line_item_id: lineId })
  })

  it("decides a claim on a delivered drill as a replacement: a Medusa exchange opens on its order, linked from the claim", async () => {
    const { order, delivered } = await fulfilledOrder(1)
    const { warranty_claim: claim } = await admin.post("/admin/warranty-claims", {
      serial_number_id: delivered[0].id,
      description: "Chuck does not lock",
    })
    await page.goto(`/app/warranty-claims/${claim.id}`)
    await page.getByRole("heading", { name: /Claim #/ }).waitFor()
    await page.getByRole("combobox", { name: "Decision" }).click()
    await page.getByRole("option", { name: "Replace (opens an exchange)" }).click()
    // The location picker searches the server as one types.
    await page.getByRole("button", { name: "Unit comes back to", exact: true }).click()
    await page.getByRole("searchbox").last().fill(location.name.slice(0, 4))
    await page.getByRole("option", { name: location.name }).click()
    await page.getByLabel("What was done").fill("Faulty chuck: replace the unit")
    await page.getByRole("button", { name: "Record decision" }).click()
    await page.getByText("Exchange opened on the order").waitFor()
    await page.getByText("Replaced ·").waitFor()
    await page.getByRole("link", { name: "Open the order" }).waitFor()
    await screenshot(page, "page-warranty-claim-exchange")

    const { warranty_claim: decided } = await admin.get(`/admin/warranty-claims/${claim.id}`)
    expect(decided).toMatchObject({ status: "resolved", decision: "replace", order_id: order.id })
    const { exchanges } = await admin.get(`/admin/exchanges?order_id=${order.id}&fields=id,order_id`)
    expect(exchanges.map((e: any) => [e.id, e.order_id])).toEqual([[decided.exchange_id, order.id]])
    expect(await page.getByText(`exchange ${decided.exchange_id}`).count()).toBe(1)

    await page.getByRole("link", { name: "Open the order" }).click()
    await page.waitForURL(new RegExp(`/orders/${order.id}`))
  })

  it("schedules maintenance from an order for its delivered serials and its customer, the visit days shown first", async () => {
    const { order, delivered } = await fulfilledOrder(1)
    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    await widget.getByRole("button", { name: "Schedule maintenance" }).click()
    await page.getByText(`For the 1 delivered serial: ${delivered[0].serial_number}`).waitFor()
    const form = page.getByTestId("maintenance-schedule-form")
    await form.getByLabel("Starts").fill("2027-03-01")
    await form.getByLabel("Visits").fill("2")
    await form.getByLabel("Technician (optional)").fill("Ines")
    await form.getByTestId("schedule-plan").locator("li").nth(1).waitFor()
    await screenshot(page, "widget-order-schedule-maintenance")
    await form.getByRole("button", { name: "Create schedule" }).click()
    await page.getByText("Schedule created with 2 visit(s)").waitFor()

    const { maintenance_schedules } = await admin.get(`/admin/maintenance-schedules?serial_number_id=${delivered[0].id}`)
    const { order: placed } = await admin.get(`/admin/orders/${order.id}?fields=id,customer_id`)
    expect(maintenance_schedules).toEqual([
      expect.objectContaining({ assignee: "Ines", customer_id: placed.customer_id, serial_number_ids: [delivered[0].id], status: "active" }),
    ])
    const { maintenance_visits } = await admin.get(`/admin/maintenance-visits?serial_number_id=${delivered[0].id}&order=scheduled_date`)
    expect(maintenance_visits.map((v: any) => [v.scheduled_date.slice(0, 10), v.technician])).toEqual([
      ["2027-04-01", "Ines"],
      ["2027-05-01", "Ines"],
    ])
  })
})
