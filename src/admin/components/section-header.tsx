import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export type SectionHeaderProps = {
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
  /** h1 for a page's own header, h2 for a widget or a section of a page. */
  level?: "h1" | "h2"
}

/** The header row of a page or a widget, as on the dashboard's own sections: title, subtitle, actions on the right. */
export const SectionHeader = ({ title, subtitle, actions, level = "h2" }: SectionHeaderProps) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div>
      <Heading level={level}>{title}</Heading>
      {subtitle && (
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      )}
    </div>
    {actions && <div className="flex items-center gap-x-2">{actions}</div>}
  </div>
)
