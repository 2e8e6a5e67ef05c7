import { useTranslation } from "react-i18next"

/** Dates as the dashboard shows them: the given locale (the browser's if none), no time unless asked. */
export function formatDate(value?: string | Date | null, locale?: string): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? "—" : date.toLocaleDateString(locale, { dateStyle: "medium" })
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
