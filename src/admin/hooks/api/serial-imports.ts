import { useCallback, useRef, useState } from "react"
import type { ImportProblem, ImportProgress, ImportSummary } from "../../../shared/http/admin"

export type ImportOutcome = { status: number; summary: ImportSummary | null; message: string | null; errors: ImportProblem[] }

/**
 * Sends a CSV file to `POST /admin/serial-imports` with XHR, so that both the upload (bytes
 * sent) and the server's NDJSON progress lines (`{"processed":N}` per batch of rows) move the
 * bar; the last line is the answer with its `status`.
 */
export function useSerialImport() {
  const [progress, setProgress] = useState<ImportProgress>({ phase: "idle", uploaded: 0, processed: 0 })
  const [running, setRunning] = useState(false)
  const xhrRef = useRef<XMLHttpRequest | null>(null)

  const run = useCallback((file: File, dryRun: boolean) => {
    setRunning(true)
    setProgress({ phase: "uploading", uploaded: 0, processed: 0 })
    return new Promise<ImportOutcome>((resolve) => {
      const xhr = new XMLHttpRequest()
      xhrRef.current = xhr
      xhr.open("POST", `/admin/serial-imports${dryRun ? "?dry_run=true" : ""}`)
      xhr.withCredentials = true
      xhr.setRequestHeader("Content-Type", "text/csv")
      xhr.setRequestHeader("Accept", "application/x-ndjson, application/json")
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) {
          setProgress((p) => ({ ...p, uploaded: e.loaded / e.total }))
        }
      }
      xhr.upload.onload = () => setProgress((p) => ({ ...p, phase: "processing", uploaded: 1 }))
      const lastProcessed = () => {
        const lines = xhr.responseText.split("\n").filter(Boolean)
        for (let i = lines.length - 1; i >= 0; i--) {
          try {
            const parsed = JSON.parse(lines[i])
            if (typeof parsed.processed === "number") {
              return parsed.processed as number
            }
          } catch {
            // A line still arriving.
          }
        }
        return null
      }
      xhr.onprogress = () => {
        const processed = lastProcessed()
        if (processed !== null) {
          setProgress((p) => ({ ...p, phase: "processing", uploaded: 1, processed }))
        }
      }
      const finish = (outcome: ImportOutcome) => {
        setRunning(false)
        setProgress((p) => ({ ...p, phase: "done", uploaded: 1, processed: outcome.summary?.rows ?? p.processed }))
        resolve(outcome)
      }
      xhr.onload = () => {
        const lines = xhr.responseText.split("\n").filter(Boolean)
        let body: any = null
        try {
          body = JSON.parse(lines[lines.length - 1] ?? "null")
        } catch {
          body = null
        }
        const status = typeof body?.status === "number" ? body.status : xhr.status
        finish({
          status,
          summary: body?.import ?? null,
          message: body?.message ?? (status >= 400 ? `The server answered ${status}` : null),
          errors: body?.import?.errors ?? body?.errors ?? [],
        })
      }
      xhr.onerror = () => finish({ status: 0, summary: null, message: "The upload failed (network error).", errors: [] })
      xhr.onabort = () => finish({ status: 0, summary: null, message: "The import was stopped.", errors: [] })
      xhr.send(file)
    })
  }, [])

  const abort = useCallback(() => xhrRef.current?.abort(), [])
  return { run, abort, progress, running }
}
