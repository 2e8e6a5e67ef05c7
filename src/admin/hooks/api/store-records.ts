import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** Medusa's own records the plugin's pages name and pick: stock locations, products, variants, customers, currencies. */
export type Option = { value: string; label: string }

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

/** A label for an id from options: "…" while they load, the id itself when they do not name it. */
export const labelOf = (options: Option[] | undefined, id?: string | null) =>
  id ? (options ? options.find((o) => o.value === id)?.label ?? id : "…") : "—"

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

/**
 * Names of just the records a page shows, asked of Medusa by their ids (a page of a list
 * holds at most a few dozen), so that a store's thousandth customer or location is named
 * like its first. Answers options for `labelOf`; ids not found stay ids.
 */
function useNames(kind: string, ids: Array<string | null | undefined>, fetch: (ids: string[]) => Promise<Option[]>) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort()
  const names = useQuery({
    queryKey: ["serial-pages", "names", kind, wanted],
    queryFn: () => (wanted.length ? fetch(wanted) : Promise.resolve([])),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
  if (!names.isPlaceholderData || !names.data) {
    return names.data
  }
  // While this page's names load, the previous page's name the records both pages show.
  const known = names.data.filter((o) => wanted.includes(o.value))
  return [...known, ...wanted.filter((id) => !known.some((o) => o.value === id)).map((id) => ({ value: id, label: "…" }))]
}

export const useCustomerNames = (ids: Array<string | null | undefined>) =>
  useNames("customers", ids, async (id) => {
    const { customers } = await sdk.admin.customer.list({ id, limit: id.length, fields: "id,email,first_name,last_name" })
    return customers.map((c) => ({ value: c.id, label: customerLabel(c) }))
  })

export const useProductNames = (ids: Array<string | null | undefined>) =>
  useNames("products", ids, async (id) => {
    const { products } = await sdk.admin.product.list({ id, limit: id.length, fields: "id,title" })
    return products.map((p) => ({ value: p.id, label: p.title }))
  })

export const useLocationNames = (ids: Array<string | null | undefined>) =>
  useNames("locations", ids, async (id) => {
    const { stock_locations } = await sdk.admin.stockLocation.list({ id, limit: id.length, fields: "id,name" })
    return stock_locations.map((l) => ({ value: l.id, label: l.name }))
  })

/** A variant as the pages show one: its product, its title, its SKU. */
const variantLabel = (v: { title?: string | null; sku?: string | null; product?: { title?: string | null } | null }) =>
  `${v.product?.title ?? ""} · ${v.title ?? ""}${v.sku ? ` (${v.sku})` : ""}`

export const useVariantNames = (ids: Array<string | null | undefined>) =>
  useNames("variants", ids, async (id) => {
    const { variants } = await sdk.admin.productVariant.list({ id, limit: id.length, fields: "id,title,sku,product.title" } as any)
    return variants.map((v: any) => ({ value: v.id, label: variantLabel(v) }))
  })

/** Up to 20 stock locations whose name holds `text`, for search filters. */
export async function searchLocations(text: string): Promise<Option[]> {
  const { stock_locations } = await sdk.admin.stockLocation.list({ ...(text ? { q: text } : {}), limit: 20, fields: "id,name" })
  return stock_locations.map((l) => ({ value: l.id, label: l.name }))
}

export async function describeLocation(id: string): Promise<string> {
  const { stock_location } = await sdk.admin.stockLocation.retrieve(id, { fields: "id,name" })
  return stock_location.name
}

/** Up to 20 variants whose title, SKU or product title holds `text` (Medusa's `q`), for pickers. */
export async function searchVariants(text: string): Promise<Option[]> {
  const { variants } = await sdk.admin.productVariant.list({ ...(text ? { q: text } : {}), limit: 20, fields: "id,title,sku,product.title" } as any)
  return variants.map((v: any) => ({ value: v.id, label: variantLabel(v) }))
}

export async function describeVariant(id: string): Promise<string> {
  const { variants } = await sdk.admin.productVariant.list({ id: [id], limit: 1, fields: "id,title,sku,product.title" } as any)
  return variants[0] ? variantLabel(variants[0] as any) : id
}

/** A customer as the pages show one: name and email, so that two of one name differ. */
function customerLabel(c: { email: string; first_name?: string | null; last_name?: string | null }) {
  const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
  return name ? `${name} (${c.email})` : c.email
}
