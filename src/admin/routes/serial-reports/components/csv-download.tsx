import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { stringify } from "csv-stringify/browser/esm/sync"
import { useFormat } from "../../../lib/format"
import { readWholeReport, REPORT_DOWNLOAD_CAP, type SerialReportName, type SerialReportQuery } from "../../../hooks/api/serial-reports"

/**
 * Downloads the whole report as filtered (not only the rows shown) as CSV: read page after
 * page by cursor, up to REPORT_DOWNLOAD_CAP rows, with `columns` as the header row.
 */
export const CsvDownload = ({
  report,
  query,
  columns,
}: {
  report: SerialReportName
  query: SerialReportQuery
  columns: string[]
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.reports.csv" })
  const { locale } = useFormat()
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      const { rows, complete } = await readWholeReport<Record<string, unknown>>(report, query)
      const csv = stringify(
        rows.map((row) => columns.map((c) => cell(row[c]))),
        { header: true, columns }
      )
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }))
      const link = document.createElement("a")
      link.href = url
      link.download = `serial-report-${report}-${new Date().toISOString().slice(0, 10)}.csv`
      link.click()
      // Let the browser start the download before the blob goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      if (!complete) {
        toast.warning(t("capped", { rows: REPORT_DOWNLOAD_CAP.toLocaleString(locale) }))
      }
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="secondary" isLoading={busy} onClick={download}>
      {t("download")}
    </Button>
  )
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "object") return JSON.stringify(value)
  return String(value)
}
