import { Button, IconButton, Input, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

type Row = { key: string; value: string }

const toRows = (metadata?: Record<string, unknown> | null): Row[] =>
  Object.entries(metadata ?? {}).map(([key, value]) => ({
    key,
    value: typeof value === "string" ? value : JSON.stringify(value),
  }))

/** Values typed as JSON (numbers, true, objects) keep their type; anything else is text. */
const parseValue = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Key/value rows for a record's metadata; saves the whole object at once. */
export const MetadataEditor = ({
  metadata,
  saving,
  onSave,
}: {
  metadata?: Record<string, unknown> | null
  saving?: boolean
  onSave: (metadata: Record<string, unknown>) => void
}) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.serialForms.metadata" })
  const [rows, setRows] = useState<Row[]>(toRows(metadata))
  useEffect(() => setRows(toRows(metadata)), [metadata])
  const keys = rows.map((r) => r.key.trim()).filter(Boolean)
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i)
  const update = (index: number, change: Partial<Row>) =>
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...change } : r)))

  return (
    <div className="flex flex-col gap-2">
      {rows.map((row, index) => (
        <div key={index} className="flex items-center gap-2">
          <Input size="small" placeholder={t("key")} value={row.key} onChange={(e) => update(index, { key: e.target.value })} />
          <Input size="small" placeholder={t("value")} value={row.value} onChange={(e) => update(index, { value: e.target.value })} />
          <IconButton size="small" variant="transparent" aria-label={t("remove")} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            <Trash />
          </IconButton>
        </div>
      ))}
      {rows.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("empty")}
        </Text>
      )}
      {duplicate && (
        <Text size="small" className="text-ui-fg-error">
          {t("duplicateKey", { name: duplicate })}
        </Text>
      )}
      <div className="flex gap-2">
        <Button size="small" variant="secondary" onClick={() => setRows([...rows, { key: "", value: "" }])}>
          {t("addField")}
        </Button>
        <Button
          size="small"
          disabled={!!duplicate}
          isLoading={saving}
          onClick={() =>
            onSave(Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), parseValue(r.value)])))
          }
        >
          {t("save")}
        </Button>
      </div>
    </div>
  )
}
