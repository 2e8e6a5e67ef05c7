import bwipjs from "bwip-js/browser"
import { useMemo } from "react"
import type { LabelTemplate } from "../../shared/labels"

/** Barcode or QR code as inline SVG; a serial that cannot be encoded shows why instead. */
function symbolSvg(bcid: "code128" | "qrcode", text: string): { svg: string | null; error: string | null } {
  try {
    const svg = bwipjs.toSVG(
      bcid === "code128"
        ? { bcid, text, scale: 2, height: 8, includetext: false, paddingwidth: 0, paddingheight: 0 }
        : { bcid, text, scale: 2, paddingwidth: 0, paddingheight: 0 }
    )
    return { svg, error: null }
  } catch (e) {
    return { svg: null, error: String((e as Error)?.message ?? e) }
  }
}

/**
 * One label: a QR code (the serial, or its warranty page when the store set
 * `warranty_url_template`), the serial as text with its product, and the serial as a
 * Code 128 barcode across the label.
 */
export const SerialLabel = ({ serial, title, qrText = serial }: { serial: string; title?: string | null; qrText?: string }) => {
  const barcode = useMemo(() => symbolSvg("code128", serial), [serial])
  const qr = useMemo(() => symbolSvg("qrcode", qrText), [qrText])
  return (
    <div className="serial-label" data-testid="serial-label" data-qr-text={qrText}>
      <div className="serial-label__top">
        <div className="serial-label__qr">{qr.svg ? <div dangerouslySetInnerHTML={{ __html: qr.svg }} /> : null}</div>
        <div className="serial-label__words">
          <div className="serial-label__text">{serial}</div>
          {title && <div className="serial-label__title">{title}</div>}
        </div>
      </div>
      <div className="serial-label__barcode">
        {barcode.svg ? <div dangerouslySetInnerHTML={{ __html: barcode.svg }} /> : <span className="serial-label__error">{barcode.error}</span>}
      </div>
    </div>
  )
}

/**
 * Sheet layouts. `a4-3x7`: a grid of 63.5 × 38.1 mm cells (the common 21-per-A4 sheet);
 * `thermal-62`: one 62 × 29 mm label per printed page, for 62 mm label printers (Brother
 * QL and alike). In print only the labels are shown, without the dashboard around them.
 */
export function labelSheetCss(template: LabelTemplate): string {
  return template === "thermal-62" ? THERMAL_62_CSS : A4_SHEET_CSS
}

const THERMAL_62_CSS = `
.serial-label-sheet { display: flex; flex-direction: column; gap: 2mm; }
.serial-label { box-sizing: border-box; width: 62mm; height: 29mm; padding: 1.5mm 2mm; border: 1px dashed #d4d4d8; background: white; color: black;
  display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; break-after: page; }
.serial-label__top { display: flex; gap: 2mm; align-items: center; }
.serial-label__qr svg { width: 14mm; height: 14mm; display: block; }
.serial-label__words { min-width: 0; display: flex; flex-direction: column; gap: 0.5mm; }
.serial-label__text { font-family: ui-monospace, monospace; font-size: 8pt; font-weight: 600; word-break: break-all; }
.serial-label__title { font-size: 6.5pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.serial-label__barcode svg { width: 100%; height: 7mm; display: block; }
.serial-label__error { font-size: 6.5pt; color: #b91c1c; }
@media print {
  @page { size: 62mm 29mm; margin: 0; }
  body * { visibility: hidden !important; }
  .serial-label-sheet, .serial-label-sheet * { visibility: visible !important; }
  .serial-label-sheet { position: absolute; left: 0; top: 0; gap: 0; }
  .serial-label { border-color: transparent; }
}
`

const A4_SHEET_CSS = `
.serial-label-sheet { display: grid; grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 38.1mm; gap: 0 2.5mm; }
.serial-label { box-sizing: border-box; padding: 2.5mm 3mm; border: 1px dashed #d4d4d8; background: white; color: black;
  display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; break-inside: avoid; }
.serial-label__top { display: flex; gap: 2.5mm; align-items: center; }
.serial-label__qr svg { width: 17mm; height: 17mm; display: block; }
.serial-label__words { min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.serial-label__text { font-family: ui-monospace, monospace; font-size: 9pt; font-weight: 600; letter-spacing: 0.02em; word-break: break-all; }
.serial-label__title { font-size: 7pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
/* The barcode gets the label's whole width: wider bars scan from further away. */
.serial-label__barcode svg { width: 100%; height: 10mm; display: block; }
.serial-label__error { font-size: 7pt; color: #b91c1c; }
@media print {
  @page { size: A4; margin: 10.7mm 7.2mm; }
  body * { visibility: hidden !important; }
  .serial-label-sheet, .serial-label-sheet * { visibility: visible !important; }
  .serial-label-sheet { position: absolute; left: 0; top: 0; }
  .serial-label { border-color: transparent; }
}
`
