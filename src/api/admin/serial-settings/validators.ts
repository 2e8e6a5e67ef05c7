import { z } from "@medusajs/framework/zod"
import { idParam } from "../../utils/validators"

const period = (field: string) =>
  z.object({
    value: z
      .number({ error: (i) => `Field '${field}.value' must be a whole number, got: '${String(i.input)}'` })
      .int()
      .min(1)
      .max(1200),
    unit: z.enum(["day", "month", "year"]),
  })

export const AdminUpsertSerialSettings = z.object({
  is_serialized: z.boolean().optional(),
  series_id: idParam.nullish(),
  warranty: period("warranty").strict().nullish(),
  contract: period("contract").strict().nullish(),
  fulfillment_policy: z.enum(["auto", "strict"]).nullish(),
})
export type AdminUpsertSerialSettingsType = z.infer<typeof AdminUpsertSerialSettings>
