import { Button, Input, Popover, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useSettled } from "../lib/use-settled"
import type { Option } from "../hooks/api/store-records"
import { useTranslation } from "react-i18next"

/** Matches the server finds for a search text (the first page of them). */
export type OptionSearch = (text: string) => Promise<Option[]>

/**
 * A list filter (or a form's picker) over a set too big to load (customers, products,
 * locations, variants): a button showing the chosen record, and a search box that asks
 * the server as the operator types and lists its first matches. `describe` names the
 * chosen record by its id (after a reload the URL holds only the id).
 */
export const SearchFilter = ({
  label,
  value,
  onChange,
  search,
  describe,
  clearable = true,
  placeholder,
  className = "w-[170px]",
}: {
  label: string
  value?: string
  onChange: (value: string | undefined) => void
  search: OptionSearch
  describe: (id: string) => Promise<string>
  /** A filter offers "all"; a form's picker (`false`) needs a record. */
  clearable?: boolean
  /** What the button says while nothing is chosen (a filter: "<label>: all"). */
  placeholder?: string
  className?: string
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  const [open, setOpen] = useState(false)
  const [text, setText] = useState("")
  const settled = useSettled(text.trim(), 250)
  const matches = useQuery({
    queryKey: ["serial-pages", "search", label, settled],
    queryFn: () => search(settled),
    enabled: open,
    placeholderData: (previous) => previous,
  })
  const chosen = useQuery({
    queryKey: ["serial-pages", "describe", label, value],
    queryFn: () => describe(value!),
    enabled: !!value,
    staleTime: 60_000,
  })
  const pick = (next: string | undefined) => {
    onChange(next)
    setOpen(false)
    setText("")
  }
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button size="small" variant="secondary" aria-label={label} className={`${className} justify-start truncate`}>
          {value ? chosen.data ?? "…" : placeholder ?? t("all", { label })}
        </Button>
      </Popover.Trigger>
      <Popover.Content className="flex w-[280px] flex-col gap-1 p-2" align="start">
        <Input
          size="small"
          type="search"
          autoFocus
          placeholder={t("search", { label })}
          aria-label={t("search", { label })}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ul role="listbox" aria-label={t("matches", { label })} className="flex max-h-[260px] flex-col overflow-y-auto">
          {clearable && (
            <li>
              <Button size="small" variant="transparent" className="w-full justify-start" role="option" aria-selected={!value} onClick={() => pick(undefined)}>
                {t("all", { label })}
              </Button>
            </li>
          )}
          {(matches.data ?? []).map((o) => (
            <li key={o.value}>
              <Button
                size="small"
                variant="transparent"
                className="w-full justify-start truncate"
                role="option"
                aria-selected={o.value === value}
                onClick={() => pick(o.value)}
              >
                {o.label}
              </Button>
            </li>
          ))}
        </ul>
        {matches.data && matches.data.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle px-2">
            {t("noMatch")}
          </Text>
        )}
      </Popover.Content>
    </Popover>
  )
}
