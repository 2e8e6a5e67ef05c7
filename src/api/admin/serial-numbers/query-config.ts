/** Fields of a serial in every answer unless `fields` asks otherwise. */
export const SERIAL_FIELDS = [
  "id",
  "serial_number",
  "variant_id",
  "product_id",
  "inventory_item_id",
  "status",
  "stock_location_id",
  "series_id",
  "supplier_name",
  "supplier_reference",
  "receipt_id",
  "unit_cost",
  "received_at",
  "customer_id",
  "order_id",
  "line_item_id",
  "fulfillment_id",
  "delivered_at",
  "shipped_at",
  "replaces_serial_number_id",
  "warranty_starts_at",
  "warranty_expires_at",
  "warranty_overridden",
  "contract_expires_at",
  "end_of_life_at",
  "notes",
  "metadata",
  "created_at",
  "updated_at",
]

/** Related records a client may ask for with `fields=*variant` and the like. */
const RELATIONS = [
  "product_variant",
  "product",
  "inventory_item",
  "stock_location",
  "order",
  "order_line_item",
  "fulfillment",
  "customer",
]

export const SERIAL_ALLOWED_FIELDS = [...SERIAL_FIELDS, ...RELATIONS]

export const listSerialNumbersConfig = {
  defaults: SERIAL_FIELDS,
  allowed: SERIAL_ALLOWED_FIELDS,
  isList: true,
}

export const retrieveSerialNumberConfig = {
  defaults: SERIAL_FIELDS,
  allowed: SERIAL_ALLOWED_FIELDS,
  isList: false,
}
