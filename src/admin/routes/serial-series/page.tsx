import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ListBullet } from "@medusajs/icons"
import { Button, Container, Drawer, Input, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { formatSerial, parseSeriesPattern, resolvePattern } from "../../../shared/series-pattern"
import { ListTable } from "../../components/list-table"
import { SectionHeader } from "../../components/section-header"
import { useDeleteSerialSeries, useSaveSerialSeries, useSerialSeriesList, useSerialSeriesPreview } from "../../hooks/api/serial-series"
import type { AdminSerialSeries } from "../../../shared/http/admin"
import { useFormat } from "../../lib/format"

/** The first values a pattern gives on a fresh counter, or why the pattern is refused. */
function patternPreview(pattern: string, sku: string): { values: string[]; error: string | null } {
  if (!pattern.trim()) {
    return { values: [], error: null }
  }
  try {
    const parsed = parseSeriesPattern(pattern)
    const resolved = resolvePattern(parsed, { sku: sku || (parsed.usesSku ? "SKU" : null) })
    return { values: [1, 2, 3].map((v) => formatSerial(resolved, parsed.digits, v)), error: null }
  } catch (e) {
    return { values: [], error: (e as Error).message }
  }
}

const NextValues = ({ id, sku }: { id: string; sku?: string }) => {
  const { data, error } = useSerialSeriesPreview(id, { count: 3, sku })
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {(error as Error).message}
      </Text>
    )
  }
  return <span className="font-mono">{data?.values.join(", ") ?? "…"}</span>
}

const SeriesDrawer = ({ series, onClose }: { series: AdminSerialSeries | null | "new"; onClose: () => void }) => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.series" })
  const editing = series && series !== "new" ? series : null
  const [name, setName] = useState(editing?.name ?? "")
  const [pattern, setPattern] = useState(editing?.pattern ?? "SN-{YYYY}-#####")
  const [sku, setSku] = useState("")
  const save = useSaveSerialSeries()
  const local = patternPreview(pattern, sku)
  const unchanged = editing && pattern === editing.pattern

  return (
    <Drawer open={!!series} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{editing ? t("drawer.editTitle", { name: editing.name }) : t("drawer.newTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-4">
          <div>
            <Label size="small" htmlFor="series-name">{t("name")}</Label>
            <Input id="series-name" size="small" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div>
            <Label size="small" htmlFor="series-pattern">{t("pattern")}</Label>
            <Input id="series-pattern" size="small" className="font-mono" value={pattern} onChange={(e) => setPattern(e.target.value)} />
            <Text size="xsmall" className="text-ui-fg-subtle mt-1">
              {t("drawer.patternHelp")}
            </Text>
          </div>
          {local.values.length > 0 && /\{SKU\}/i.test(pattern) && (
            <div>
              <Label size="small" htmlFor="series-sku">{t("drawer.sampleSku")}</Label>
              <Input id="series-sku" size="small" value={sku} onChange={(e) => setSku(e.target.value)} placeholder={t("drawer.skuPlaceholder")} />
            </div>
          )}
          <div className="bg-ui-bg-subtle rounded-md p-3" data-testid="series-preview">
            <Text size="small" weight="plus">
              {t("drawer.preview")}
            </Text>
            {local.error ? (
              <Text size="small" className="text-ui-fg-error">
                {local.error}
              </Text>
            ) : unchanged && editing ? (
              <Text size="small">
                {t("drawer.nextValues")} <NextValues id={editing.id} sku={sku || undefined} />
              </Text>
            ) : (
              <Text size="small">
                {editing ? t("drawer.afterSaving") : t("drawer.firstValues")}{" "}
                <span className="font-mono">{local.values.join(", ")}</span>
              </Text>
            )}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" onClick={onClose}>
            {t("drawer.cancel")}
          </Button>
          <Button
            size="small"
            disabled={!name.trim() || !!local.error || !pattern.trim()}
            isLoading={save.isPending}
            onClick={() =>
              save.mutate(
                { id: editing?.id, name: name.trim(), pattern },
                {
                  onSuccess: () => {
                    toast.success(editing ? t("saved") : t("created"))
                    onClose()
                  },
                  onError: (e) => toast.error((e as Error).message),
                }
              )
            }
          >
            {t("drawer.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const SerialSeriesPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.series" })
  const format = useFormat()
  const { data, isLoading } = useSerialSeriesList()
  const [open, setOpen] = useState<AdminSerialSeries | null | "new">(null)
  const remove = useDeleteSerialSeries()
  const prompt = usePrompt()
  const rows = data?.serial_series ?? []

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Button size="small" onClick={() => setOpen("new")}>
            {t("create")}
          </Button>
        }
      />
      <ListTable
        columns={[
          { header: t("name"), cell: (s) => s.name },
          { header: t("pattern"), className: "font-mono", cell: (s) => s.pattern },
          { header: t("columns.nextValues"), cell: (s) => <NextValues id={s.id} /> },
          { header: t("columns.created"), cell: (s) => format.date(s.created_at) },
          {
            className: "text-right",
            cell: (s) => (
              <>
                <Button size="small" variant="transparent" onClick={() => setOpen(s)}>
                  {t("edit")}
                </Button>
                <Button
                  size="small"
                  variant="transparent"
                  onClick={async () => {
                    if (await prompt({ title: t("deletePrompt.title", { name: s.name }), description: t("deletePrompt.description") })) {
                      remove.mutate(s.id, {
                        onSuccess: () => toast.success(t("deleted")),
                        onError: (e) => toast.error((e as Error).message),
                      })
                    }
                  }}
                >
                  {t("delete")}
                </Button>
              </>
            ),
          },
        ]}
        rows={rows}
        isLoading={isLoading}
        emptyText={t("empty")}
      />
      {open && <SeriesDrawer key={open === "new" ? "new" : open.id} series={open} onClose={() => setOpen(null)} />}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "serials.series.menu", translationNs: "translation", icon: ListBullet })

export default SerialSeriesPage
