/** Dates as the dashboard shows them: the admin's locale, no time unless asked. */
export function formatDate(value?: string | Date | null): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? "—" : date.toLocaleDateString(undefined, { dateStyle: "medium" })
}

export function formatDateTime(value?: string | Date | null): string {
  if (!value) {
    return "—"
  }
  const date = typeof value === "string" ? new Date(value) : value
  return Number.isNaN(date.getTime())
    ? "—"
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** An amount in a currency, as the browser's locale writes it: "€45.50". */
export function formatMoney(amount: number | string | null | undefined, currencyCode?: string | null): string {
  if (amount === null || amount === undefined || amount === "") {
    return "—"
  }
  const value = Number(amount)
  if (!currencyCode) {
    return String(value)
  }
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(value)
  } catch {
    return `${value} ${currencyCode.toUpperCase()}`
  }
}
