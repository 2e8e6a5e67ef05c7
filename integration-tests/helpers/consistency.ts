/**
 * Runs the plugin's consistency check over HTTP (`GET /admin/serial-reports/consistency`)
 * and fails the test, listing every problem, unless the serials are consistent. Every
 * reliability test ends with it.
 */
export async function expectConsistent(api: any, headers: any) {
  const res = await api.get("/admin/serial-reports/consistency", headers)
  const report = res.data
  if (!report.ok) {
    throw new Error(
      `serial consistency check failed (${report.problem_count} problems):\n` +
        report.problems.map((p: any) => `  ${p.kind}: ${p.message}`).join("\n")
    )
  }
  return report
}
