export const RECEIPT_FIELDS = [
  "id",
  "display_id",
  "status",
  "stock_location_id",
  "supplier_name",
  "supplier_reference",
  "received_at",
  "canceled_at",
  "notes",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
  "lines.id",
  "lines.variant_id",
  "lines.product_id",
  "lines.inventory_item_id",
  "lines.quantity",
  "lines.unit_cost",
]

export const RECEIPT_ALLOWED_FIELDS = [...RECEIPT_FIELDS, "lines"]

export const listSerialReceiptsConfig = { defaults: RECEIPT_FIELDS, allowed: RECEIPT_ALLOWED_FIELDS, isList: true }
export const retrieveSerialReceiptConfig = { defaults: RECEIPT_FIELDS, allowed: RECEIPT_ALLOWED_FIELDS, isList: false }
