import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { once } from "events"
import { SERIAL_MODULE } from "../../../../modules/serial"
import type SerialModuleService from "../../../../modules/serial/service"
import { protectCell, SERIAL_CSV_COLUMNS } from "../../../../modules/serial/lib/serial-csv"
import { serialImportCatalogue } from "../../../../workflows/utils/serial-catalogue"

/** Serials read per query: one page of the keyset walk. */
const EXPORT_BATCH_SIZE = 2000

const EXPORT_SELECT = [
  "id",
  "serial_number",
  "variant_id",
  "status",
  "stock_location_id",
  "supplier_name",
  "supplier_reference",
  "unit_cost",
  "received_at",
  "delivered_at",
  "warranty_starts_at",
  "warranty_expires_at",
  "contract_expires_at",
  "end_of_life_at",
  "notes",
  "metadata",
]

/**
 * Streams every serial matching `filters` as CSV, in the import's columns, walking the
 * table by id (keyset pages), so a million serials are never in memory together and the
 * pages do not slow down as they go deeper, as offset pages would.
 */
export async function writeSerialExport(req: MedusaRequest, res: MedusaResponse, filters: Record<string, unknown>) {
  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  const catalogue = serialImportCatalogue(req.scope)
  const skuByVariant = new Map<string, string | null>()

  const day = new Date().toISOString().slice(0, 10)
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="serial-numbers-${day}.csv"`)
  res.setHeader("Cache-Control", "no-store")

  const csv = stringify({ header: true, columns: [...SERIAL_CSV_COLUMNS] })
  csv.pipe(res)
  let closed = false
  res.on("close", () => {
    closed = true
  })

  let after: string | null = null
  try {
    while (!closed) {
      const page: any[] = await service.listSerialNumbers(
        // An `id` filter (serials chosen one by one) and the keyset bound must both hold.
        after ? (filters.id ? { $and: [filters, { id: { $gt: after } }] } : { ...filters, id: { $gt: after } }) : filters,
        { select: EXPORT_SELECT, take: EXPORT_BATCH_SIZE, order: { id: "ASC" } }
      )
      if (!page.length) {
        break
      }
      const unknown = [...new Set(page.map((s) => s.variant_id))].filter((id) => !skuByVariant.has(id))
      if (unknown.length) {
        const variants = await catalogue.variantsByIds(unknown)
        unknown.forEach((id) => skuByVariant.set(id, null))
        variants.forEach((v) => skuByVariant.set(v.id, v.sku))
      }
      for (const s of page) {
        if (!csv.write(toCsvRow(s, skuByVariant.get(s.variant_id) ?? null))) {
          await once(csv, "drain")
        }
      }
      after = page[page.length - 1].id
      if (page.length < EXPORT_BATCH_SIZE) {
        break
      }
    }
    csv.end()
  } catch (e) {
    // The status line is sent: a cut-off download is the only honest answer left.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(e as Error)
    csv.destroy()
    res.destroy()
  }
}

function toCsvRow(s: Record<string, any>, sku: string | null): Record<string, string> {
  const date = (v: unknown) => (v ? new Date(v as string).toISOString() : "")
  return {
    serial_number: protectCell(s.serial_number),
    sku: protectCell(sku ?? ""),
    variant_id: s.variant_id,
    status: s.status,
    location: s.stock_location_id ?? "",
    supplier: protectCell(s.supplier_name ?? ""),
    supplier_reference: protectCell(s.supplier_reference ?? ""),
    unit_cost: s.unit_cost === null || s.unit_cost === undefined ? "" : String(Number(s.unit_cost)),
    received_at: date(s.received_at),
    delivered_at: date(s.delivered_at),
    warranty_starts_at: date(s.warranty_starts_at),
    warranty_expires_at: date(s.warranty_expires_at),
    contract_expires_at: date(s.contract_expires_at),
    end_of_life_at: date(s.end_of_life_at),
    notes: protectCell(s.notes ?? ""),
    metadata: s.metadata ? JSON.stringify(s.metadata) : "",
  }
}
