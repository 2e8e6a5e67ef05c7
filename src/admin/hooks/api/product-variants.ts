import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type VariantLabel = { id: string; title: string | null; sku: string | null; product_id: string | null; product_title: string | null }

/** Titles and SKUs of the given variants (with their product's title), by id. */
export function useVariantLabels(ids: string[]) {
  const sorted = [...new Set(ids)].sort()
  const { data, ...rest } = useQuery({
    queryKey: ["serial-admin", "variant-labels", sorted],
    queryFn: () =>
      sdk.admin.productVariant.list({
        id: sorted,
        limit: sorted.length,
        fields: "id,title,sku,product_id,product.title",
      } as any),
    enabled: sorted.length > 0,
  })
  const labels: Record<string, VariantLabel> = {}
  for (const v of (data?.variants ?? []) as any[]) {
    labels[v.id] = {
      id: v.id,
      title: v.title ?? null,
      sku: v.sku ?? null,
      product_id: v.product_id ?? v.product?.id ?? null,
      product_title: v.product?.title ?? null,
    }
  }
  return { labels, ...rest }
}

/** A product's variants (the product page's own data leaves them out). */
export function useProductVariants(productId: string) {
  return useQuery({
    queryKey: ["serial-admin", "product-variants", productId],
    queryFn: () => sdk.admin.product.listVariants(productId, { limit: 200, fields: "id,title,sku" } as any),
  })
}
