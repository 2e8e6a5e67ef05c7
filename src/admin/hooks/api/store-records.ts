import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** Medusa's own records the plugin's pages pick from: stock locations, variants, customers. */
export type Option = { value: string; label: string }

export function useStockLocationOptions() {
  return useQuery({
    queryKey: ["serial-pages", "stock-locations"],
    queryFn: async (): Promise<Option[]> => {
      const { stock_locations } = await sdk.admin.stockLocation.list({ limit: 200, fields: "id,name" })
      return stock_locations.map((l) => ({ value: l.id, label: l.name }))
    },
    staleTime: 60_000,
  })
}

/** The store's currencies (Medusa's store settings), the default first. */
export function useStoreCurrencyOptions() {
  return useQuery({
    queryKey: ["serial-pages", "store-currencies"],
    queryFn: async (): Promise<Option[]> => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" } as any)
      const currencies = [...((stores[0] as any)?.supported_currencies ?? [])].sort(
        (a: any, b: any) => Number(!!b.is_default) - Number(!!a.is_default)
      )
      return currencies.map((c: any) => ({ value: c.currency_code, label: String(c.currency_code).toUpperCase() }))
    },
    staleTime: 60_000,
  })
}

export function useProductOptions() {
  return useQuery({
    queryKey: ["serial-pages", "products"],
    queryFn: async (): Promise<Option[]> => {
      const { products } = await sdk.admin.product.list({ limit: 200, fields: "id,title" })
      return products.map((p) => ({ value: p.id, label: p.title }))
    },
    staleTime: 60_000,
  })
}

export type VariantOption = Option & { sku: string | null; product_title: string }

/** Variants with their product's title, for the receipt lines. */
export function useVariantOptions() {
  return useQuery({
    queryKey: ["serial-pages", "variants"],
    queryFn: async (): Promise<VariantOption[]> => {
      const { products } = await sdk.admin.product.list({ limit: 200, fields: "id,title,*variants" })
      return products.flatMap((p) =>
        (p.variants ?? []).map((v) => ({
          value: v.id,
          sku: v.sku ?? null,
          product_title: p.title,
          label: `${p.title} · ${v.title ?? ""}${v.sku ? ` (${v.sku})` : ""}`,
        }))
      )
    },
    staleTime: 60_000,
  })
}

export function useCustomerOptions() {
  return useQuery({
    queryKey: ["serial-pages", "customers"],
    queryFn: async (): Promise<Option[]> => {
      const { customers } = await sdk.admin.customer.list({ limit: 200, fields: "id,email,first_name,last_name" })
      return customers.map((c) => ({ value: c.id, label: customerLabel(c) }))
    },
    staleTime: 60_000,
  })
}

/** A label for an id from options, or the id itself while they load. */
export const labelOf = (options: Option[] | undefined, id?: string | null) =>
  id ? options?.find((o) => o.value === id)?.label ?? id : "—"

/** Up to 20 customers whose name or email holds `text` (Medusa's own `q` search), for search filters. */
export async function searchCustomers(text: string): Promise<Option[]> {
  const { customers } = await sdk.admin.customer.list({ ...(text ? { q: text } : {}), limit: 20, fields: "id,email,first_name,last_name" })
  return customers.map((c) => ({ value: c.id, label: customerLabel(c) }))
}

export async function describeCustomer(id: string): Promise<string> {
  const { customer } = await sdk.admin.customer.retrieve(id, { fields: "id,email,first_name,last_name" })
  return customerLabel(customer)
}

/** Up to 20 products whose title holds `text`, for search filters. */
export async function searchProducts(text: string): Promise<Option[]> {
  const { products } = await sdk.admin.product.list({ ...(text ? { q: text } : {}), limit: 20, fields: "id,title" })
  return products.map((p) => ({ value: p.id, label: p.title }))
}

export async function describeProduct(id: string): Promise<string> {
  const { product } = await sdk.admin.product.retrieve(id, { fields: "id,title" })
  return product.title
}

/** A customer as the pages show one: name and email, so that two of one name differ. */
function customerLabel(c: { email: string; first_name?: string | null; last_name?: string | null }) {
  const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
  return name ? `${name} (${c.email})` : c.email
}
