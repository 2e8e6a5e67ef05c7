import type { Browser, Page } from "playwright-core"
import { adminPage, browserSuite, screenshot, type RunningStore } from "../helpers/browser"
import { registerShopper } from "../helpers/browser-api"
import { shiftDay, weekStart } from "../../src/shared/week"

jest.setTimeout(15 * 60 * 1000)

/** Rows of the page's table body, as the text of their serial-number cell. */
const serialCells = (page: Page) => page.locator("tbody tr td.font-mono")

async function chooseOption(page: Page, comboboxName: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: comboboxName }).click()
  await page.getByRole("option", { name: option }).first().click()
}

/** Picks a record in a picker that searches the server (components/search-filter.tsx), typing `text` first. */
async function pickSearched(page: Page, buttonName: string, text: string, option: string | RegExp) {
  await page.getByRole("button", { name: buttonName, exact: true }).click()
  await page.getByRole("searchbox").last().fill(text)
  await page.getByRole("option", { name: option }).first().click()
}

browserSuite(__filename, "admin pages in chromium", (session) => {
  let running: RunningStore
  let browser: Browser
  let page: Page
  let close: () => Promise<void>

  beforeAll(async () => {
    ;({ running, browser } = session())
    const opened = await adminPage(browser, running)
    page = opened.page
    close = () => opened.context.close()
  })

  afterAll(async () => {
    await close?.()
  })

  it("logs the demo admin in and shows the dashboard, the plugin's pages in its menu", async () => {
    // Where the login of beforeAll landed: the orders list, with the main menu beside it.
    await page.getByRole("heading", { name: "Orders" }).waitFor()
    await page.getByRole("link", { name: "Products" }).first().waitFor()
    expect(new URL(page.url()).pathname).toBe("/app/orders")
    expect(await page.getByRole("link", { name: "Serial numbers" }).count()).toBeGreaterThanOrEqual(1)
    await screenshot(page, "dashboard")
  })

  it("lists the seeded serials, each page in the menu", async () => {
    await page.goto("/app/serial-numbers")
    await page.getByRole("heading", { name: "Serial numbers" }).waitFor()
    await serialCells(page).first().waitFor()
    expect(await serialCells(page).count()).toBe(5)
    for (const label of ["Serial numbers", "Receipts", "Serial series", "Maintenance", "Warranty claims"]) {
      await page.getByRole("link", { name: label }).first().waitFor()
    }
    await screenshot(page, "page-serial-numbers")
  })

  it("receives serials through the receipt form: the preview lists the problem, then posting works", async () => {
    const existing = (await serialCells(page).first().textContent())!.trim()
    await page.goto("/app/serial-receipts/receive")
    await page.getByRole("heading", { name: "Receive stock" }).waitFor()
    await page.getByLabel("Supplier", { exact: true }).fill("Makita EU")
    await page.getByLabel(/Supplier reference/).fill("PO-4711")
    await pickSearched(page, "Location", "Demo", "Demo Warehouse")
    await pickSearched(page, "Variant of line 1", "DRILL", /Cordless Drill/)
    await page.getByLabel("Serials of line 1").fill(`RCV-0001\nRCV-0002\n${existing}`)
    await page.getByRole("button", { name: "Preview" }).click()
    const problems = page.getByTestId("receipt-problems")
    await problems.waitFor()
    expect(await problems.textContent()).toContain(`${existing} (active)`)
    await expect(page.getByRole("button", { name: "Post receipt" }).isDisabled()).resolves.toBe(true)
    await screenshot(page, "page-receive-preview-problem")

    // Nothing was saved by the preview.
    const before = await page.request.get("/admin/serial-numbers?q=RCV")
    expect((await before.json()).count).toBe(0)

    // A third serial by scanning: typed and Enter appends it.
    await page.getByLabel("Serials of line 1").fill("RCV-0001\nRCV-0002")
    await page.getByTestId("line-0-mode-scan").click()
    await page.getByLabel("Scan serials of line 1").fill("RCV-0003")
    await page.getByLabel("Scan serials of line 1").press("Enter")
    await page.getByLabel("Scan serials of line 1").fill("RCV-0003")
    await page.getByLabel("Scan serials of line 1").press("Enter")
    await page.getByText("RCV-0003 was already scanned").waitFor()
    // The scanned list is what this line posts now.
    await page.getByRole("button", { name: "Add line" }).click()
    await pickSearched(page, "Variant of line 2", "DRILL", /Cordless Drill/)
    await page.getByLabel("Serials of line 2").fill("RCV-0001, RCV-0002")
    await page.getByRole("button", { name: "Preview" }).click()
    await page.getByText("No problems. Posting will receive:").waitFor()
    await screenshot(page, "page-receive-preview-clean")
    await page.getByRole("button", { name: "Post receipt" }).click()

    await page.waitForURL(/\/app\/serial-numbers\?receipt_id=/)
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 3)
    const received = (await serialCells(page).allTextContents()).map((t) => t.trim()).sort()
    expect(received).toEqual(["RCV-0001", "RCV-0002", "RCV-0003"])
    await screenshot(page, "page-serial-numbers-received")
  })

  it("filters the list by search and status, kept in the URL", async () => {
    await page.goto("/app/serial-numbers")
    await serialCells(page).first().waitFor()
    await page.getByPlaceholder("Search serial numbers").fill("RCV-0002")
    await page.getByPlaceholder("Search serial numbers").press("Enter")
    await page.waitForURL(/q=RCV-0002/)
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 1)
    expect((await serialCells(page).first().textContent())!.trim()).toBe("RCV-0002")

    await page.goto("/app/serial-numbers?status=delivered")
    await page.getByText("No serial numbers match these filters.").waitFor()
    await page.goto("/app/serial-numbers")
    await serialCells(page).first().waitFor()
    await chooseOption(page, "Warranty", "No warranty")
    await page.waitForURL(/warranty_state=none/)
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 8)
    await screenshot(page, "page-serial-numbers-filtered")

    // The location filter asks the server as one types, like the customer and product ones.
    const [warehouse] = (await (await page.request.get("/admin/stock-locations?q=Demo&fields=id,name")).json()).stock_locations
    await pickSearched(page, "Location", "Demo", "Demo Warehouse")
    await page.waitForURL(new RegExp(`stock_location_id=${warehouse.id}`))
    await page.reload()
    await page.getByRole("button", { name: "Location", exact: true }).filter({ hasText: "Demo Warehouse" }).waitFor()
  })

  it("opens a serial's timeline and saves its metadata", async () => {
    await page.goto("/app/serial-numbers?q=RCV-0001")
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 1)
    await serialCells(page).first().click()
    await page.waitForURL(/\/app\/serial-numbers\/sn_/)
    await page.getByRole("heading", { name: "RCV-0001" }).waitFor()
    const timeline = page.getByTestId("serial-timeline")
    await timeline.getByText("Received into stock").waitFor()
    expect(await timeline.textContent()).toContain("Demo Warehouse")
    await screenshot(page, "page-serial-detail")

    await page.getByRole("button", { name: "Add field" }).click()
    await page.getByPlaceholder("Key").last().fill("bin")
    await page.getByPlaceholder("Value").last().fill("A-12")
    await page.getByRole("button", { name: "Save metadata" }).click()
    await page.getByText("Metadata saved").waitFor()
    const id = page.url().split("/").pop()!.split("?")[0]
    const saved = await (await page.request.get(`/admin/serial-numbers/${id}`)).json()
    expect(saved.serial_number.metadata).toEqual({ bin: "A-12" })
    await screenshot(page, "page-serial-detail-metadata")
  })

  it("shows receipts and cancels one", async () => {
    await page.goto("/app/serial-receipts")
    await page.getByRole("heading", { name: "Receipts" }).waitFor()
    await page.getByText("Makita EU").waitFor()
    await screenshot(page, "page-receipts")
    await page.getByRole("button", { name: "Cancel", exact: true }).first().click()
    await page.getByRole("button", { name: "Cancel receipt" }).click()
    await page.getByText("Canceled", { exact: true }).first().waitFor()
    const after = await (await page.request.get("/admin/serial-numbers?q=RCV&status=active")).json()
    expect(after.count).toBe(0)
  })

  it("previews a series pattern live", async () => {
    await page.goto("/app/serial-series")
    await page.getByRole("cell", { name: "DR-{YYYY}-#####" }).waitFor()
    await page.getByRole("button", { name: "Create series" }).click()
    await page.getByLabel("Name", { exact: true }).fill("Saws")
    await page.getByLabel("Pattern", { exact: true }).fill("SAW-{YY}-###")
    const yy = String(new Date().getUTCFullYear() % 100).padStart(2, "0")
    await page.getByTestId("series-preview").getByText(`SAW-${yy}-001, SAW-${yy}-002, SAW-${yy}-003`).waitFor()
    expect(await page.getByTestId("series-preview").innerText()).toContain(`SAW-${yy}-001, SAW-${yy}-002, SAW-${yy}-003`)
    await screenshot(page, "page-series-drawer")
    await page.getByLabel("Pattern", { exact: true }).fill("SAW-{YY}")
    await page.getByTestId("series-preview").locator(".text-ui-fg-error").waitFor()
    // A pattern without a counter is explained, not previewed.
    expect(await page.getByTestId("series-preview").locator(".text-ui-fg-error").innerText()).toMatch(/#/)
    await page.getByLabel("Pattern", { exact: true }).fill("SAW-{YY}-###")
    await page.getByRole("button", { name: "Save", exact: true }).click()
    await page.getByRole("cell", { name: "SAW-{YY}-###" }).waitFor()
    await screenshot(page, "page-series")
    const saved = await (await page.request.get("/admin/serial-series?q=Saws")).json()
    expect(saved.serial_series.map((s: any) => [s.name, s.pattern])).toEqual([["Saws", "SAW-{YY}-###"]])
  })

  it("completes a due maintenance visit in two clicks and moves a claim on", async () => {
    const list = await (await page.request.get("/admin/serial-numbers?q=DR-&limit=2&order=serial_number")).json()
    const [first, second] = list.serial_numbers
    const today = new Date().toISOString().slice(0, 10)
    const schedule = await page.request.post("/admin/maintenance-schedules", {
      data: { serial_number_ids: [first.id], type: "preventive", periodicity: "monthly", start_date: today, visit_count: 3, first_visit_on_start: true },
    })
    expect(schedule.status()).toBe(201)
    const claim = await page.request.post("/admin/warranty-claims", {
      data: { serial_number_id: second.id, description: "Motor stops under load" },
    })
    expect(claim.status()).toBe(201)

    await page.goto("/app/maintenance")
    await page.getByRole("link", { name: first.serial_number }).first().waitFor()
    await screenshot(page, "page-maintenance")
    await page.getByRole("button", { name: "Complete" }).first().click()
    await page.getByRole("button", { name: "Complete" }).last().click()
    await page.getByText("Visit completed").waitFor()
    const visits = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${first.id}&status=completed`)).json()
    expect(visits.count).toBe(1)

    await page.goto("/app/warranty-claims")
    await page.getByText("Motor stops under load").waitFor()
    await screenshot(page, "page-warranty-claims")
    await page.getByText("Motor stops under load").click()
    await page.getByRole("heading", { name: /Claim #/ }).waitFor()
    // A photo of the fault, kept through Medusa's File Module and shown on the claim.
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000001649444154789c" +
        "6338636c4c126218d530aa61f86a0000478b321096f845c70000000049454e44ae426082",
      "hex"
    )
    await page.getByLabel("Photos or documents").setInputFiles({ name: "motor.png", mimeType: "image/png", buffer: png })
    await page.getByText("1 file added").waitFor()
    const thumbnail = page.getByRole("img", { name: "motor.png" })
    await thumbnail.waitFor()
    await page.waitForFunction(() => {
      const img = document.querySelector('img[alt="motor.png"]') as HTMLImageElement | null
      return !!img && img.complete && img.naturalWidth === 16
    })
    await page.getByText("1 of 10").waitFor()

    // Approve first (the form's first choice for an open claim), then record the repair.
    await page.getByRole("combobox", { name: "Decision" }).getByText("Approve: start work").waitFor()
    await page.getByRole("button", { name: "Record decision" }).click()
    await page.getByText("Approved ·").waitFor()
    await chooseOption(page, "Decision", "Repair")
    await page.getByLabel("Repair cost").fill("45.50")
    await page.getByRole("combobox", { name: "Currency" }).getByText("EUR").waitFor()
    await page.getByLabel("What was done").fill("Replaced the carbon brushes")
    await screenshot(page, "page-warranty-claim-decide")
    await page.getByRole("button", { name: "Record decision" }).click()
    await page.getByText("This claim is closed.").waitFor()
    await page.getByText("Repaired ·").waitFor()
    await page.getByText("€45.50").waitFor()
    await screenshot(page, "page-warranty-claim-detail")
    const decided = (await (await page.request.get(`/admin/warranty-claims/${(await claim.json()).warranty_claim.id}`)).json()).warranty_claim
    expect(decided).toMatchObject({
      status: "resolved",
      decision: "repair",
      repair_cost: 45.5,
      currency_code: "eur",
      resolution: "Replaced the carbon brushes",
    })
  })

  it("imports a CSV: the check lists each bad row, the import saves the good file", async () => {
    await page.goto("/app/serial-imports")
    await page.getByRole("heading", { name: "Import serial numbers" }).waitFor()
    const file = (text: string) => ({ name: "serials.csv", mimeType: "text/csv", buffer: Buffer.from(text) })
    await page.getByLabel("CSV file").setInputFiles(file("serial_number,sku,status\nIMP-0001,DRILL-18V,inactive\nIMP-0002,NO-SUCH-SKU,inactive\n"))
    await page.getByText("2 rows").waitFor()
    await page.getByRole("button", { name: "Check file" }).click()
    const report = page.getByTestId("import-report")
    await report.getByRole("cell", { name: "NO-SUCH-SKU", exact: true }).waitFor()
    expect(await report.locator("tbody tr").count()).toBe(1)
    expect(await report.locator("tbody tr td").first().textContent()).toBe("3")
    await screenshot(page, "page-import-problems")

    await page.getByLabel("CSV file").setInputFiles(file("serial_number,sku,status\nIMP-0001,DRILL-18V,inactive\nIMP-0002,DRILL-18V,inactive\n"))
    await page.getByRole("button", { name: "Import", exact: true }).click()
    await report.getByText("Imported 2 serial numbers.").waitFor()
    expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100")
    await screenshot(page, "page-import-done")
    const imported = await (await page.request.get("/admin/serial-numbers?q=IMP-")).json()
    expect(imported.count).toBe(2)
  })

  it("prints a sheet of labels for the selected serials", async () => {
    await page.goto("/app/serial-numbers?q=DR-&order=serial_number")
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 5)
    await page.getByLabel("Select all on this page").click()
    await page.getByRole("button", { name: "Print labels (5)" }).click()
    await page.waitForURL(/\/app\/serial-labels\?ids=/)
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=serial-label] svg").length === 10)
    // One label per selected serial, each with its text, a barcode and a QR code.
    const labels = page.getByTestId("serial-label")
    expect(await labels.count()).toBe(5)
    const texts = await labels.allInnerTexts()
    expect(texts.every((t) => /DR-/.test(t))).toBe(true)
    expect(new Set(texts.map((t) => /DR-[\w-]+/.exec(t)![0])).size).toBe(5)
    await screenshot(page, "page-labels")
    await page.emulateMedia({ media: "print" })
    await screenshot(page, "page-labels-print")
    await page.emulateMedia({ media: "screen" })

    // The demo sets warranty_url_template: each QR code opens the serial's warranty page.
    const serialsShown = texts.map((t) => /DR-[\w-]+/.exec(t)![0])
    expect(await labels.evaluateAll((els) => els.map((e) => e.getAttribute("data-qr-text")))).toEqual(
      serialsShown.map((s) => `https://shop.example.com/warranty/${encodeURIComponent(s)}`)
    )
    // The 62 mm thermal roll: one 62 x 29 mm label after another.
    await page.getByRole("combobox", { name: "Label layout" }).click()
    await page.getByRole("option", { name: "Thermal roll, 62 × 29 mm" }).click()
    await page.waitForURL(/template=thermal-62/)
    const box = await labels.first().boundingBox()
    // 62 x 29 mm at 96 px per inch.
    expect(Math.round(box!.width)).toBe(Math.round((62 / 25.4) * 96))
    expect(Math.round(box!.height)).toBe(Math.round((29 / 25.4) * 96))
    await screenshot(page, "page-labels-thermal")
  })

  it("counts a location: compare lists missing and unknown, the unknown one gets its variant, confirm writes off and receives", async () => {
    const json = async (url: string) => (await page.request.get(url)).json()
    const { stock_locations } = await json("/admin/stock-locations?fields=id,name")
    const warehouse = stock_locations.find((l: any) => l.name === "Demo Warehouse")
    const { products } = await json("/admin/products?handle=cordless-drill&fields=id,variants.id")
    const drill = products[0].variants[0].id
    const held = (await json(`/admin/serial-numbers?stock_location_id=${warehouse.id}&variant_id=${drill}&status=active&status=reserved&order=serial_number&limit=100`))
      .serial_numbers.map((s: any) => s.serial_number as string)
    const [lost, ...onShelf] = held
    expect(onShelf.length).toBeGreaterThan(0)

    await page.goto("/app/settings/locations/" + warehouse.id)
    await page.getByTestId("location-serial-numbers-widget").getByRole("link", { name: "Stock-take" }).click()
    await page.getByRole("heading", { name: "Stock-take" }).waitFor()
    await pickSearched(page, "Variant", "DRILL", /Cordless Drill/)
    await page.getByLabel(/Serials found/).fill(onShelf.join("\n"))
    await page.getByLabel("Scan a serial number").fill("FOUND-0001")
    await page.getByLabel("Scan a serial number").press("Enter")
    await page.getByLabel(`Serials found (${onShelf.length + 1})`).waitFor()
    await page.getByRole("button", { name: "Compare" }).click()
    await page.getByTestId("count-summary").getByText(`Found ${onShelf.length} · Missing 1 · Unexpected 0 · Unknown 1`).waitFor()
    await page.getByTestId("count-missing").getByText(lost).waitFor()
    expect(await page.getByTestId("count-problems").innerText()).toContain("FOUND-0001: no such serial")
    expect(await page.getByRole("button", { name: "Confirm count" }).isDisabled()).toBe(true)
    await pickSearched(page, "Variant of FOUND-0001", "DRILL", /Cordless Drill/)
    await page.getByRole("button", { name: "Compare" }).click()
    await page.getByTestId("count-problems").waitFor({ state: "detached" })
    await screenshot(page, "page-stock-take")
    await page.getByRole("button", { name: "Confirm count" }).click()
    await page.getByTestId("count-done").getByText(`Count confirmed: ${onShelf.length} found in place, 0 moved here, 1 written off as lost, 1 received.`).waitFor()

    const after = async (text: string) => (await json(`/admin/serial-numbers?q=${encodeURIComponent(text)}`)).serial_numbers[0]
    expect(await after(lost)).toMatchObject({ status: "scrapped", stock_location_id: null })
    expect(await after("FOUND-0001")).toMatchObject({ status: "active", stock_location_id: warehouse.id, variant_id: drill })
  })

  it("returns a receipt's serial to its supplier: scanned serials checked against the receipt, then sent back", async () => {
    const json = async (url: string) => (await page.request.get(url)).json()
    const { stock_locations } = await json("/admin/stock-locations?fields=id,name")
    const warehouse = stock_locations.find((l: any) => l.name === "Demo Warehouse")
    const { products } = await json("/admin/products?handle=cordless-drill&fields=id,variants.id")
    const drill = products[0].variants[0].id
    const posted = await page.request.post("/admin/serial-receipts", {
      data: {
        stock_location_id: warehouse.id,
        supplier: { name: "Bosch DE", reference: "PO-88" },
        items: [{ variant_id: drill, quantity: 2, serial_numbers: ["VR-0001", "VR-0002"] }],
      },
    })
    expect(posted.status()).toBe(201)

    await page.goto("/app/serial-receipts")
    const row = page.locator("tbody tr").filter({ hasText: "Bosch DE" })
    await row.getByRole("button", { name: "Return to supplier" }).click()
    const form = page.getByTestId("vendor-return-form")
    await form.getByLabel("Reason").fill("Chuck faulty")
    const scan = form.getByRole("textbox", { name: "Scan or type a serial number" })
    for (const text of ["FOUND-0001", "VR-0002"]) {
      await scan.fill(text)
      await scan.press("Enter")
    }
    const entries = form.getByTestId("scan-entry")
    await entries.nth(0).getByText("Did not come with this receipt").waitFor()
    await entries.nth(1).getByText("From this receipt, in stock").waitFor()
    expect(await form.getByRole("button", { name: /^Return \d/ }).isDisabled()).toBe(true)
    await form.getByRole("button", { name: "Remove FOUND-0001", exact: true }).click()
    await screenshot(page, "page-receipt-vendor-return", { locator: form })
    await form.getByRole("button", { name: "Return 1 serial" }).click()
    await page.getByText("1 serial returned to Bosch DE").waitFor()
    const after = (await json("/admin/serial-numbers?q=VR-000&order=serial_number")).serial_numbers
    expect(after.map((s: any) => [s.serial_number, s.status, s.stock_location_id])).toEqual([
      ["VR-0001", "active", warehouse.id],
      ["VR-0002", "inactive", null],
    ])

    // VR-0001 never arrived after all: canceled from the receipt, which counts one unit less.
    await row.getByRole("button", { name: "Cancel serials" }).click()
    const cancelForm = page.getByTestId("cancel-receipt-serials-form")
    const cancelScan = cancelForm.getByRole("textbox", { name: "Scan or type a serial number" })
    for (const text of ["VR-0002", "VR-0001"]) {
      await cancelScan.fill(text)
      await cancelScan.press("Enter")
    }
    const cancelEntries = cancelForm.getByTestId("scan-entry")
    await cancelEntries.nth(0).getByText("Not in stock (inactive)").waitFor()
    await cancelEntries.nth(1).getByText("On this receipt, in stock here").waitFor()
    await cancelForm.getByRole("button", { name: "Remove VR-0002", exact: true }).click()
    await screenshot(page, "page-receipt-cancel-serials", { locator: cancelForm })
    await cancelForm.getByRole("button", { name: "Cancel 1 serial" }).click()
    await page.getByText(/1 serial canceled from receipt #\d+$/).waitFor()
    const [vr1] = (await json("/admin/serial-numbers?q=VR-0001")).serial_numbers
    expect(vr1).toMatchObject({ status: "inactive", stock_location_id: null, receipt_id: null })
    const receiptAfter = (await json(`/admin/serial-receipts/${(await posted.json()).serial_receipt.id}`)).serial_receipt
    expect(receiptAfter).toMatchObject({ status: "posted", lines: [expect.objectContaining({ quantity: 1 })] })
  })

  it("pages the serial list by cursor: Next and Prev, the page kept in the URL", async () => {
    const [anySerial] = (await (await page.request.get("/admin/serial-numbers?limit=1")).json()).serial_numbers
    const texts = Array.from({ length: 25 }, (_, i) => `PAGE-${String(i + 1).padStart(3, "0")}`)
    const made = await page.request.post("/admin/serial-numbers", { data: { variant_id: anySerial.variant_id, serial_numbers: texts } })
    expect(made.status()).toBe(201)

    await page.goto("/app/serial-numbers?q=PAGE-&order=serial_number")
    // The pager: "1 — 20 of 25 results", the range's end and the count in one line.
    await page.getByText("20 of 25 results", { exact: true }).waitFor()
    expect((await serialCells(page).allTextContents()).map((t) => t.trim())).toEqual(texts.slice(0, 20))

    await page.getByRole("button", { name: "Next" }).click()
    await page.waitForURL(/after=.*page=2|page=2.*after=/)
    await page.getByText("25 of 25 results", { exact: true }).waitFor()
    // The previous rows stay until the next page arrives.
    await serialCells(page).filter({ hasText: "PAGE-021" }).waitFor()
    expect((await serialCells(page).allTextContents()).map((t) => t.trim())).toEqual(texts.slice(20))
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true)
    await screenshot(page, "page-serial-numbers-second-page")

    // A reload opens the same page.
    await page.reload()
    await page.getByText("25 of 25 results", { exact: true }).waitFor()
    await serialCells(page).filter({ hasText: "PAGE-021" }).waitFor()
    expect((await serialCells(page).allTextContents()).map((t) => t.trim())).toEqual(texts.slice(20))

    await page.getByRole("button", { name: "Prev" }).click()
    await page.getByText("20 of 25 results", { exact: true }).waitFor()
    await serialCells(page).filter({ hasText: "PAGE-001" }).waitFor()
    expect(page.url()).not.toContain("after=")
    expect((await serialCells(page).allTextContents()).map((t) => t.trim())).toEqual(texts.slice(0, 20))
  })

  it("decides registrations from the queue: approving one gives the serial to its customer and rejects the other customer's", async () => {
    const [anySerial] = (await (await page.request.get("/admin/serial-numbers?limit=1")).json()).serial_numbers
    // A unit sold by a reseller: known to the store, nobody's yet.
    const made = await page.request.post("/admin/serial-numbers", { data: { variant_id: anySerial.variant_id, serial_number: "RESOLD-0001" } })
    expect(made.status()).toBe(201)
    const first = await registerShopper(running, "first-owner@example.com")
    const second = await registerShopper(running, "second-claimant@example.com")
    const mine = await first.api.post("/store/customers/me/serial-numbers", { serial_number: "RESOLD-0001", purchased_at: "2026-01-15" })
    const theirs = await second.api.post("/store/customers/me/serial-numbers", { serial_number: "RESOLD-0001", purchased_at: "2026-02-01" })
    expect([mine.registration.status, theirs.registration.status]).toEqual(["pending", "pending"])
    // The first customer sends the receipt with the registration.
    const receipt = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    const proof = await first.api.upload(`/store/customers/me/serial-registrations/${mine.registration.id}/proof-of-purchase`, "file", [
      { name: "receipt-reseller.pdf", type: "application/pdf", content: receipt },
    ])
    expect(proof.registration.proof_of_purchase).toMatchObject({ filename: "receipt-reseller.pdf" })

    await page.goto("/app/serial-registrations")
    await page.getByRole("heading", { name: "Registrations" }).waitFor()
    const rows = page.getByRole("row").filter({ hasText: "RESOLD-0001" })
    await rows.nth(1).waitFor()
    expect(await rows.count()).toBe(2)
    // The receipt opens from the queue (the File Module's link); the other sent none.
    const receiptLink = rows.nth(1).getByRole("link", { name: "receipt-reseller.pdf" })
    const opened = await page.request.get((await receiptLink.getAttribute("href"))!)
    expect(Buffer.from(await opened.body())).toEqual(receipt)
    await rows.nth(0).getByText("None sent").waitFor()
    await screenshot(page, "page-serial-registrations")

    // Newest first: the first customer's registration is the second row.
    await rows.nth(1).getByRole("button", { name: "Approve" }).click()
    await page.getByLabel("Note for the customer (optional)").fill("Receipt checked")
    await page.getByRole("button", { name: "Confirm approval" }).click()
    await page.getByText("Registration of RESOLD-0001 approved").waitFor()
    // Nothing waits any more: the other registration of the serial was rejected with it.
    await page.getByText("No registrations wait for a decision.").waitFor()

    const { serial_registrations } = await (await page.request.get("/admin/serial-registrations?limit=100")).json()
    const byId = Object.fromEntries(serial_registrations.map((r: any) => [r.id, r]))
    expect(byId[mine.registration.id]).toMatchObject({ status: "approved", note: "Receipt checked" })
    expect(byId[theirs.registration.id]).toMatchObject({ status: "rejected", note: 'Serial "RESOLD-0001" was registered to another customer' })
    const serial = (await (await page.request.get("/admin/serial-numbers?q=RESOLD-0001")).json()).serial_numbers[0]
    expect(serial.customer_id).toBe(first.customer.id)

    await page.getByRole("combobox", { name: "Status" }).click()
    await page.getByRole("option", { name: "Any status" }).click()
    await rows.nth(1).waitFor()
    expect((await rows.allTextContents()).map((t) => (t.includes("Approved") ? "Approved" : t.includes("Rejected") ? "Rejected" : t))).toEqual(["Rejected", "Approved"])
    await screenshot(page, "page-serial-registrations-decided")
  })

  it("shows the reports: serials by location and status with a chart, warranties ending, the ledger, each downloadable as CSV", async () => {
    const [soon] = (await (await page.request.get("/admin/serial-numbers?q=DR-&limit=1&order=serial_number")).json()).serial_numbers
    const ends = new Date(Date.now() + 10 * 86_400_000).toISOString()
    expect((await page.request.post(`/admin/serial-numbers/${soon.id}`, { data: { warranty_expires_at: ends } })).status()).toBe(200)
    const summary = await (await page.request.get("/admin/serial-reports/summary?limit=1000")).json()
    const total = summary.rows.reduce((n: number, r: any) => n + Number(r.total), 0)

    await page.goto("/app/serial-reports")
    await page.getByRole("heading", { name: "Serial reports" }).waitFor()
    const chart = page.getByRole("figure", { name: "Serials by location and status" })
    await chart.waitFor()
    // One bar per location: the totals shown add up to every serial.
    const barTotals = (await chart.locator(".grid > :last-child").allTextContents()).map((t) => Number(t.replace(/\D/g, "")))
    expect(barTotals.reduce((a, b) => a + b, 0)).toBe(total)
    await screenshot(page, "page-serial-reports")

    const [summaryFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()])
    const summaryCsv = await readDownload(summaryFile)
    expect(summaryCsv[0]).toBe("product_id,stock_location_id,total,inactive,active,reserved,delivered,expired,scrapped")
    expect(summaryCsv.slice(1).reduce((n, line) => n + Number(line.split(",")[2]), 0)).toBe(total)

    await page.getByRole("tab", { name: "Warranties ending" }).click()
    await page.getByRole("link", { name: soon.serial_number }).waitFor()
    // Warranties ending per month: twelve columns, each the server's count.
    const perMonth = (await (await page.request.get("/admin/serial-reports/expiries-by-month?months=12")).json()).months
    expect(perMonth.reduce((n: number, m: any) => n + m.warranty, 0)).toBeGreaterThan(0)
    const monthChart = page.getByRole("figure", { name: "Warranties ending per month" })
    await monthChart.waitFor()
    const columns = monthChart.getByTestId("expiries-month")
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="expiries-month"]').length === 12)
    const shown = await columns.evaluateAll((els) => els.map((e) => Number(e.firstElementChild!.textContent!.replace(/\D/g, ""))))
    expect(shown).toEqual(perMonth.map((m: any) => m.warranty))
    await screenshot(page, "page-serial-reports-warranty")

    await page.getByRole("tab", { name: "Ledger" }).click()
    await chooseOption(page, "Movement", "receive")
    await page.waitForURL(/type=receive/)
    const ledger = await (await page.request.get("/admin/serial-reports/ledger?type=receive&limit=1000")).json()
    await page.getByText(`of ${ledger.count}`, { exact: false }).first().waitFor()
    const [ledgerFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()])
    const ledgerCsv = await readDownload(ledgerFile)
    expect(ledgerCsv).toHaveLength(ledger.count + 1)
    expect(ledgerCsv.slice(1).every((line) => line.split(",")[2] === "receive")).toBe(true)

    // One serial's receipts, then those at a location: each asked of the server as one types.
    const [receivedOne] = ledger.rows
    await pickSearched(page, "Serial number", receivedOne.serial_number, receivedOne.serial_number)
    await page.waitForURL(new RegExp(`serial_number_id=${receivedOne.serial_number_id}`))
    await page.getByText("1 of 1", { exact: false }).first().waitFor()
    await page.getByRole("button", { name: "Serial number", exact: true }).click()
    await page.getByRole("option", { name: "Serial number: all" }).click()
    const [warehouse] = (await (await page.request.get("/admin/stock-locations?q=Demo&fields=id,name")).json()).stock_locations
    await pickSearched(page, "Location", "Demo", "Demo Warehouse")
    await page.waitForURL(new RegExp(`stock_location_id=${warehouse.id}`))
    const atWarehouse = await (await page.request.get(`/admin/serial-reports/ledger?type=receive&stock_location_id=${warehouse.id}&limit=1000`)).json()
    expect(atWarehouse.count).toBeGreaterThan(0)
    await page.getByText(`of ${atWarehouse.count}`, { exact: false }).first().waitFor()
    await screenshot(page, "page-serial-reports-ledger")
  })

  it("schedules maintenance from a serial's page: the server's visit days shown before saving, its refusal shown, then created", async () => {
    const [serial] = (await (await page.request.get("/admin/serial-numbers?status=active&limit=1&order=-serial_number")).json()).serial_numbers
    await page.goto(`/app/serial-numbers/${serial.id}`)
    await page.getByRole("button", { name: "Schedule maintenance" }).click()
    const form = page.getByTestId("maintenance-schedule-form")
    await form.getByLabel("Starts").fill("2027-01-31")
    await form.getByLabel("Visits").fill("4")
    await form.getByLabel("Technician (optional)").fill("Tess")
    // Monthly from Jan 31: the month ends, as the server's calendar rules give them.
    const expected = await (
      await page.request.post("/admin/maintenance-schedule-plans", {
        data: { type: "preventive", periodicity: "monthly", start_date: "2027-01-31", visit_count: 4, first_visit_on_start: false },
      })
    ).json()
    expect(expected.plan.visit_dates).toEqual(["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"])
    await form.getByTestId("schedule-plan").locator("li").nth(3).waitFor()
    expect(await form.getByTestId("schedule-plan").locator("li").count()).toBe(4)
    await screenshot(page, "page-serial-schedule-maintenance")

    // An end date before the start: the server's refusal, and no saving.
    await page.getByRole("combobox", { name: "Ends" }).click()
    await page.getByRole("option", { name: "On a date" }).click()
    await form.getByLabel("End date").fill("2026-12-31")
    await form.getByTestId("schedule-plan-error").filter({ hasText: "end_date 2026-12-31 is before start_date 2027-01-31" }).waitFor()
    expect(await form.getByRole("button", { name: "Create schedule" }).isDisabled()).toBe(true)

    await page.getByRole("combobox", { name: "Ends" }).click()
    await page.getByRole("option", { name: "After a number of visits" }).click()
    await form.getByTestId("schedule-plan").locator("li").nth(3).waitFor()
    await form.getByRole("button", { name: "Create schedule" }).click()
    await page.getByText("Schedule created with 4 visit(s)").waitFor()
    const { maintenance_visits } = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${serial.id}&order=scheduled_date&limit=10`)).json()
    expect(maintenance_visits.map((v: any) => [v.scheduled_date, v.technician])).toEqual(expected.plan.visit_dates.map((d: string) => [d, "Tess"]))

    // Edit it from the same page: another technician, whom its pending visits follow.
    await page.getByText("preventive · monthly").waitFor()
    await page.getByRole("button", { name: "Edit", exact: true }).click()
    const edit = page.getByTestId("maintenance-schedule-edit-form")
    await edit.getByLabel("Technician").fill("Theo")
    await edit.getByLabel("Notes").fill("Customer prefers mornings")
    await screenshot(page, "page-serial-schedule-edit")
    await edit.getByRole("button", { name: "Save" }).click()
    await page.getByText("Schedule saved").waitFor()
    await page.getByText(/preventive · monthly .* · active · Theo/).waitFor()
    const after = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${serial.id}&order=scheduled_date&limit=10`)).json()
    expect(after.maintenance_visits.map((v: any) => v.technician)).toEqual(["Theo", "Theo", "Theo", "Theo"])

    // Plan it again with other rules, the new visit days shown first: quarterly, two visits.
    await page.getByRole("button", { name: "Edit", exact: true }).click()
    await page.getByRole("button", { name: "Change the plan" }).click()
    const replan = page.getByTestId("maintenance-schedule-edit-form").getByTestId("maintenance-schedule-form")
    await chooseOption(page, "Every", "Quarterly")
    await replan.getByLabel("Visits").fill("2")
    // The preview follows the rules once the server has planned them: two quarterly days.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="maintenance-schedule-edit-form"] [data-testid="schedule-plan"] li').length === 2
    )
    const quarterly = await (
      await page.request.post("/admin/maintenance-schedule-plans", {
        data: { type: "preventive", periodicity: "quarterly", start_date: "2027-01-31", visit_count: 2, first_visit_on_start: false },
      })
    ).json()
    expect(quarterly.plan.visit_dates).toEqual(["2027-04-30", "2027-07-31"])
    await screenshot(page, "page-serial-schedule-replan")
    // The request the click sends, awaited with it: a click that sends none, or a refusal,
    // fails here by name rather than as a toast that never shows.
    const [replanResponse] = await Promise.all([
      page.waitForResponse((r) => /\/admin\/maintenance-schedules\/[^/]+\/replan$/.test(r.url()) && r.request().method() === "POST"),
      replan.getByRole("button", { name: "Plan again" }).click(),
    ])
    expect(replanResponse.status()).toBe(201)
    await page.getByText("Planned again with 2 visits").waitFor()
    await page.getByText(/preventive · quarterly .* · active · Theo/).waitFor()
    await page.getByText(/preventive · monthly .* · cancelled/).waitFor()
    const replanned = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${serial.id}&order=scheduled_date&limit=10`)).json()
    expect(replanned.maintenance_visits.map((v: any) => v.status).sort()).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "pending", "pending"])
    expect(replanned.maintenance_visits.filter((v: any) => v.status === "pending").map((v: any) => [v.scheduled_date, v.technician])).toEqual(
      quarterly.plan.visit_dates.map((d: string) => [d, "Theo"])
    )

    // And cancel the new one: its pending visits go with it.
    await page.locator("li").filter({ hasText: /quarterly .* · active/ }).getByRole("button", { name: "Edit", exact: true }).click()
    await page.getByTestId("maintenance-schedule-edit-form").getByRole("button", { name: "Cancel schedule" }).click()
    await page.getByRole("button", { name: "Cancel schedule" }).last().click()
    await page.getByText("Schedule cancelled").waitFor()
    await page.getByText(/preventive · quarterly .* · cancelled/).waitFor()
    const cancelled = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${serial.id}&limit=10`)).json()
    expect(cancelled.maintenance_visits.map((v: any) => v.status)).toEqual(Array(6).fill("cancelled"))
  })

  it("logs a breakdown visit from a serial's page with its outcome, shown in the serial's visits", async () => {
    const [serial] = (await (await page.request.get("/admin/serial-numbers?status=active&limit=1&order=serial_number")).json()).serial_numbers
    await page.goto(`/app/serial-numbers/${serial.id}`)
    await page.getByRole("button", { name: "Log a visit" }).click()
    const form = page.getByTestId("maintenance-visit-form")
    await form.getByLabel("Day").fill("2026-11-30")
    await page.getByRole("combobox", { name: "Outcome" }).click()
    await page.getByRole("option", { name: "Partly done (another visit needed)" }).click()
    await form.getByLabel("Technician (optional)").fill("Tom")
    await form.getByLabel("What was found or done (optional)").fill("Motor brushes worn; parts ordered")
    await screenshot(page, "page-serial-log-visit")
    await form.getByRole("button", { name: "Log visit" }).click()
    await page.getByText("Visit logged").waitFor()
    await page.getByRole("cell", { name: "Motor brushes worn; parts ordered" }).waitFor()
    const { maintenance_visits } = await (await page.request.get(`/admin/maintenance-visits?serial_number_id=${serial.id}&kind=breakdown`)).json()
    expect(maintenance_visits).toEqual([
      expect.objectContaining({
        kind: "breakdown",
        status: "partially_completed",
        scheduled_date: "2026-11-30",
        technician: "Tom",
        notes: "Motor brushes worn; parts ordered",
      }),
    ])
  })

  it("files a warranty claim from a serial's page, its coverage shown before filing, then opens the claim", async () => {
    const [serial] = (await (await page.request.get("/admin/serial-numbers?status=active&limit=1&order=-serial_number")).json()).serial_numbers
    expect((await page.request.post(`/admin/serial-numbers/${serial.id}`, { data: { warranty_expires_at: "2030-01-01T00:00:00.000Z" } })).status()).toBe(200)
    await page.goto(`/app/serial-numbers/${serial.id}`)
    await page.getByRole("button", { name: "File a claim" }).click()
    const form = page.getByTestId("warranty-claim-form")
    await form.getByText("Covered by its warranty until").waitFor()
    await form.getByLabel("Problem").fill("Battery does not hold a charge")
    await screenshot(page, "page-serial-file-claim")
    await form.getByRole("button", { name: "File claim" }).click()
    await page.getByRole("heading", { name: /Claim #/ }).waitFor()
    await page.getByText("Battery does not hold a charge").first().waitFor()
    const { warranty_claims } = await (await page.request.get(`/admin/warranty-claims?serial_number_id=${serial.id}`)).json()
    expect(warranty_claims).toEqual([expect.objectContaining({ description: "Battery does not hold a charge", covered: true, status: "open" })])
    expect(page.url()).toContain(`/warranty-claims/${warranty_claims[0].id}`)
  })

  it("filters the serial list by a customer found by typing, the server searching as one types; kept over a reload", async () => {
    // RESOLD-0001 became first-owner@example.com's by the registration test above.
    const [owner] = (await (await page.request.get("/admin/customers?q=first-owner&fields=id,email")).json()).customers
    await page.goto("/app/serial-numbers")
    await page.getByRole("button", { name: "Customer" }).click()
    await page.getByRole("searchbox", { name: "Search customer" }).fill("first-own")
    const option = page.getByRole("option", { name: "Ada Lovelace (first-owner@example.com)" })
    await option.waitFor()
    // The server's matches only ("all" and the one customer): the other shoppers, listed
    // before the text was typed, go once the search answers.
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Customer matches"] [role=option]').length === 2)
    expect(await page.getByRole("listbox", { name: "Customer matches" }).getByRole("option").allTextContents()).toEqual([
      "Customer: all",
      "Ada Lovelace (first-owner@example.com)",
    ])
    await screenshot(page, "page-serial-numbers-customer-search")
    await option.click()
    await page.waitForURL(new RegExp(`customer_id=${owner.id}`))
    // The unfiltered rows stay until the filtered page arrives.
    await page.waitForFunction(() => document.querySelectorAll("tbody tr td.font-mono").length === 1)
    expect((await serialCells(page).allTextContents()).map((t) => t.trim())).toEqual(["RESOLD-0001"])
    await page.reload()
    await page.getByRole("button", { name: "Customer" }).filter({ hasText: "first-owner@example.com" }).waitFor()
  })

  it("shows a week's agenda of visits beside the overdue ones, narrowed to a technician", async () => {
    const [one, two] = (await (await page.request.get("/admin/serial-numbers?q=DR-&limit=2&order=serial_number")).json()).serial_numbers
    const today = new Date().toISOString().slice(0, 10)
    const nextMonday = shiftDay(weekStart(today), 7)
    const log = async (serial: any, day: string, technician: string, kind: string) =>
      expect(
        (await page.request.post("/admin/maintenance-visits", { data: { serial_number_id: serial.id, kind, scheduled_date: day, technician } })).status()
      ).toBe(201)
    await log(one, shiftDay(nextMonday, 1), "Tom Becker", "breakdown")
    await log(two, shiftDay(nextMonday, 3), "Ann Meyer", "unscheduled")
    await log(two, shiftDay(today, -3), "Tom Becker", "unscheduled")

    await page.goto("/app/maintenance?tab=agenda")
    await page.getByTestId("visit-agenda").waitFor()
    await page.getByRole("button", { name: "Next week" }).click()
    await page.waitForURL(new RegExp(`week=${nextMonday}`))
    const tuesday = page.getByRole("region", { name: shiftDay(nextMonday, 1) })
    const thursday = page.getByRole("region", { name: shiftDay(nextMonday, 3) })
    await tuesday.getByText("Breakdown · Tom Becker").waitFor()
    await thursday.getByText("Unscheduled · Ann Meyer").waitFor()
    const overdue = page.getByRole("region", { name: "Overdue" })
    await overdue.getByText(two.serial_number).first().waitFor()
    await screenshot(page, "page-maintenance-agenda")

    await page.getByRole("combobox", { name: "Technician" }).click()
    await page.getByRole("option", { name: "Tom Becker" }).click()
    await page.waitForURL(/technician=Tom/)
    await thursday.getByText("Unscheduled · Ann Meyer").waitFor({ state: "detached" })
    await tuesday.getByText("Breakdown · Tom Becker").waitFor()
    // Every card left is Tom's.
    const cards = await page.getByTestId("agenda-visit").allTextContents()
    expect(cards.length).toBeGreaterThan(1)
    expect(cards.every((c) => c.includes("Tom Becker"))).toBe(true)
  })

  it("speaks German to an admin user who chose it: menu, pages, statuses, dates, and no key left untranslated", async () => {
    const de = (area: string) => require(`../../src/admin/i18n/de/${area}.json`)
    const [claims, maintenance, serialList, common] = ["claims", "maintenance", "serialList", "common"].map(de)
    // Medusa's admin keeps the language in the `lng` cookie and local storage.
    const setLanguage = async (lng: string) => {
      await page.context().addCookies([{ name: "lng", value: lng, url: running.url }])
      await page.evaluate((l) => localStorage.setItem("lng", l), lng)
    }
    await setLanguage("de")
    try {
      await page.goto("/app/warranty-claims")
      await page.getByRole("heading", { name: claims.title }).waitFor()
      await page.getByRole("link", { name: serialList.menu }).first().waitFor()
      await page.getByRole("link", { name: maintenance.menu }).first().waitFor()
      await page.getByText(common.claimStatus.resolved).first().waitFor()
      await screenshot(page, "page-warranty-claims-de")

      await page.getByText("Motor stops under load").click()
      await page.getByText(claims.detail.coverageWhenFiled).waitFor()
      await page.getByText(claims.repairCost).waitFor()
      // Amounts and dates as German writes them.
      await page.getByText("45,50 €").waitFor()
      expect(await page.locator("body").innerText()).toMatch(/\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. \w+\.? \d{4}/)
      await screenshot(page, "page-warranty-claim-detail-de")

      await page.goto("/app/maintenance?tab=agenda")
      await page.getByRole("tab", { name: maintenance.tabs.agenda }).waitFor()
      await page.getByTestId("visit-agenda").waitFor()
      await page.goto("/app/serial-numbers?status=active")
      await page.getByRole("heading", { name: serialList.title }).waitFor()
      await serialCells(page).first().waitFor()
      await page.getByRole("cell", { name: common.serialStatus.active }).first().waitFor()
      await screenshot(page, "page-serial-numbers-de")
      // A key the German file lacked would show as its path.
      for (const path of ["/app/warranty-claims", "/app/maintenance?tab=agenda", "/app/serial-numbers", "/app/serial-receipts", "/app/serial-reports"]) {
        await page.goto(path)
        await page.getByRole("heading").first().waitFor()
        await page.waitForLoadState("networkidle")
        expect([path, (await page.locator("body").innerText()).match(/serials\.[A-Za-z]+\.[A-Za-z.]+/)?.[0] ?? null]).toEqual([path, null])
      }
    } finally {
      await setLanguage("en")
    }
  })
})

/** A downloaded file's lines (the last, empty one dropped). */
async function readDownload(download: import("playwright-core").Download): Promise<string[]> {
  const file = await download.path()
  return require("fs").readFileSync(file, "utf8").split("\n").filter((line: string) => line.length > 0)
}
