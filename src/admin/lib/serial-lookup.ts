import { sdk } from "./sdk"
import type { AdminSerialNumber } from "../../shared/http/admin"

/** Serial texts compare as the server compares them: trimmed, case-insensitive. */
export const normalizeSerialText = (text: string) => text.trim().toUpperCase()

/** The serials whose text is exactly `text` (one per variant at most). */
export async function findSerialsByText(text: string): Promise<AdminSerialNumber[]> {
  const { serial_numbers } = await sdk.client.fetch<{ serial_numbers: AdminSerialNumber[] }>("/admin/serial-numbers", {
    query: { q: text.trim(), limit: 50, fields: "id,serial_number,variant_id,status,stock_location_id,order_id,receipt_id" },
  })
  const wanted = normalizeSerialText(text)
  return serial_numbers.filter((s) => normalizeSerialText(s.serial_number) === wanted)
}
