/**
 * The CSV import of serials: units that exist already (in a warehouse, sold before the
 * plugin, written off) recorded in one go. Rows arrive as a stream and are handled in
 * batches: each batch is checked against the file so far, the catalogue and the database,
 * then written in one statement. Everything runs in the caller's transaction, which is
 * rolled back when any row is wrong (all or nothing), so a file of 100,000 rows is never
 * held in memory as a whole: only one batch, the serial keys seen so far (to find repeats)
 * and the line numbers of rows put in stock (to name the row that exceeds the stock).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { generateId, SqlManager } from "./sql"
import { newOperationId } from "./ids"
import { ledgerSql, type LedgerRow } from "../repositories/serial-ledger-entry"
import { pairKey } from "./pair-key"
import {
  CsvFileError,
  CsvHeader,
  clip,
  ImportProblem,
  isBlankRecord,
  parseHeader,
  parseRow,
  ParsedRow,
} from "./serial-csv"
import { warrantyFor } from "./warranty"
import { advisoryLockSql } from "../repositories/advisory-lock"
import { importSql } from "../repositories/serial-import"
import { serialSql } from "../repositories/serial-number"

export const IMPORT_BATCH_SIZE = 1000
/** Problems listed in the answer; all of them are counted. */
export const MAX_LISTED_PROBLEMS = 1000
export const MAX_IMPORT_ROWS = 1_000_000

/** One record of the file as the CSV reader hands it over. */
export type CsvRecord = { line: number; cells: string[] }

export type CatalogueVariant = {
  id: string
  sku: string | null
  product_id: string | null
  inventory_item_id: string | null
  manage_inventory: boolean
}

/**
 * What the import needs to know from other modules (products, stock locations, inventory).
 * The module cannot read them itself; the caller passes an implementation over Medusa's query.
 */
export interface SerialImportCatalogue {
  variantsByIds(ids: string[]): Promise<CatalogueVariant[]>
  variantsBySkus(skus: string[]): Promise<CatalogueVariant[]>
  /** Locations whose id, or exact name, is one of `refs`. */
  locationsByIdsOrNames(refs: string[]): Promise<Array<{ id: string; name: string | null }>>
  /** Medusa's stocked quantity of inventory items at locations (no level: absent). */
  stockedQuantities(
    pairs: Array<{ inventory_item_id: string; location_id: string }>
  ): Promise<Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number }>>
}

export type VariantSerialSettings = {
  is_serialized: boolean
  warranty_value?: number | null
  warranty_unit?: string | null
}

export type ImportDeps = {
  manager: SqlManager
  catalogue: SerialImportCatalogue
  settings: (variantIds: string[]) => Promise<Map<string, VariantSerialSettings>>
  scopeKey: (variantId: string) => string
  uniquenessScope: "global" | "per_variant"
}

export type ImportOptions = {
  dry_run: boolean
  actor_id?: string | null
  /** Called after each batch with the number of data rows read so far. */
  onProgress?: (processed: number) => void | Promise<void>
}

export type ImportReport = {
  /** Reference of the import in the serials' ledger; null on a dry run. */
  id: string | null
  dry_run: boolean
  /** Data rows read (blank lines are not rows). */
  rows: number
  created: number
  error_count: number
  errors: ImportProblem[]
  created_ids: string[]
}

type LocationMatch = { id: string; name: string | null } | null | "ambiguous"

/** A row that passed every check of its own and is ready to be written. */
type ReadyRow = {
  parsed: ParsedRow
  variant: CatalogueVariant
  location_id: string | null
  scope_key: string
  warranty_starts_at: string | null
  warranty_expires_at: string | null
}

/** Rows put in stock at one variant and location by this file. */
type StockPair = {
  variant: CatalogueVariant
  location: { id: string; name: string | null }
  rows: number[]
  written: number
}

