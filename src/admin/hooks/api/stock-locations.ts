import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** Stock location names by id, for tables that only carry the id. */
export function useStockLocationNames() {
  const { data, ...rest } = useQuery({
    queryKey: ["serial-admin", "stock-location-names"],
    queryFn: () => sdk.admin.stockLocation.list({ limit: 1000, fields: "id,name" }),
    staleTime: 60_000,
  })
  const names: Record<string, string> = {}
  for (const location of data?.stock_locations ?? []) {
    names[location.id] = location.name
  }
  return { names, ...rest }
}
