import { randomUUID } from "crypto"
import type { CsvRecord } from "../../modules/serial/lib/import-engine"

/**
 * The CSV files being imported, by key, for the import step. A request body is a stream
 * and its progress report a callback, and a workflow's input is copied as data, which
 * would lose both; so the route registers them here, runs the workflow with the key, and
 * releases the key when the workflow ends. Workflows run in the process that starts them,
 * so the step finds them.
 */
export type ImportSource = {
  records: AsyncIterable<CsvRecord>
  /** Called after each batch with the number of data rows read so far. */
  onProgress?: (processed: number) => void | Promise<void>
}

const sources = new Map<string, ImportSource>()

export function registerImportSource(source: ImportSource): { key: string; release: () => void } {
  const key = randomUUID()
  sources.set(key, source)
  return { key, release: () => sources.delete(key) }
}

export function importSource(key: string): ImportSource {
  const source = sources.get(key)
  if (!source) {
    throw new Error(`No CSV file is registered for import ${key}: registerImportSource() must run in this process first`)
  }
  return source
}
