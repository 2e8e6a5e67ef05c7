import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

const ALL = "__all"

/** A compact select for one list filter; "All" clears it. */
export const FilterSelect = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value?: string
  options: Array<{ value: string; label: string }>
  onChange: (value: string | undefined) => void
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.common" })
  return (
  <Select size="small" value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : v)}>
    <Select.Trigger className="w-[170px]" aria-label={label}>
      <Select.Value placeholder={label} />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{t("all", { label })}</Select.Item>
      {options.map((o) => (
        <Select.Item key={o.value} value={o.value}>
          {o.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
  )
}
