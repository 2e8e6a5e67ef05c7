import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUpTray } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ListTable } from "../../components/list-table"
import { useSerialImport, type ImportOutcome } from "../../hooks/api/serial-imports"

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
      toast.success(`${result.summary.created} serial numbers imported`)
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
      ? `Sending the file… ${Math.round(progress.uploaded * 100)}%`
      : progress.phase === "processing"
        ? `Checking rows… ${progress.processed.toLocaleString()}${rowCount ? ` of ${rowCount.toLocaleString()}` : ""}`
        : "Done"

  const errors = outcome?.errors ?? []
  const ok = outcome && outcome.status === 200 && (outcome.summary?.error_count ?? 0) === 0

  return (
    <div className="flex flex-col gap-3">
      <Container className="flex flex-col gap-4">
        <div>
          <Heading level="h1">Import serial numbers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A CSV file with a header row: serial_number, sku or variant_id, and optionally status, location, supplier,
            supplier_reference, unit_cost, received_at, delivered_at, warranty_starts_at, warranty_expires_at,
            contract_expires_at, end_of_life_at, notes, metadata. The import is all or nothing; check the file first to see
            every problem by row. It records units that exist already; to bring new stock in, use{" "}
            <Link to="/serial-receipts/receive" className="text-ui-fg-interactive">
              Receive stock
            </Link>
            .
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
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
              {rowCount === null ? "" : `${rowCount.toLocaleString()} rows · `}
              {(file.size / 1024).toFixed(1)} KB
            </Text>
          )}
        </div>
        <div className="flex gap-2">
          <Button size="small" variant="secondary" disabled={!file || running} onClick={() => start(true)}>
            Check file
          </Button>
          <Button size="small" disabled={!file || running} onClick={() => start(false)}>
            Import
          </Button>
          {running && (
            <Button size="small" variant="transparent" onClick={abort}>
              Stop
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
                  ? `The file is ready: ${outcome.summary!.rows.toLocaleString()} rows, no problems. Nothing was saved yet.`
                  : `Imported ${outcome.summary!.created.toLocaleString()} serial numbers.`}
              </Text>
            ) : (
              <>
                <Text size="small" weight="plus" className="text-ui-fg-error">
                  {errors.length
                    ? `${(outcome.summary?.error_count ?? errors.length).toLocaleString()} problem${errors.length === 1 ? "" : "s"} found; nothing was saved.`
                    : outcome.message}
                </Text>
                {outcome.summary && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {outcome.summary.rows.toLocaleString()} rows read.
                  </Text>
                )}
              </>
            )}
            {ok && !outcome.dryRun && (
              <Link className="text-ui-fg-interactive txt-compact-small" to="/serial-numbers">
                See the serial numbers
              </Link>
            )}
          </div>
          {errors.length > 0 && (
            <ListTable
              columns={[
                { header: "Row", cell: (e) => e.row ?? "—" },
                { header: "Column", cell: (e) => e.column ?? "—" },
                { header: "Value", className: "font-mono max-w-[200px] truncate", cell: (e) => e.value ?? "" },
                { header: "Problem", className: "whitespace-normal", cell: (e) => e.message },
              ]}
              rows={errors.slice(0, SHOWN_ERRORS)}
              rowKey={(_, i) => i}
            />
          )}
          {errors.length > SHOWN_ERRORS && (
            <Text size="small" className="text-ui-fg-subtle px-6 pb-4">
              The first {SHOWN_ERRORS} problems are shown.
            </Text>
          )}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Import serials", icon: ArrowUpTray })

export default SerialImportsPage
