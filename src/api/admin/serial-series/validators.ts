import { z } from "@medusajs/framework/zod"
import { MAX_PATTERN_LENGTH } from "../../../shared/series-pattern"
import { freeText, isoDate, listParams, metadataSchema, queryInt, searchText } from "../../utils/validators"
import { SERIES_FIELDS } from "./query-config"

export const AdminGetSerialSeriesParams = listParams(["name", "created_at", "updated_at"], SERIES_FIELDS, 50).extend({
  q: searchText.optional(),
})
export type AdminGetSerialSeriesParamsType = z.infer<typeof AdminGetSerialSeriesParams>

const name = freeText("name", 100, { min: 1, trim: true, singleLine: true })
const pattern = z.string().min(1).max(MAX_PATTERN_LENGTH)

export const AdminCreateSerialSeries = z.object({
  name,
  pattern,
  metadata: metadataSchema.nullish(),
})
export type AdminCreateSerialSeriesType = z.infer<typeof AdminCreateSerialSeries>

export const AdminUpdateSerialSeries = z.object({
  name: name.optional(),
  pattern: pattern.optional(),
  metadata: metadataSchema.nullish(),
})
export type AdminUpdateSerialSeriesType = z.infer<typeof AdminUpdateSerialSeries>

export const AdminPreviewSerialSeriesParams = z.object({
  count: queryInt("count", 1, 100, 5),
  sku: z.string().trim().min(1).max(100).optional(),
  date: isoDate("date").optional(),
})
export type AdminPreviewSerialSeriesParamsType = z.infer<typeof AdminPreviewSerialSeriesParams>
