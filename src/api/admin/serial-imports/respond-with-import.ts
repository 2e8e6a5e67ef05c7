import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { SERIAL_MODULE } from "../../../modules/serial"
import { SerialEvents } from "../../../modules/serial/events"
import type SerialModuleService from "../../../modules/serial/service"
import { csvRecords } from "../../../modules/serial/lib/csv-records"
import type { ImportReport } from "../../../modules/serial/lib/import-engine"
import { CsvFileError, ImportProblem } from "../../../modules/serial/lib/serial-csv"
import { serialImportCatalogue } from "../../utils/serial-catalogue"
import type { AdminImportSerialsParamsType } from "./validators"

/** What browsers and spreadsheets send for a .csv file. */
const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]
export const NDJSON = "application/x-ndjson"

/**
 * HTTP side of `POST /admin/serial-imports`: checks the content type, streams the body
 * through the CSV reader into the module's import, emits `serial_number.created` for what
 * was saved, and answers. With `Accept: application/x-ndjson` the answer is a stream of
 * `{"processed":N}` lines (one per batch of rows) ending with the answer itself as a line
 * with its `status`.
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

  const service: SerialModuleService = req.scope.resolve(SERIAL_MODULE)
  let report: ImportReport
  try {
    report = await service.importSerials(csvRecords(req), serialImportCatalogue(req.scope), {
      dry_run: dryRun,
      actor_id: req.auth_context?.actor_id ?? null,
      onProgress,
    })
  } catch (e) {
    if (e instanceof CsvFileError) {
      return answer(400, {
        type: MedusaError.Types.INVALID_DATA,
        message: e.message,
        error_count: e.problems.length,
        errors: e.problems,
      })
    }
    if (streaming) {
      const known = e instanceof MedusaError
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(e as Error)
      return answer(known && e.type === MedusaError.Types.CONFLICT ? 409 : known ? 400 : 500, {
        type: known ? e.type : "unknown_error",
        message: known ? e.message : "An unknown error occurred.",
      })
    }
    throw e
  }

  if (report.created_ids.length) {
    const eventBus = req.scope.resolve(Modules.EVENT_BUS)
    await eventBus.emit({
      name: SerialEvents.CREATED,
      data: { ids: report.created_ids, reference_type: "import", reference_id: report.id },
    })
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
