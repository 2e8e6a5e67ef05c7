import { Button, Container, Heading, IconButton, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { emptyEntry, entryProblems, entryToItem, SerialEntryField, useEntryProblemText, type SerialEntry } from "../../../components/serial-entry"
import { useCheckSerialReceipt, usePostSerialReceipt } from "../../../hooks/api/serial-receipts"
import type { ReceiptCheck, ReceiptInput } from "../../../../shared/http/admin"
import { describeVariant, labelOf, searchVariants, useVariantNames } from "../../../hooks/api/store-records"
import { SearchFilter } from "../../../components/search-filter"
import { LocationPicker } from "../../../components/location-picker"

type Line = { key: number; variant_id: string; unit_cost: string; entry: SerialEntry }

let nextKey = 1
const newLine = (): Line => ({ key: nextKey++, variant_id: "", unit_cost: "", entry: emptyEntry() })

const ReceiveStockPage = () => {
  const { t } = useTranslation(undefined, { keyPrefix: "serials.receipts" })
  const problemText = useEntryProblemText()
  const navigate = useNavigate()
  const [supplier, setSupplier] = useState("")
  const [reference, setReference] = useState("")
  const [locationId, setLocationId] = useState("")
  const [receivedOn, setReceivedOn] = useState("")
  const [notes, setNotes] = useState("")
  const [lines, setLines] = useState<Line[]>([newLine()])
  const variantNames = useVariantNames(lines.map((l) => l.variant_id))
  const [check, setCheck] = useState<{ body: string; result: ReceiptCheck } | null>(null)
  const [checkError, setCheckError] = useState<string | null>(null)
  const dryRun = useCheckSerialReceipt()
  const post = usePostSerialReceipt()

  const body: ReceiptInput = useMemo(
    () => ({
      stock_location_id: locationId,
      // No supplier: opening stock, or units found.
      supplier: supplier.trim() ? { name: supplier.trim(), reference: reference.trim() || null } : null,
      ...(receivedOn ? { received_at: new Date(`${receivedOn}T12:00:00`).toISOString() } : {}),
      notes: notes.trim() || null,
      items: lines.map((l) => ({
        variant_id: l.variant_id,
        ...(l.unit_cost.trim() ? { unit_cost: Number(l.unit_cost) } : {}),
        ...entryToItem(l.entry),
      })),
    }),
    [locationId, supplier, reference, receivedOn, notes, lines]
  )
  const bodyText = JSON.stringify(body)

  // What the form can tell without the server; the preview adds the rest.
  const formProblems: string[] = []
  if (!supplier.trim() && reference.trim()) formProblems.push(t("receive.problems.referenceWithoutSupplier"))
  if (!locationId) formProblems.push(t("receive.problems.noLocation"))
  lines.forEach((l, i) => {
    const line = i + 1
    if (!l.variant_id) formProblems.push(t("receive.problems.noVariant", { line }))
    if (l.unit_cost.trim() && !(Number(l.unit_cost) >= 0)) formProblems.push(t("receive.problems.unitCost", { line, cost: l.unit_cost }))
    const item = entryToItem(l.entry)
    if (item.quantity < 1) formProblems.push(t("receive.problems.noSerials", { line }))
    entryProblems(l.entry).forEach((p) => formProblems.push(t("receive.problems.entry", { line, problem: problemText(p) })))
  })

  const previewIsCurrent = check?.body === bodyText
  const canPost = previewIsCurrent && check!.result.problems.length === 0

  const runPreview = () => {
    setCheckError(null)
    dryRun.mutate(body, {
      onSuccess: (result) => setCheck({ body: bodyText, result }),
      onError: (e) => {
        setCheck(null)
        setCheckError((e as Error).message)
      },
    })
  }

  const submit = () =>
    post.mutate(body, {
      onSuccess: ({ serial_receipt }) => {
        toast.success(t("receive.posted", { id: serial_receipt.display_id }))
        navigate(`/serial-numbers?receipt_id=${serial_receipt.id}`)
      },
      onError: (e) => {
        setCheck(null)
        setCheckError((e as Error).message)
      },
    })

  const updateLine = (key: number, change: Partial<Line>) =>
    setLines((current) => current.map((l) => (l.key === key ? { ...l, ...change } : l)))
  const variantLabel = (id: string) => labelOf(variantNames, id)

  return (
    <div className="flex flex-col gap-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            <Link to="/serial-receipts" className="hover:underline">
              {t("title")}
            </Link>
          </Text>
          <Heading level="h1">{t("receiveStock")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("receive.intro")}
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <div>
            <Label size="small" htmlFor="supplier">{t("receive.supplier")}</Label>
            <Input
              id="supplier"
              size="small"
              placeholder={t("receive.supplierPlaceholder")}
              value={supplier}
              onChange={(e) => setSupplier(e.target.value)}
            />
          </div>
          <div>
            <Label size="small" htmlFor="reference">{t("receive.reference")}</Label>
            <Input id="reference" size="small" value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          <div>
            <Label size="small">{t("receive.location")}</Label>
            <LocationPicker label={t("receive.location")} placeholder={t("receive.locationPlaceholder")} value={locationId} onChange={setLocationId} />
          </div>
          <div>
            <Label size="small" htmlFor="received">{t("receive.receivedOn")}</Label>
            <Input id="received" size="small" type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </div>
          <div className="md:col-span-2">
            <Label size="small" htmlFor="notes">{t("receive.notes")}</Label>
            <Textarea id="notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
        </div>
      </Container>

      {lines.map((line, index) => (
        <Container key={line.key} className="flex flex-col gap-3" data-testid={`receipt-line-${index}`}>
          <div className="flex items-center justify-between">
            <Heading level="h3">{t("receive.line", { line: index + 1 })}</Heading>
            {lines.length > 1 && (
              <IconButton size="small" variant="transparent" aria-label={t("receive.removeLine", { line: index + 1 })} onClick={() => setLines(lines.filter((l) => l.key !== line.key))}>
                <Trash />
              </IconButton>
            )}
          </div>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-[1fr_160px]">
            <div>
              <Label size="small">{t("receive.variant")}</Label>
              {/* Searched on the server as one types: a store's thousandth variant is found like its first. */}
              <SearchFilter
                label={t("receive.variantOfLine", { line: index + 1 })}
                value={line.variant_id || undefined}
                onChange={(v) => updateLine(line.key, { variant_id: v ?? "" })}
                search={searchVariants}
                describe={describeVariant}
                clearable={false}
                placeholder={t("receive.variantPlaceholder")}
                className="w-full"
              />
            </div>
            <div>
              <Label size="small">{t("receive.unitCost")}</Label>
              <Input size="small" type="number" min={0} step="0.01" value={line.unit_cost} onChange={(e) => updateLine(line.key, { unit_cost: e.target.value })} />
            </div>
          </div>
          <SerialEntryField index={index} entry={line.entry} onChange={(entry) => updateLine(line.key, { entry })} />
        </Container>
      ))}

      <Container className="flex flex-col gap-3">
        <div className="flex items-center justify-between">
          <Button size="small" variant="secondary" onClick={() => setLines([...lines, newLine()])}>
            {t("receive.addLine")}
          </Button>
          <div className="flex gap-2">
            <Button size="small" variant="secondary" disabled={formProblems.length > 0} isLoading={dryRun.isPending} onClick={runPreview}>
              {t("receive.preview")}
            </Button>
            <Button size="small" disabled={!canPost} isLoading={post.isPending} onClick={submit}>
              {t("receive.post")}
            </Button>
          </div>
        </div>
        {formProblems.length > 0 && (
          <ul className="flex flex-col gap-1" data-testid="form-problems">
            {formProblems.map((p) => (
              <li key={p}>
                <Text size="small" className="text-ui-fg-subtle">
                  {p}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {checkError && (
          <Text size="small" className="text-ui-fg-error" data-testid="receipt-problems">
            {checkError}
          </Text>
        )}
        {check && (
          <div data-testid="receipt-preview" className="flex flex-col gap-2">
            {!previewIsCurrent && (
              <Text size="small" className="text-ui-fg-subtle">
                {t("receive.previewStale")}
              </Text>
            )}
            {check.result.problems.length > 0 ? (
              <div className="bg-ui-bg-subtle rounded-md p-3" data-testid="receipt-problems">
                <Text size="small" weight="plus" className="text-ui-fg-error">
                  {t("receive.problemCount", { count: check.result.problems.length })}
                </Text>
                <ul className="mt-1 list-disc pl-5">
                  {check.result.problems.map((p) => (
                    <li key={p}>
                      <Text size="small">{p}</Text>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <Text size="small" className="text-ui-fg-interactive">
                {t("receive.noProblems")}
              </Text>
            )}
            {check.result.problems.length > 0 && (
              <Text size="small" weight="plus">
                {t("receive.linesAsEntered")}
              </Text>
            )}
            <ul className="flex flex-col gap-1">
              {check.result.lines.map((l, i) => (
                <li key={i}>
                  <Text size="small">
                    {t("receive.previewLine", { variant: variantLabel(l.variant_id), count: l.serials.length })}
                    {l.serials.length ? ` (${l.serials.slice(0, 3).join(", ")}${l.serials.length > 3 ? ` … ${l.serials[l.serials.length - 1]}` : ""})` : ""}
                    {l.from_series ? ` ${t("receive.fromSeries")}` : ""}
                  </Text>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Container>
    </div>
  )
}

export default ReceiveStockPage
