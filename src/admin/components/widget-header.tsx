import { SectionHeader, type SectionHeaderProps } from "./section-header"

/** The header row of a widget: a section of the host page, so its title is an h2. */
export const WidgetHeader = (props: Omit<SectionHeaderProps, "level">) => <SectionHeader {...props} level="h2" />
