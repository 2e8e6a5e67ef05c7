import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUpTray } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ListTable } from "../../components/list-table"
import { useSerialImport, type ImportOutcome } from "../../hooks/api/serial-imports"
import { useFormat } from "../../lib/format"

/** Rows of the error report shown on the page; the count above it says how many there are. */
const SHOWN_ERRORS = 1000

/** Data rows in the file (lines after the header), for the bar's total; an estimate when cells hold line breaks. */
async function countRows(file: File): Promise<number> {
  const text = await file.text()
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.replace(/[,\s"]/g, "") !== "")
  return Math.max(0, lines.length - 1)
}

const ProgressBar = ({ value, label }: { value: number; label: string }) => (
  <div className="flex flex-col gap-1" data-testid="import-progress">
    <div
      className="bg-ui-bg-switch-off h-2 w-full overflow-hidden rounded-full"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value * 100)}
    >
      <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${Math.min(100, value * 100)}%` }} />
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
  </div>
)

const SerialImportsPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.imports" })
  const { locale } = useFormat()
  /** A count as the admin user's language writes it: 1,000 or 1.000. */
  const num = (n: number) => n.toLocaleString(locale)
  const [file, setFile] = useState<File | null>(null)
  const [rowCount, setRowCount] = useState<number | null>(null)
  const [outcome, setOutcome] = useState<(ImportOutcome & { dryRun: boolean }) | null>(null)
  const { run, abort, progress, running } = useSerialImport()

  const start = async (dryRun: boolean) => {
    if (!file) return
    setOutcome(null)
    const result = await run(file, dryRun)
    setOutcome({ ...result, dryRun })
    if (!dryRun && result.status === 200 && result.summary) {
      toast.success(t("importedToast", { count: result.summary.created, created: num(result.summary.created) }))
    }
  }

  const fraction =
    progress.phase === "uploading"
      ? progress.uploaded * 0.5
      : progress.phase === "processing"
        ? 0.5 + 0.5 * (rowCount ? Math.min(1, progress.processed / rowCount) : 0)
        : progress.phase === "done"
          ? 1
          : 0
  const label =
    progress.phase === "uploading"
      ? t("progress.uploading", { percent: Math.round(progress.uploaded * 100) })
      : progress.phase === "processing"
        ? rowCount
          ? t("progress.processingOf", { processed: num(progress.processed), total: num(rowCount) })
          : t("progress.processing", { processed: num(progress.processed) })
        : t("progress.done")

  const errors = outcome?.errors ?? []
  const ok = outcome && outcome.status === 200 && (outcome.summary?.error_count ?? 0) === 0

  return (
    <div className="flex flex-col gap-3">
      <Container className="flex flex-col gap-4">
        <div>
          <Heading level="h1">{t("title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("intro")}{" "}
            <Link to="/serial-receipts/receive" className="text-ui-fg-interactive">
              {t("receiveStock")}
            </Link>
            .
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label={t("file")}
            className="txt-compact-small"
            onChange={async (e) => {
              const chosen = e.target.files?.[0] ?? null
              setFile(chosen)
              setOutcome(null)
              setRowCount(chosen ? await countRows(chosen) : null)
            }}
          />
          {file && (
            <Text size="small" className="text-ui-fg-subtle">
              {rowCount === null ? "" : `${t("fileRows", { count: rowCount, rows: num(rowCount) })} · `}
              {t("fileSize", { size: (file.size / 1024).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
            </Text>
          )}
        </div>
        <div className="flex gap-2">
          <Button size="small" variant="secondary" disabled={!file || running} onClick={() => start(true)}>
            {t("check")}
          </Button>
          <Button size="small" disabled={!file || running} onClick={() => start(false)}>
            {t("import")}
          </Button>
          {running && (
            <Button size="small" variant="transparent" onClick={abort}>
              {t("stop")}
            </Button>
          )}
        </div>
        {progress.phase !== "idle" && <ProgressBar value={fraction} label={label} />}
      </Container>

      {outcome && (
        <Container className="flex flex-col gap-3 p-0" data-testid="import-report">
          <div className="px-6 pt-4">
            {ok ? (
              <Text size="small" weight="plus" className="text-ui-fg-interactive">
                {outcome.dryRun
                  ? t("report.ready", { count: outcome.summary!.rows, rows: num(outcome.summary!.rows) })
                  : t("report.imported", { count: outcome.summary!.created, created: num(outcome.summary!.created) })}
              </Text>
            ) : (
              <>
                <Text size="small" weight="plus" className="text-ui-fg-error">
                  {errors.length
                    ? t("report.problems", {
                        count: outcome.summary?.error_count ?? errors.length,
                        problems: num(outcome.summary?.error_count ?? errors.length),
                      })
                    : outcome.message}
                </Text>
                {outcome.summary && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("report.rowsRead", { count: outcome.summary.rows, rows: num(outcome.summary.rows) })}
                  </Text>
                )}
              </>
            )}
            {ok && !outcome.dryRun && (
              <Link className="text-ui-fg-interactive txt-compact-small" to="/serial-numbers">
                {t("report.seeSerials")}
              </Link>
            )}
          </div>
          {errors.length > 0 && (
            <ListTable
              columns={[
                { header: t("report.columns.row"), cell: (e) => e.row ?? "—" },
                { header: t("report.columns.column"), cell: (e) => e.column ?? "—" },
                { header: t("report.columns.value"), className: "font-mono max-w-[200px] truncate", cell: (e) => e.value ?? "" },
                { header: t("report.columns.problem"), className: "whitespace-normal", cell: (e) => e.message },
              ]}
              rows={errors.slice(0, SHOWN_ERRORS)}
              rowKey={(_, i) => i}
            />
          )}
          {errors.length > SHOWN_ERRORS && (
            <Text size="small" className="text-ui-fg-subtle px-6 pb-4">
              {t("report.truncated", { count: SHOWN_ERRORS })}
            </Text>
          )}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "serials.imports.menu", translationNs: "translation", icon: ArrowUpTray })

export default SerialImportsPage
