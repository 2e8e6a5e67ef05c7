/**
 * Serial labels: what their QR code holds. Shared by the plugin option's check (server)
 * and the label sheet (admin).
 */

/** Why a `warranty_url_template` option cannot be used, or null when it can. */
export function warrantyUrlTemplateProblem(template: string): string | null {
  if (template.length > 500) {
    return "it is longer than 500 characters"
  }
  if (!template.includes("{serial}")) {
    return "it does not hold {serial}"
  }
  let url: URL
  try {
    url = new URL(template.replace(/\{serial\}/g, "SERIAL"))
  } catch {
    return "it is not a URL"
  }
  return url.protocol === "https:" || url.protocol === "http:" ? null : `its scheme is ${url.protocol.replace(":", "")}, not http or https`
}

/** What a label's QR code holds: the warranty page of the serial, or the serial itself. */
export function labelQrText(serial: string, warrantyUrlTemplate: string | null | undefined): string {
  return warrantyUrlTemplate ? warrantyUrlTemplate.replace(/\{serial\}/g, encodeURIComponent(serial)) : serial
}

/** Label layouts the label page prints. */
export const LABEL_TEMPLATES = {
  "a4-3x7": "A4 sheet of 3 × 7 (63.5 × 38.1 mm)",
  "thermal-62": "Thermal roll, 62 × 29 mm",
} as const
export type LabelTemplate = keyof typeof LABEL_TEMPLATES
