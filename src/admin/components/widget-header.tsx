import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The header row of a widget, as on the dashboard's own sections. */
export const WidgetHeader = ({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div>
      <Heading level="h2">{title}</Heading>
      {subtitle && (
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      )}
    </div>
    {actions && <div className="flex items-center gap-x-2">{actions}</div>}
  </div>
)
