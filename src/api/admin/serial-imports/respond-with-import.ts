import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { csvRecords } from "../../../modules/serial/lib/csv-records"
import type { ImportReport } from "../../../modules/serial/lib/import-engine"
import { CsvFileError, ImportProblem } from "../../../modules/serial/lib/serial-csv"
import { importSerialsWorkflow } from "../../../workflows/import-serials"
import { registerImportSource } from "../../../workflows/utils/import-sources"
import type { AdminImportSerialsParamsType } from "./validators"

/** What browsers and spreadsheets send for a .csv file. */
const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]
export const NDJSON = "application/x-ndjson"

/**
 * HTTP side of `POST /admin/serial-imports`: checks the content type, streams the body
 * through the CSV reader into `importSerialsWorkflow` (which saves the serials and emits
 * `serial_number.created`), and answers. With `Accept: application/x-ndjson` the answer
 * is a stream of `{"processed":N}` lines (one per batch of rows) ending with the answer
 * itself as a line with its `status`.
 */
export async function respondWithImport(
  req: AuthenticatedMedusaRequest<unknown, AdminImportSerialsParamsType>,
  res: MedusaResponse
) {
  const contentType = String(req.headers["content-type"] ?? "")
  const [mediaType, ...params] = contentType.split(";").map((p) => p.trim().toLowerCase())
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "")
  if (!CSV_TYPES.includes(mediaType) || (charset && !["utf-8", "utf8", "us-ascii"].includes(charset))) {
    return res.status(415).json({
      type: MedusaError.Types.INVALID_DATA,
      message: `Send the CSV file itself as the request body with 'Content-Type: text/csv' (UTF-8); got '${contentType.slice(0, 100) || "no content type"}'`,
    })
  }

  const dryRun = !!req.validatedQuery?.dry_run
  const wantsProgress = String(req.headers.accept ?? "").includes(NDJSON)
  let streaming = false
  const onProgress = wantsProgress
    ? (processed: number) => {
        if (!streaming) {
          res.status(200)
          res.setHeader("Content-Type", `${NDJSON}; charset=utf-8`)
          res.setHeader("Cache-Control", "no-store")
          streaming = true
        }
        res.write(`${JSON.stringify({ processed })}\n`)
      }
    : undefined
  const answer = (status: number, body: Record<string, unknown>) =>
    streaming ? res.end(`${JSON.stringify({ status, ...body })}\n`) : res.status(status).json(body)

  const source = registerImportSource({ records: csvRecords(req), onProgress })
  let report: ImportReport
  try {
    const { result } = await importSerialsWorkflow(req.scope).run({
      input: { source_key: source.key, dry_run: dryRun, actor_id: req.auth_context?.actor_id ?? null },
    })
    report = result
  } catch (e) {
    if (CsvFileError.is(e)) {
      return answer(400, {
        type: MedusaError.Types.INVALID_DATA,
        message: e.message,
        error_count: e.problems.length,
        errors: e.problems,
      })
    }
    if (streaming) {
      // A step's error comes back from the workflow as a copy of its fields.
      const known = MedusaError.isMedusaError(e)
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(e as Error)
      const error = e as MedusaError
      return answer(known && error.type === MedusaError.Types.CONFLICT ? 409 : known ? 400 : 500, {
        type: known ? error.type : "unknown_error",
        message: known ? error.message : "An unknown error occurred.",
      })
    }
    throw e
  } finally {
    source.release()
  }

  const summary = {
    id: report.id,
    dry_run: report.dry_run,
    rows: report.rows,
    created: report.created,
    error_count: report.error_count,
    errors: report.errors,
  }
  if (report.error_count && !dryRun) {
    return answer(400, {
      type: MedusaError.Types.INVALID_DATA,
      message: refusal(report),
      error_count: report.error_count,
      errors: report.errors,
      import: summary,
    })
  }
  return answer(200, { import: summary })
}

function refusal(report: ImportReport): string {
  const first = report.errors[0]
  return (
    `Import refused: ${report.error_count} problem${report.error_count === 1 ? "" : "s"} in the file; nothing was imported. ` +
    (first ? `First: ${describe(first)}` : "")
  )
}

function describe(p: ImportProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : null, p.column ? `column '${p.column}'` : null].filter(Boolean).join(", ")
  return where ? `${where}: ${p.message}` : p.message
}