export async function runSerialImport(
  records: AsyncIterable<CsvRecord>,
  deps: ImportDeps,
  options: ImportOptions
): Promise<ImportReport> {
  const importId = options.dry_run ? null : generateId("snimp")
  const report: ImportReport = {
    id: importId,
    dry_run: options.dry_run,
    rows: 0,
    created: 0,
    error_count: 0,
    errors: [],
    created_ids: [],
  }
  const addProblem = (p: ImportProblem) => {
    report.error_count++
    if (report.errors.length < MAX_LISTED_PROBLEMS) {
      report.errors.push(p)
    }
  }

  const variantById = new Map<string, CatalogueVariant | null>()
  const variantBySku = new Map<string, CatalogueVariant | null>()
  const locationByRef = new Map<string, LocationMatch>()
  const settingsByVariant = new Map<string, VariantSerialSettings | null>()
  /** Serial key (scope + normalized text) -> line of its first row in the file. */
  const firstRowOfSerial = new Map<string, number>()
  const stockPairs = new Map<string, StockPair>()

  let header: CsvHeader | null = null
  let batch: ParsedRow[] = []

  const flush = async () => {
    if (!batch.length) {
      return
    }
    const rows = batch
    batch = []
    await resolveCatalogue(rows)
    const ready = checkRows(rows)
    await checkExisting(ready)
    if (!options.dry_run && report.error_count === 0) {
      await write(ready)
    }
    await options.onProgress?.(report.rows)
  }

  const resolveCatalogue = async (rows: ParsedRow[]) => {
    const ids = unseen(rows.map((r) => r.variant_id), variantById)
    if (ids.length) {
      const found = await deps.catalogue.variantsByIds(ids)
      ids.forEach((id) => variantById.set(id, null))
      found.forEach((v) => variantById.set(v.id, v))
    }
    const skus = unseen(rows.filter((r) => !r.variant_id).map((r) => r.sku), variantBySku)
    if (skus.length) {
      const found = await deps.catalogue.variantsBySkus(skus)
      skus.forEach((s) => variantBySku.set(s, null))
      found.forEach((v) => v.sku && variantBySku.set(v.sku, v))
    }
    // A row naming both is checked against the variant the SKU names.
    const bothSkus = unseen(rows.filter((r) => r.variant_id && r.sku).map((r) => r.sku), variantBySku)
    if (bothSkus.length) {
      const found = await deps.catalogue.variantsBySkus(bothSkus)
      bothSkus.forEach((s) => variantBySku.set(s, null))
      found.forEach((v) => v.sku && variantBySku.set(v.sku, v))
    }
    const refs = unseen(rows.map((r) => r.location), locationByRef)
    if (refs.length) {
      const found = await deps.catalogue.locationsByIdsOrNames(refs)
      for (const ref of refs) {
        const byId = found.find((l) => l.id === ref)
        const byName = found.filter((l) => l.name === ref)
        locationByRef.set(ref, byId ?? (byName.length > 1 ? "ambiguous" : byName[0] ?? null))
      }
    }
    const variantIds = [...new Set([...variantById.values(), ...variantBySku.values()].filter((v) => v).map((v) => v!.id))]
    const newSettings = variantIds.filter((id) => !settingsByVariant.has(id))
    if (newSettings.length) {
      const found = await deps.settings(newSettings)
      newSettings.forEach((id) => settingsByVariant.set(id, found.get(id) ?? null))
    }
  }

  const checkRows = (rows: ParsedRow[]): ReadyRow[] => {
    const ready: ReadyRow[] = []
    for (const r of rows) {
      const problems = [...r.problems]
      const problem = (column: string | null, value: string | null, message: string) =>
        problems.push({ row: r.row, column, value: value === null ? null : clip(value), message })

      let variant: CatalogueVariant | null = null
      if (r.variant_id) {
        variant = variantById.get(r.variant_id) ?? null
        if (!variant) {
          problem("variant_id", r.variant_id, `No product variant has the id '${clip(r.variant_id)}'`)
        } else if (r.sku) {
          const bySku = variantBySku.get(r.sku)
          if (bySku?.id !== variant.id) {
            problem(
              "sku",
              r.sku,
              `SKU '${clip(r.sku)}' does not belong to variant ${variant.id}` +
                (variant.sku ? ` (whose SKU is '${variant.sku}')` : " (which has no SKU)") +
                "; give one of them or make them agree"
            )
            variant = null
          }
        }
      } else if (r.sku) {
        variant = variantBySku.get(r.sku) ?? null
        if (!variant) {
          problem("sku", r.sku, `No product variant has the SKU '${clip(r.sku)}'`)
        }
      }
      if (variant && !settingsByVariant.get(variant.id)?.is_serialized) {
        problem(
          r.sku ? "sku" : "variant_id",
          r.sku ?? r.variant_id,
          `Variant ${variant.sku ?? variant.id} is not serialized; turn serial tracking on in its settings first`
        )
        variant = null
      }

      let location: { id: string; name: string | null } | null = null
      if (r.location) {
        const match = locationByRef.get(r.location)
        if (match === "ambiguous") {
          problem("location", r.location, `Several stock locations are named '${clip(r.location)}'; give the location's id`)
        } else if (!match) {
          problem("location", r.location, `No stock location has the id or name '${clip(r.location)}'`)
        } else {
          location = match
        }
      }
      if (variant && r.status === "active" && (!variant.manage_inventory || !variant.inventory_item_id)) {
        problem(
          "status",
          r.status_given ? "active" : "",
          `Variant ${variant.sku ?? variant.id} does not manage inventory, so its serials cannot be in stock; import them as 'inactive' or 'delivered'`
        )
      }

      let scopeKey: string | null = null
      if (variant && r.normalized) {
        scopeKey = deps.scopeKey(variant.id)
        const key = `${scopeKey}\u0000${r.normalized}`
        const first = firstRowOfSerial.get(key)
        if (first !== undefined) {
          problem(
            "serial_number",
            r.serial_number,
            `Serial '${r.serial_number}' is already on row ${first} of this file` +
              (deps.uniquenessScope === "per_variant" ? " for the same variant" : "") +
              " (serials are compared without regard to case)"
          )
        } else {
          firstRowOfSerial.set(key, r.row)
        }
      }

      problems.forEach(addProblem)
      if (problems.length || !variant || scopeKey === null) {
        continue
      }
      let warrantyStarts = r.dates.warranty_starts_at ?? null
      let warrantyExpires = r.dates.warranty_expires_at ?? null
      // A unit delivered before the plugin gets the variant's warranty unless the file says otherwise.
      if (r.status === "delivered" && r.dates.delivered_at && !warrantyStarts && !warrantyExpires) {
        const w = warrantyFor(settingsByVariant.get(variant.id) as any, new Date(r.dates.delivered_at))
        if (w) {
          warrantyStarts = w.starts_at.toISOString()
          warrantyExpires = w.expires_at.toISOString()
        }
      }
      ready.push({
        parsed: r,
        variant,
        location_id: location?.id ?? null,
        scope_key: scopeKey,
        warranty_starts_at: warrantyStarts,
        warranty_expires_at: warrantyExpires,
      })
      if (r.status === "active" && location) {
        const k = pairKey(variant.id, location.id)
        const pair = stockPairs.get(k) ?? { variant, location, rows: [], written: 0 }
        pair.rows.push(r.row)
        stockPairs.set(k, pair)
      }
    }
    return ready
  }

  const checkExisting = async (ready: ReadyRow[]) => {
    const taken = await importSql.takenKeys(
      deps.manager,
      ready.map((r) => ({ normalized: r.parsed.normalized!, scope_key: r.scope_key }))
    )
    if (!taken.length) {
      return
    }
    const byKey = new Map(taken.map((t) => [`${t.scope_key}\u0000${t.normalized}`, t]))
    for (let i = ready.length - 1; i >= 0; i--) {
      const r = ready[i]
      const existing = byKey.get(`${r.scope_key}\u0000${r.parsed.normalized}`)
      if (existing) {
        addProblem({
          row: r.parsed.row,
          column: "serial_number",
          value: clip(r.parsed.serial_number!),
          message:
            `Serial '${existing.serial_number}' already exists` +
            (deps.uniquenessScope === "per_variant" ? ` for variant ${r.variant.sku ?? r.variant.id}` : "") +
            " (serials are compared without regard to case)",
        })
        ready.splice(i, 1)
      }
    }
  }

  const write = async (ready: ReadyRow[]) => {
    const rows = ready.map((r) => ({
      id: generateId("sn"),
      serial_number: r.parsed.serial_number!,
      normalized: r.parsed.normalized!,
      scope_key: r.scope_key,
      variant_id: r.variant.id,
      product_id: r.variant.product_id,
      inventory_item_id: r.variant.inventory_item_id,
      status: r.parsed.status!,
      stock_location_id: r.location_id,
      supplier_name: r.parsed.supplier_name,
      supplier_reference: r.parsed.supplier_reference,
      unit_cost: r.parsed.unit_cost,
      received_at: r.parsed.dates.received_at ?? null,
      delivered_at: r.parsed.dates.delivered_at ?? null,
      warranty_starts_at: r.warranty_starts_at,
      warranty_expires_at: r.warranty_expires_at,
      contract_expires_at: r.parsed.dates.contract_expires_at ?? null,
      end_of_life_at: r.parsed.dates.end_of_life_at ?? null,
      notes: r.parsed.notes,
      metadata: r.parsed.metadata,
    }))
    if ((await serialSql.insertSerials(deps.manager, rows)).length) {
      // Another import or receipt committed the same serial after this one checked.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "Import refused: a serial in the file was created by someone else while the file was being imported; nothing was imported, try again"
      )
    }
    const ledger: LedgerRow[] = rows.map((s, i) => ({
      serial_number_id: s.id,
      serial_number: s.serial_number,
      // An inactive serial is what a direct creation makes (and may be deleted like one);
      // any other status is a unit that had a life before the plugin.
      type: s.status === "inactive" ? "create" : "import",
      from_status: null,
      to_status: s.status,
      from_location_id: null,
      to_location_id: s.stock_location_id,
      reference_type: "import",
      reference_id: importId,
      actor_type: options.actor_id ? "user" : null,
      actor_id: options.actor_id ?? null,
      data: { row: ready[i].parsed.row },
    }))
    // Undone by purging the imported serials, rows and all.
    await ledgerSql.append(deps.manager, newOperationId(), ledger)
    for (const r of ready) {
      if (r.parsed.status === "active" && r.location_id) {
        stockPairs.get(pairKey(r.variant.id, r.location_id))!.written++
      }
    }
    report.created += rows.length
    for (const s of rows) {
      report.created_ids.push(s.id)
    }
  }

  /**
   * Serials in stock must not outnumber Medusa's stocked quantity (the plugin's invariant).
   * Checked once the whole file is read, under the same per-variant-and-location locks as
   * the other stock paths, taken in one order so that two imports cannot deadlock.
   */
  const checkStock = async () => {
    const pairs = [...stockPairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p)
    if (!pairs.length) {
      return
    }
    if (!options.dry_run) {
      for (const p of pairs) {
        await advisoryLockSql.lockKey(deps.manager, `serial-stock:${p.variant.id}:${p.location.id}`)
      }
    }
    const inStock = await importSql.countInStock(
      deps.manager,
      pairs.map((p) => ({ variant_id: p.variant.id, location_id: p.location.id }))
    )
    const levels = await deps.catalogue.stockedQuantities(
      pairs.map((p) => ({ inventory_item_id: p.variant.inventory_item_id!, location_id: p.location.id }))
    )
    const stocked = new Map(levels.map((l) => [`${l.inventory_item_id}\u0000${l.location_id}`, l.stocked_quantity]))
    for (const p of pairs) {
      const medusa = stocked.get(`${p.variant.inventory_item_id}\u0000${p.location.id}`) ?? 0
      // What this import wrote itself is in the count already; the rest was there before.
      const before = (inStock.get(pairKey(p.variant.id, p.location.id)) ?? 0) - p.written
      const room = Math.max(0, medusa - before)
      if (p.rows.length <= room) {
        continue
      }
      const where = p.location.name ? `${p.location.name} (${p.location.id})` : p.location.id
      addProblem({
        row: p.rows[room],
        column: "location",
        value: clip(p.location.id),
        message:
          `Too many serials of ${p.variant.sku ?? p.variant.id} in stock at ${where}: Medusa stocks ${medusa} there ` +
          `and ${before} serial${before === 1 ? " is" : "s are"} in stock already, so ${room} more can be; ` +
          `this file puts ${p.rows.length} there (the first one too many is on row ${p.rows[room]}). ` +
          `Raise the stock in Medusa first, or import the extra serials as 'inactive'`,
      })
    }
  }

  try {
    for await (const record of records) {
      if (!header) {
        header = parseHeader(record.cells, record.line)
        continue
      }
      if (isBlankRecord(record.cells)) {
        continue
      }
      if (report.rows >= MAX_IMPORT_ROWS) {
        addProblem({
          row: record.line,
          column: null,
          value: null,
          message: `The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files`,
        })
        break
      }
      report.rows++
      batch.push(parseRow(header, record.cells, record.line))
      if (batch.length >= IMPORT_BATCH_SIZE) {
        await flush()
      }
    }
  } catch (e) {
    // A CSV syntax error after the header ends the reading; it is reported with the rest.
    if (!(e instanceof CsvFileError) || !header) {
      throw e
    }
    e.problems.forEach(addProblem)
  }
  if (!header) {
    throw new CsvFileError("The file is empty: it needs a header row and one row per serial", [
      { row: null, column: null, value: null, message: "The file is empty" },
    ])
  }
  await flush()
  if (report.rows === 0 && report.error_count === 0) {
    throw new CsvFileError("The file has a header row but no serials", [
      { row: null, column: null, value: null, message: "The file has a header row but no serials" },
    ])
  }
  await checkStock()
  report.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  if (report.error_count) {
    report.created = 0
    report.created_ids = []
  }
  return report
}

function unseen(values: Array<string | null>, cache: Map<string, unknown>): string[] {
  return [...new Set(values.filter((v): v is string => !!v && !cache.has(v)))]
}
