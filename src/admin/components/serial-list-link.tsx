import { Button } from "@medusajs/ui"
import { Link } from "react-router-dom"

/** A link to the serial numbers list, filtered (product_id, variant_id, customer_id, ...). */
export const SerialListLink = ({ filter, label = "View serial numbers" }: { filter: Record<string, string>; label?: string }) => (
  <Button size="small" variant="secondary" asChild>
    <Link to={`/serial-numbers?${new URLSearchParams(filter).toString()}`}>{label}</Link>
  </Button>
)
