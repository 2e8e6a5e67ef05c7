import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"

/**
 * The first row of a detail page: a link back to its list above the title, and on the
 * right the record's status badge and actions.
 */
export const DetailHeader = ({
  back,
  title,
  titleClassName,
  status,
  actions,
}: {
  /** The list this record belongs to. */
  back: { to: string; label: string }
  title: ReactNode
  titleClassName?: string
  status: ReactNode
  actions?: ReactNode
}) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div>
      <Text size="small" className="text-ui-fg-subtle">
        <Link to={back.to} className="hover:underline">
          {back.label}
        </Link>
      </Text>
      <Heading level="h1" className={titleClassName}>
        {title}
      </Heading>
    </div>
    <div className="flex items-center gap-2">
      {status}
      {actions}
    </div>
  </div>
)
