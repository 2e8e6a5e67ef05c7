import { useTranslation } from "react-i18next"

/** A calendar day as the API gives one (a visit's day, a schedule's start): `YYYY-MM-DD`. */
const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Dates as the dashboard shows them: the given locale (the browser's if none), no time
 * unless asked. A calendar day is that day wherever the browser is: read as UTC midnight
 * and written in UTC, or it would show the day before west of Greenwich.
 */
export function formatDate(value?: string | Date | null, locale?: string): string {
  if (!value) {
    return "—"
  }
  const day = typeof value === "string" && DAY.test(value)
  const date = typeof value === "string" ? new Date(day ? `${value}T00:00:00Z` : value) : value
  // A day the calendar does not have (Feb 30) would roll over into the next month.
  return Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)
    ? "—"
    : date.toLocaleDateString(locale, { dateStyle: "medium", ...(day ? { timeZone: "UTC" } : {}) })
}

export function formatDateTime(value?: string | Date | null, locale?: string): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime())
    ? "—"
    : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })
}

/** An amount in a currency, as the browser's locale writes it: "€45.50". */
export function formatMoney(amount: number | string | null | undefined, currencyCode?: string | null, locale?: string): string {
  if (amount === null || amount === undefined || amount === "") {
    return "—"
  }
  const value = Number(amount)
  if (!currencyCode) {
    return String(value)
  }
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(value)
  } catch {
    return `${value} ${currencyCode.toUpperCase()}`
  }
}

/**
 * The formats above in the admin user's language (Medusa's admin i18n), so that dates and
 * amounts read as the page around them does.
 */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return {
    date: (value?: string | Date | null) => formatDate(value, locale),
    dateTime: (value?: string | Date | null) => formatDateTime(value, locale),
    money: (amount: number | string | null | undefined, currencyCode?: string | null) => formatMoney(amount, currencyCode, locale),
    locale,
  }
}
