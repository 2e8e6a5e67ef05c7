import { Label, Select } from "@medusajs/ui"

/** A form's select with its label above it (the label names the select for screen readers and tests). */
export const LabelledSelect = ({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: string
  options: Array<{ value: string; label: string }>
  onChange: (v: string) => void
}) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" id={`${id}-label`}>
      {label}
    </Label>
    <Select size="small" value={value} onValueChange={onChange}>
      <Select.Trigger aria-labelledby={`${id}-label`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
