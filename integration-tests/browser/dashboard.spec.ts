import type { Browser } from "playwright-core"
import { adminPage, launchBrowser, screenshot, startStore, type RunningStore } from "../helpers/browser"

jest.setTimeout(2 * 60 * 1000)
// Starting the store may build it first (`medusa build`, minutes on a busy machine).
const STORE_START_TIMEOUT = 30 * 60 * 1000

describe("admin dashboard in chromium", () => {
  let running: RunningStore
  let browser: Browser

  beforeAll(async () => {
    running = await startStore("dashboard")
    browser = await launchBrowser()
  }, STORE_START_TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await running?.stop()
  }, 60 * 1000)

  it("logs the demo admin in and shows the dashboard", async () => {
    const { context, page } = await adminPage(browser, running)
    try {
      // The dashboard lands on the orders list, with the main menu beside it.
      await page.getByRole("heading", { name: "Orders" }).waitFor()
      await page.getByRole("link", { name: "Products" }).first().waitFor()
      expect(new URL(page.url()).pathname).toBe("/app/orders")
      // The plugin's pages are in the menu.
      expect(await page.getByRole("link", { name: "Serial numbers" }).count()).toBeGreaterThanOrEqual(1)
      await screenshot(page, "dashboard")
    } finally {
      await context.close()
    }
  })
})
