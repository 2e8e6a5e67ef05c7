/**
 * Weeks of the maintenance agenda: Monday to Sunday, of calendar days `YYYY-MM-DD` (UTC, as
 * visits are kept). The server answers a week by its Monday and the admin pages step
 * through them with the same rule.
 */

const DAY_MS = 86_400_000

/** The day `days` after `day`. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The Monday of the week `day` is in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return shiftDay(day, -((weekday + 6) % 7))
}

/** The seven days of the week starting on `monday`. */
export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, n) => shiftDay(monday, n))
