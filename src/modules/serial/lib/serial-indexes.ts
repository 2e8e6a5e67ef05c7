/**
 * The indexes of Migration20261206000000, in one place for the migration (plain CREATE
 * INDEX, inside Medusa's migration transaction) and src/scripts/build-serial-indexes.ts
 * (CREATE INDEX CONCURRENTLY, before migrating a big table). Fixed once released: a later
 * change of an index is a new migration with its own list.
 */
export const SERIAL_INDEXES_20261206: Array<{ name: string; create: string; replaces?: string[] }> = [
  { name: "IDX_serial_number_sort_serial_number", create: `ON "serial_number" ("serial_number", "id") WHERE deleted_at IS NULL` },
  { name: "IDX_serial_number_sort_created_at", create: `ON "serial_number" ("created_at", "id") WHERE deleted_at IS NULL` },
  { name: "IDX_serial_number_sort_received_at", create: `ON "serial_number" ("received_at", "id") WHERE deleted_at IS NULL` },
  { name: "IDX_serial_number_sort_delivered_at", create: `ON "serial_number" ("delivered_at", "id") WHERE deleted_at IS NULL` },
  {
    name: "IDX_serial_number_warranty_expires_id",
    create: `ON "serial_number" ("warranty_expires_at", "id") WHERE deleted_at IS NULL`,
    replaces: ["IDX_serial_number_warranty_expires_at"],
  },
  {
    name: "IDX_serial_number_status_created_id",
    create: `ON "serial_number" ("status", "created_at", "id") WHERE deleted_at IS NULL`,
    replaces: ["IDX_serial_number_status_created"],
  },
  // The list's series filter, and the replacement look-up of a claim or exchange.
  { name: "IDX_serial_number_series_id", create: `ON "serial_number" ("series_id") WHERE deleted_at IS NULL AND series_id IS NOT NULL` },
  {
    name: "IDX_serial_number_replaces_serial_number_id",
    create: `ON "serial_number" ("replaces_serial_number_id") WHERE deleted_at IS NULL AND replaces_serial_number_id IS NOT NULL`,
  },
  // Serials of a variant in a status, newest first (the list filtered by both). Its third
  // column is not received_at on purpose: the FIFO pick, given a (variant, status,
  // received_at) index, sorted a one-time receipt of 100,000 serials by text instead of
  // reading the pick's own index in order.
  {
    name: "IDX_serial_number_variant_status_created",
    create: `ON "serial_number" ("variant_id", "status", "created_at", "id") WHERE deleted_at IS NULL`,
    replaces: ["IDX_serial_number_variant_status_received"],
  },
  {
    name: "IDX_serial_number_fifo_pick",
    create: `ON "serial_number" ("variant_id", "stock_location_id", "received_at", "serial_number" COLLATE "C", "id") WHERE deleted_at IS NULL AND status = 'active'`,
    replaces: ["IDX_serial_number_fifo_active"],
  },
]

/** Only-NULL indexes Medusa gives every soft-deletable model, dropped on the big tables. */
export const DROPPED_NULL_INDEXES_20261206 = [
  ["serial_number", "IDX_serial_number_deleted_at"],
  ["serial_ledger_entry", "IDX_serial_ledger_entry_deleted_at"],
  ["serial_notification", "IDX_serial_notification_deleted_at"],
  ["maintenance_visit", "IDX_maintenance_visit_deleted_at"],
] as const

/** The search index, made only where pg_trgm exists or may be created. */
export const TRIGRAM_INDEX_20261206 = {
  name: "IDX_serial_number_serial_trgm",
  create: `ON "serial_number" USING gin ("serial_number" gin_trgm_ops) WHERE deleted_at IS NULL`,
}


/**
 * The indexes of Migration20261207000000: the ledger's `operation_id` (what a compensated
 * step deletes its rows by), and the keyset orders of the ledger and contract-expiry
 * reports. The column must exist before its index: the build script adds it first (an
 * instant change, the column being nullable without a default).
 */
export const SERIAL_INDEXES_20261207: Array<{ name: string; create: string; replaces?: string[] }> = [
  {
    name: "IDX_serial_ledger_entry_operation",
    create: `ON "serial_ledger_entry" ("operation_id") WHERE operation_id IS NOT NULL AND deleted_at IS NULL`,
  },
  {
    name: "IDX_serial_ledger_entry_created_id",
    create: `ON "serial_ledger_entry" ("created_at", "id") WHERE deleted_at IS NULL`,
    replaces: ["IDX_serial_ledger_entry_created"],
  },
  {
    name: "IDX_serial_number_contract_expires_id",
    create: `ON "serial_number" ("contract_expires_at", "id") WHERE deleted_at IS NULL AND contract_expires_at IS NOT NULL`,
    replaces: ["IDX_serial_number_contract_expires_at"],
  },
]

/**
 * The serial table's index of Migration20261207020000: the end-of-life pass reads only
 * serials still to expire (expired ones leave the index), in its keyset order.
 */
export const SERIAL_INDEXES_20261207_EOL: Array<{ name: string; create: string; replaces?: string[] }> = [
  {
    name: "IDX_serial_number_end_of_life_due",
    create: `ON "serial_number" ("end_of_life_at", "id") WHERE deleted_at IS NULL AND end_of_life_at IS NOT NULL AND status NOT IN ('expired', 'scrapped')`,
    replaces: ["IDX_serial_number_end_of_life_at"],
  },
]

/**
 * The ledger's indexes of Migration20261209020000: the ledger report's location filter
 * (entries that moved a serial from or to a location), one index per side, by date.
 */
export const SERIAL_INDEXES_20261209_LEDGER_LOCATION: Array<{ name: string; create: string; replaces?: string[] }> = [
  {
    name: "IDX_serial_ledger_entry_from_location",
    create: `ON "serial_ledger_entry" ("from_location_id", "created_at", "id") WHERE deleted_at IS NULL AND from_location_id IS NOT NULL`,
  },
  {
    name: "IDX_serial_ledger_entry_to_location",
    create: `ON "serial_ledger_entry" ("to_location_id", "created_at", "id") WHERE deleted_at IS NULL AND to_location_id IS NOT NULL`,
  },
]
