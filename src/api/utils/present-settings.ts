import type { SerialPluginOptions } from "../../modules/serial/lib/options"
import type { AdminSerialSettings } from "../../shared/http/admin"
import { asSent } from "./as-sent"

type SettingsRow = {
  id: string
  is_serialized: boolean
  series_id: string | null
  warranty_value: number | null
  warranty_unit: string | null
  contract_value: number | null
  contract_unit: string | null
  fulfillment_policy: string | null
  created_at?: Date | string
  updated_at?: Date | string
}

/** The API shape of a variant's settings: periods as `{ value, unit }`, the policy that applies. */
export function presentSettings(variantId: string, row: SettingsRow | null, options: SerialPluginOptions): AdminSerialSettings {
  const period = (value: number | null | undefined, unit: string | null | undefined) =>
    value && unit ? { value, unit } : null
  return asSent<AdminSerialSettings>({
    id: row?.id ?? null,
    variant_id: variantId,
    is_serialized: row?.is_serialized ?? false,
    series_id: row?.series_id ?? null,
    warranty: period(row?.warranty_value, row?.warranty_unit),
    contract: period(row?.contract_value, row?.contract_unit),
    fulfillment_policy: row?.fulfillment_policy ?? null,
    effective_fulfillment_policy: row?.fulfillment_policy ?? options.default_fulfillment_policy,
    created_at: row?.created_at ?? null,
    updated_at: row?.updated_at ?? null,
  })
}
