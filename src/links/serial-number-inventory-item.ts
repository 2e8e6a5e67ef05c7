import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import SerialModule from "../modules/serial"

// Read-only link: the serial stores the id, so query.graph joins without a link table.
export default defineLink(
  { linkable: SerialModule.linkable.serialNumber, field: "inventory_item_id" },
  InventoryModule.linkable.inventoryItem,
  { readOnly: true }
)
