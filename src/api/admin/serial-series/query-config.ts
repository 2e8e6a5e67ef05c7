export const SERIES_FIELDS = ["id", "name", "pattern", "metadata", "created_at", "updated_at"]

export const listSerialSeriesConfig = { defaults: SERIES_FIELDS, allowed: SERIES_FIELDS, isList: true }
export const retrieveSerialSeriesConfig = { defaults: SERIES_FIELDS, allowed: SERIES_FIELDS, isList: false }
