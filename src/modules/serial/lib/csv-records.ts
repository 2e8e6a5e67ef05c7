/**
 * Reads a CSV byte stream into records with the line each starts on, as `csv-parse`
 * streams them (one record in memory at a time). A syntax error becomes a `CsvFileError`
 * naming its line, so the import can report it like any other problem.
 */
import { CsvError, parse } from "csv-parse"
import type { Readable } from "stream"
import type { CsvRecord } from "./import-engine"
import { CsvFileError } from "./serial-csv"

/** A record longer than this is a runaway quote, not a serial. */
const MAX_RECORD_CHARS = 64 * 1024

export async function* csvRecords(source: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD_CHARS,
  })
  source.on("error", (e) => parser.destroy(e))
  source.pipe(parser)
  // csv-parse gives the raw text of each record, including blank lines skipped before it:
  // counting its line breaks keeps the line number of the next record exact.
  let line = 1
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = /^[\r\n]*/.exec(raw)![0]
      line += lineBreaks(leading)
      yield { line, cells: record }
      line += lineBreaks(raw.slice(leading.length))
    }
  } catch (e: any) {
    // Every syntax error of csv-parse is a CsvError; their codes do not all start with
    // CSV_ (a quote inside an unquoted value is INVALID_OPENING_QUOTE).
    if (e instanceof CsvError) {
      const at = typeof e.lines === "number" ? e.lines : null
      const message = `The file is not valid CSV${at ? ` at line ${at}` : ""}: ${String(e.message).slice(0, 200)}`
      throw new CsvFileError(message, [{ row: at, column: null, value: null, message }])
    }
    throw e
  } finally {
    source.unpipe(parser)
  }
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length
}
