import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One labelled value of a detail page's section: the label on the left, the value on the right. */
export const DetailField = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" as="div">
      {children}
    </Text>
  </div>
)
