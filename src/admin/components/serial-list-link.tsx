import { Button } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useTranslation } from "react-i18next"

/** A link to the serial numbers list, filtered (product_id, variant_id, customer_id, ...). */
export const SerialListLink = ({ filter, label }: { filter: Record<string, string>; label?: string }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return (
    <Button size="small" variant="secondary" asChild>
      <Link to={`/serial-numbers?${new URLSearchParams(filter).toString()}`}>{label ?? t("viewSerials")}</Link>
    </Button>
  )
}
