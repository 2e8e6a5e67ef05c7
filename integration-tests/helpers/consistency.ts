/**
 * Runs the plugin's consistency check over HTTP as an admin does: starts a run (`POST
 * /admin/serial-reports/consistency/runs`), waits for the worker to walk it (`GET
 * .../runs/:id` until it is no longer running) and answers its report. A run another
 * process had going is waited for, then a fresh one started, so that the report is of
 * the database as the test left it.
 */
export async function runConsistencyCheck(api: any, headers: any, body: Record<string, unknown> = {}) {
  const deadline = Date.now() + 120_000
  const finished = async (run: any) => {
    while (run.status === "running") {
      if (Date.now() > deadline) {
        throw new Error(`consistency run ${run.id} still running after 120 s (${run.serials_checked} serials checked)`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
      run = (await api.get(`/admin/serial-reports/consistency/runs/${run.id}`, headers)).data.run
    }
    return run
  }
  for (;;) {
    const res = await api.post("/admin/serial-reports/consistency/runs", body, headers)
    const run = await finished(res.data.run)
    if (res.status !== 202) {
      continue
    }
    if (run.status !== "completed") {
      throw new Error(`consistency run ${run.id} ${run.status}: ${run.error}`)
    }
    return run.report
  }
}

/**
 * Runs the consistency check and fails the test, listing every problem, unless the serials
 * are consistent. Every reliability test ends with it.
 */
export async function expectConsistent(api: any, headers: any) {
  const report = await runConsistencyCheck(api, headers)
  if (!report.ok) {
    throw new Error(
      `serial consistency check failed (${report.problem_count} problems):\n` +
        report.problems.map((p: any) => `  ${p.kind}: ${p.message}`).join("\n")
    )
  }
  return report
}
