import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminPage, browserSuite, screenshot, type RunningStore } from "../helpers/browser"
import { adminApi, checkout, registerShopper, type Api } from "../helpers/browser-api"

jest.setTimeout(2 * 60 * 1000)

const DAY_MS = 86_400_000

/**
 * The plugin's widgets on Medusa's own pages, in chromium, against the seeded demo store:
 * the Cordless Drill (serialized, 12-month warranty, 5 serials in stock at Demo Warehouse),
 * an order of 3 drills by a registered customer with one unit fulfilled.
 */
browserSuite(__filename, "admin widgets in chromium", (session) => {
  let running: RunningStore
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let admin: Api
  let product: { id: string; variants: Array<{ id: string; sku: string }> }
  let location: { id: string; name: string }
  let order: { id: string; items: Array<{ id: string; variant_id: string; quantity: number }> }
  let customer: { id: string }
  let visitDate: string
  let delivered: { id: string; serial_number: string }

  beforeAll(async () => {
    ;({ running, browser } = session())
    admin = await adminApi(running)
    ;({ products: [product] } = await admin.get("/admin/products?handle=cordless-drill&fields=id,variants.id,variants.sku") as any)
    const { stock_locations } = await admin.get("/admin/stock-locations?fields=id,name")
    location = stock_locations.find((l: any) => l.name === "Demo Warehouse")

    const shopper = await registerShopper(running, "ada@example.com")
    customer = shopper.customer
    order = await checkout(shopper.api, [{ variant_id: product.variants[0].id, quantity: 3 }])
    // One unit fulfilled through Medusa's own route: the store's auto policy picks a serial.
    await admin.post(`/admin/orders/${order.id}/fulfillments`, {
      location_id: location.id,
      items: [{ id: order.items[0].id, quantity: 1 }],
    })
    const { serial_numbers } = await admin.get(`/admin/serial-numbers?order_id=${order.id}&status=delivered`)
    expect(serial_numbers).toHaveLength(1)
    delivered = serial_numbers[0]
    // A claim and a planned visit for the customer's drill.
    await admin.post("/admin/warranty-claims", {
      serial_number_id: delivered.id,
      customer_id: customer.id,
      description: "Chuck wobbles at full speed",
    })
    visitDate = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10)
    await admin.post("/admin/maintenance-visits", { serial_number_id: delivered.id, kind: "unscheduled", scheduled_date: visitDate })
    // A serial of another variant, to scan on the drill's line by mistake.
    const { products: [bits] } = await admin.get("/admin/products?handle=drill-bits-set&fields=id,variants.id")
    await admin.post(`/admin/serial-settings/${bits.variants[0].id}`, { is_serialized: true })
    await admin.post("/admin/serial-numbers", { variant_id: bits.variants[0].id, serial_number: "BITS-0001" })
    ;({ context, page } = await adminPage(browser, running))
  })

  afterAll(async () => {
    await context?.close()
  }, 60 * 1000)

  it("product page: the drill's variant is serialized, with its counts by status and stock per location", async () => {
    await page.goto(`/app/products/${product.id}`)
    const widget = page.getByTestId("product-serial-numbers-widget")
    await widget.waitFor()
    const variantRow = widget.getByTestId("product-serial-variant")
    await variantRow.getByText("Serialized", { exact: true }).waitFor()
    await variantRow.getByText("12 months").waitFor()
    await widget.getByTestId("serial-status-counts").getByText("In stock: 4").waitFor()
    await widget.getByTestId("serial-status-counts").getByText("Delivered: 1").waitFor()
    // Variant, serials, warranty, in stock, delivered, unserialized stock.
    expect((await variantRow.locator("td").allTextContents()).slice(1, 6).map((t) => t.trim())).toEqual([
      "Serialized",
      "12 months",
      "4",
      "1",
      "0",
    ])
    const stockRow = widget.getByTestId("location-stock-row")
    await stockRow.getByText("Demo Warehouse").waitFor()
    // Medusa's stock (4 after one unit shipped out) matches the serials in stock.
    expect((await stockRow.locator("td").allTextContents()).map((t) => t.trim())).toEqual(["Demo Warehouse", "4", "4", "0"])
    expect(await widget.getByRole("link", { name: "View serial numbers" }).getAttribute("href")).toBe(
      `/app/serial-numbers?product_id=${product.id}`
    )
    await screenshot(page, "widget-product", { locator: widget })
  })

  it("variant page: settings with the series' next values, counts by status, stock per location", async () => {
    await page.goto(`/app/products/${product.id}/variants/${product.variants[0].id}`)
    const widget = page.getByTestId("variant-serial-numbers-widget")
    await widget.waitFor()
    expect(await widget.getByRole("switch").getAttribute("aria-checked")).toBe("true")
    const year = new Date().getFullYear()
    await widget.getByTestId("series-preview").getByText(`Next: DR-${year}-00006, DR-${year}-00007, DR-${year}-00008`).waitFor()
    await widget.getByText("In stock: 4").waitFor()
    await widget.getByTestId("location-stock-row").getByText("Demo Warehouse").waitFor()
    await screenshot(page, "widget-variant", { locator: widget })
  })

  it("order page: the fulfilled unit's serial with its warranty, and two units still missing", async () => {
    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    await widget.waitFor()
    const row = widget.getByTestId("order-serial-row")
    await row.getByText(delivered.serial_number).waitFor()
    await row.getByText("Delivered").waitFor()
    await row.getByText("Under warranty").waitFor()
    await widget.getByTestId("missing-badge").getByText("2 missing").waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.innerText()).toMatch(new RegExp(`${delivered.serial_number}[\\s\\S]*Delivered[\\s\\S]*Under warranty`))
    await screenshot(page, "widget-order", { locator: widget })
  })

  it("order page: scanned serials are checked at once (duplicates, unknown, wrong variant), then assigned", async () => {
    const { serial_numbers: inStock } = await admin.get(
      `/admin/serial-numbers?variant_id=${product.variants[0].id}&status=active&order=serial_number&limit=1`
    )
    const next = inStock[0].serial_number as string
    await page.goto(`/app/orders/${order.id}`)
    const widget = page.getByTestId("order-serial-numbers-widget")
    const scan = widget.getByRole("textbox", { name: "Scan or type a serial number" })
    for (const text of [delivered.serial_number, next, next.toLowerCase(), "NO-SUCH-SERIAL", "BITS-0001"]) {
      await scan.fill(text)
      await scan.press("Enter")
    }
    const entries = widget.getByTestId("scan-entry")
    await entries.nth(0).getByText("Duplicate: already on this line").waitFor()
    await entries.nth(1).getByText("In stock").waitFor()
    await entries.nth(2).getByText("Duplicate: scanned twice").waitFor()
    await entries.nth(3).getByText("Unknown serial number").waitFor()
    await entries.nth(4).getByText(/^Wrong variant/).waitFor()
    const assign = widget.getByRole("button", { name: /^Assign/ })
    expect(await assign.isDisabled()).toBe(true)
    await screenshot(page, "widget-order-scan", { locator: widget })

    for (const text of ["BITS-0001", "NO-SUCH-SERIAL", next.toLowerCase(), delivered.serial_number]) {
      await widget.getByRole("button", { name: `Remove ${text}`, exact: true }).click()
    }
    await widget.getByRole("button", { name: "Assign 1 serial" }).click()
    const reservedRow = widget.getByTestId("order-serial-row").filter({ hasText: next })
    await reservedRow.getByText("Reserved").waitFor()
    await reservedRow.getByText("Starts at delivery").waitFor()
    await widget.getByTestId("missing-badge").getByText("1 missing").waitFor()
    const { serial_numbers: after } = await admin.get(`/admin/serial-numbers?q=${encodeURIComponent(next)}`)
    expect(after[0]).toMatchObject({ serial_number: next, status: "reserved", order_id: order.id })
    await screenshot(page, "widget-order-assigned", { locator: widget })
  })

  it("customer page: the drill the customer owns, its warranty, next visit and open claim", async () => {
    await page.goto(`/app/customers/${customer.id}`)
    const widget = page.getByTestId("customer-serial-numbers-widget")
    await widget.waitFor()
    const row = widget.getByTestId("customer-serial-row")
    await row.getByText(delivered.serial_number).waitFor()
    await row.getByText("Cordless Drill").waitFor()
    await row.getByText("Under warranty").waitFor()
    // The next visit comes from its own request: wait for it, then read the date shown.
    const nextVisit = row.locator("td").nth(3)
    await page.waitForFunction((cell) => !!cell && cell.textContent !== "—", await nextVisit.elementHandle())
    const shown = await page.evaluate((day) => new Date(day).toLocaleDateString(undefined, { dateStyle: "medium" }), visitDate)
    expect(await nextVisit.textContent()).toBe(shown)
    await widget.getByTestId("customer-open-claim").getByText("Chuck wobbles at full speed").waitFor()
    await screenshot(page, "widget-customer", { locator: widget })
  })

  it("location page: the serials in stock there, by variant", async () => {
    await page.goto(`/app/settings/locations/${location.id}`)
    const widget = page.getByTestId("location-serial-numbers-widget")
    await widget.waitFor()
    const row = widget.getByTestId("location-serial-row")
    await row.getByText("Cordless Drill").waitFor()
    // 5 received, 1 delivered, 1 reserved for the order (still on the shelf).
    await row.getByText("DRILL-18V").waitFor()
    expect((await row.locator("td").allTextContents()).map((t) => t.trim()).slice(3)).toEqual(["3", "1"])
    await widget.getByText("4 serials at this location").waitFor()
    await screenshot(page, "widget-location", { locator: widget })
  })

  it("location page: scanned serials are checked against the location, then transferred with Medusa's stock", async () => {
    const { stock_location: shop } = await admin.post("/admin/stock-locations", { name: "Demo Shop" })
    const { serial_numbers: here } = await admin.get(
      `/admin/serial-numbers?variant_id=${product.variants[0].id}&stock_location_id=${location.id}&status=active&order=serial_number&limit=1`
    )
    const moving = here[0].serial_number as string
    await page.goto(`/app/settings/locations/${location.id}`)
    const widget = page.getByTestId("location-serial-numbers-widget")
    await widget.getByText("4 serials at this location").waitFor()
    await widget.getByRole("button", { name: "Transfer", exact: true }).click()
    const form = page.getByTestId("serial-transfer-form")
    await form.getByRole("combobox", { name: "To location" }).click()
    await page.getByRole("option", { name: "Demo Shop" }).click()
    await form.getByRole("textbox", { name: "Note" }).fill("Shop window")
    const scan = form.getByRole("textbox", { name: "Scan or type a serial number" })
    for (const text of [delivered.serial_number, "NO-SUCH-SERIAL", moving]) {
      await scan.fill(text)
      await scan.press("Enter")
    }
    const entries = form.getByTestId("scan-entry")
    await entries.nth(0).getByText("Not in stock (delivered)").waitFor()
    await entries.nth(1).getByText("Unknown serial number").waitFor()
    await entries.nth(2).getByText("Here, in stock").waitFor()
    expect(await form.getByRole("button", { name: /^Transfer \d/ }).isDisabled()).toBe(true)
    await screenshot(page, "widget-location-transfer", { locator: form })

    for (const text of [delivered.serial_number, "NO-SUCH-SERIAL"]) {
      await form.getByRole("button", { name: `Remove ${text}`, exact: true }).click()
    }
    await form.getByRole("button", { name: "Transfer 1 serial" }).click()
    await page.getByText("1 serial transferred to Demo Shop").waitFor()
    await widget.getByText("3 serials at this location").waitFor()
    const { serial_numbers: after } = await admin.get(`/admin/serial-numbers?q=${encodeURIComponent(moving)}`)
    expect(after[0]).toMatchObject({ serial_number: moving, status: "active", stock_location_id: shop.id })
    const { inventory_items } = await admin.get(`/admin/inventory-items?sku=${product.variants[0].sku}&fields=id,location_levels.location_id,location_levels.stocked_quantity`)
    const levels = Object.fromEntries(inventory_items[0].location_levels.map((l: any) => [l.location_id, Number(l.stocked_quantity)]))
    expect(levels[shop.id]).toBe(1)

    // The transfers page lists it, newest first; its page names each serial it moved.
    await page.goto("/app/serial-transfers")
    const row = page.locator("tbody tr").filter({ hasText: "Shop window" })
    // The locations' names come with the page's own query for them.
    await row.filter({ hasText: "Demo Shop" }).waitFor()
    expect(await row.innerText()).toMatch(/Demo Warehouse\s+Demo Shop\s+1\s+Shop window/)
    await screenshot(page, "page-transfers")
    await row.getByRole("link").click()
    const detail = page.getByTestId("serial-transfer-detail")
    await detail.getByRole("heading", { name: "Demo Warehouse → Demo Shop" }).waitFor()
    await page.getByRole("heading", { name: "1 serial moved" }).waitFor()
    await page.getByRole("link", { name: moving, exact: true }).waitFor()
    expect(await detail.innerText()).toContain("Shop window")
    await screenshot(page, "page-transfer-detail")
  })

  it("variant page: stock lowered by hand in Medusa, the admin picks the serial that left; a serial's page writes one off with the stock", async () => {
    const drill = product.variants[0]
    const levelAt = async () => {
      const { inventory_items } = await admin.get(`/admin/inventory-items?sku=${drill.sku}&fields=id,location_levels.location_id,location_levels.stocked_quantity`)
      const level = inventory_items[0].location_levels.find((l: any) => l.location_id === location.id)
      return { item: inventory_items[0].id as string, stocked: Number(level.stocked_quantity) }
    }
    const { item, stocked } = await levelAt()
    // Medusa's own admin: one unit fewer at the warehouse, the serials untouched.
    await admin.post(`/admin/inventory-items/${item}/location-levels/${location.id}`, { stocked_quantity: stocked - 1 })

    await page.goto(`/app/products/${product.id}/variants/${drill.id}`)
    const widget = page.getByTestId("variant-serial-numbers-widget")
    const row = widget.getByTestId("location-stock-row").filter({ hasText: "Demo Warehouse" })
    await row.getByText("1 serials too many").waitFor()
    await row.getByRole("button", { name: "Pick serials that left" }).click()
    const picker = page.getByTestId("pick-left-serials")
    const boxes = picker.getByRole("checkbox")
    await boxes.first().waitFor()
    const left = (await picker.locator("label.font-mono").first().textContent())!.trim()
    await boxes.first().click()
    // At most the difference: the others cannot be ticked.
    expect(await boxes.nth(1).isDisabled()).toBe(true)
    await picker.getByRole("button", { name: "Stolen" }).click()
    await screenshot(page, "widget-variant-pick-left", { locator: picker })
    await picker.getByRole("button", { name: "Write off 1 serial" }).click()
    await page.getByText("1 serial written off").waitFor()
    await row.getByText("1 serials too many").waitFor({ state: "detached" })
    const json = async (url: string) => admin.get(url)
    expect((await json(`/admin/serial-numbers?q=${encodeURIComponent(left)}`)).serial_numbers[0]).toMatchObject({ status: "scrapped", stock_location_id: null })
    expect((await levelAt()).stocked).toBe(stocked - 1)

    // A serial's own page: written off with the stock lowered by one.
    const { serial_numbers: [next] } = await json(`/admin/serial-numbers?variant_id=${drill.id}&stock_location_id=${location.id}&status=active&limit=1`)
    await page.goto(`/app/serial-numbers/${next.id}`)
    await page.getByRole("button", { name: "Write off" }).click()
    const form = page.getByTestId("write-off-form")
    await form.getByLabel("Reason").fill("Dropped from the shelf")
    await form.getByRole("button", { name: "Write off" }).click()
    await page.getByText(`${next.serial_number} written off`).waitFor()
    await page.getByText("Scrapped", { exact: true }).first().waitFor()
    expect((await levelAt()).stocked).toBe(stocked - 2)
  })
})
