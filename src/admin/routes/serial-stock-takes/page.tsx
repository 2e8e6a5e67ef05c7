import { Button, Container, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { useConfirmStockTake, usePreviewStockTake } from "../../hooks/api/serial-stock-takes"
import { describeVariant, labelOf, searchVariants, useLocationNames } from "../../hooks/api/store-records"
import { SearchFilter } from "../../components/search-filter"
import { splitSerialList } from "../../../shared/serial-input"
import type { AdminStockTake, StockTakeComparison, StockTakeInput } from "../../../shared/http/admin"
import { CountComparison } from "./components/count-comparison"
import { LocationPicker } from "../../components/location-picker"

/**
 * Stock-take (cycle count) at one location: scan or paste every serial found, compare with
 * the books, choose the variant of unknown serials, and confirm. Reached from a location's
 * page (`?location_id=`).
 */
const StockTakePage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.stockTakes" })
  const [params] = useSearchParams()
  const [locationId, setLocationId] = useState(params.get("location_id") ?? "")
  const [variantId, setVariantId] = useState<string | undefined>()
  const [pasted, setPasted] = useState("")
  const [scan, setScan] = useState("")
  const [note, setNote] = useState("")
  const [unknownVariants, setUnknownVariants] = useState<Record<string, string>>({})
  const [compared, setCompared] = useState<{ body: string; result: StockTakeComparison } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<AdminStockTake | null>(null)
  const preview = usePreviewStockTake()
  const confirm = useConfirmStockTake()
  const locationNames = useLocationNames([locationId, ...(compared?.result.unexpected ?? []).map((s) => s.stock_location_id)])
  const locationName = (id: string | null) => (id ? labelOf(locationNames, id) : t("noLocation"))

  const serials = useMemo(() => splitSerialList(pasted), [pasted])
  const body: StockTakeInput = useMemo(() => {
    const unknown = new Set(compared?.result.unknown ?? [])
    return {
      location_id: locationId,
      serial_numbers: serials,
      variant_ids: variantId ? [variantId] : null,
      new_serials: Object.entries(unknownVariants)
        .filter(([text, v]) => v && unknown.has(text))
        .map(([serial_number, variant_id]) => ({ serial_number, variant_id })),
    }
  }, [locationId, serials, variantId, unknownVariants, compared])
  const bodyText = JSON.stringify(body)
  const isCurrent = compared?.body === bodyText
  const canConfirm = isCurrent && compared!.result.problems.length === 0

  const compare = () => {
    setError(null)
    setDone(null)
    preview.mutate(body, {
      onSuccess: ({ stock_take_preview }) => setCompared({ body: bodyText, result: stock_take_preview }),
      onError: (e) => {
        setCompared(null)
        setError((e as Error).message)
      },
    })
  }
  const submit = () =>
    confirm.mutate(
      { ...body, note: note.trim() || null },
      {
        onSuccess: ({ stock_take }) => {
          setDone(stock_take)
          setCompared(null)
          setPasted("")
          setUnknownVariants({})
          toast.success(
            t("confirmedToast", {
              moved: stock_take.transferred.length,
              lost: stock_take.lost.length,
              received: stock_take.received?.serial_numbers.length ?? 0,
            })
          )
        },
        onError: (e) => setError((e as Error).message),
      }
    )

  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          {locationId && (
            <Text size="small" className="text-ui-fg-subtle">
              <Link to={`/settings/locations/${locationId}`} className="hover:underline">
                {locationName(locationId)}
              </Link>
            </Text>
          )}
          <Heading level="h1">{t("title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("intro")}
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <div>
            <Label size="small">{t("location")}</Label>
            <LocationPicker label={t("location")} placeholder={t("chooseLocation")} value={locationId} onChange={setLocationId} />
          </div>
          <div className="flex flex-col">
            <Label size="small">{t("countOnly")}</Label>
            <SearchFilter label={t("variant")} value={variantId} onChange={setVariantId} search={searchVariants} describe={describeVariant} className="w-full" />
          </div>
          <div className="md:col-span-2">
            <Label size="small" htmlFor="scan">{t("scan")}</Label>
            <Input
              id="scan"
              size="small"
              placeholder={t("scanPlaceholder")}
              aria-label={t("scanAria")}
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && scan.trim()) {
                  e.preventDefault()
                  setPasted((text) => (text.trim() ? `${text.replace(/\s+$/, "")}\n${scan.trim()}` : scan.trim()))
                  setScan("")
                }
              }}
            />
          </div>
          <div className="md:col-span-2">
            <Label size="small" htmlFor="found">{t("serialsFound", { count: serials.length })}</Label>
            <Textarea id="found" rows={6} placeholder={t("foundPlaceholder")} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </div>
          <div className="md:col-span-2">
            <Label size="small" htmlFor="note">{t("note")}</Label>
            <Input id="note" size="small" placeholder={t("notePlaceholder")} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        </div>
        <div className="flex justify-end gap-2 px-6 py-4">
          <Button size="small" variant="secondary" disabled={!locationId} isLoading={preview.isPending} onClick={compare}>
            {t("compare")}
          </Button>
          <Button size="small" disabled={!canConfirm} isLoading={confirm.isPending} onClick={submit}>
            {t("confirm")}
          </Button>
        </div>
      </Container>

      {(error || compared || done) && (
        <Container className="flex flex-col gap-3">
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
          {compared && !isCurrent && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("stale")}
            </Text>
          )}
          {compared && compared.result.problems.length > 0 && (
            <div className="bg-ui-bg-subtle rounded-md p-3" data-testid="count-problems">
              <Text size="small" weight="plus" className="text-ui-fg-error">
                {t("problems", { count: compared.result.problems.length })}
              </Text>
              <ul className="mt-1 list-disc pl-5">
                {compared.result.problems.map((p) => (
                  <li key={p}>
                    <Text size="small">{p}</Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {compared && (
            <CountComparison
              comparison={compared.result}
              locationName={locationName}
              unknownVariants={unknownVariants}
              onUnknownVariant={(text, v) => setUnknownVariants((m) => ({ ...m, [text]: v }))}
            />
          )}
          {done && (
            <div data-testid="count-done">
              <Text size="small" weight="plus">
                {t("done", {
                  found: done.found_count,
                  moved: done.transferred.length,
                  lost: done.lost.length,
                  received: done.received?.serial_numbers.length ?? 0,
                })}
              </Text>
              {done.received && (
                <Link to={`/serial-numbers?receipt_id=${done.received.receipt_id}`} className="text-ui-fg-interactive txt-compact-small">
                  {t("receivedLink")}
                </Link>
              )}
            </div>
          )}
        </Container>
      )}
    </div>
  )
}

export default StockTakePage
