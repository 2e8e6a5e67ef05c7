import { run, type SqlManager } from "../lib/sql"

export const seriesSql = {
  async seriesUsage(manager: SqlManager, seriesId: string): Promise<{ variants: number; serials: number }> {
    const [row]: { variants: string; serials: string }[] = await run(manager,
      `SELECT
         (SELECT count(*) FROM serial_settings WHERE series_id = ? AND deleted_at IS NULL) AS variants,
         (SELECT count(*) FROM serial_number WHERE series_id = ? AND deleted_at IS NULL) AS serials`,
      [seriesId, seriesId]
    )
    return { variants: Number(row.variants), serials: Number(row.serials) }
  },
}
