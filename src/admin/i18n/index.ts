/**
 * The plugin's admin texts, English and German, for Medusa's admin i18n (react-i18next):
 * merged into the dashboard's `translation` namespace under `serials`, one file per area
 * of the admin (`<language>/<area>.json`). Components read them with
 * `useTranslation(undefined, { keyPrefix: "serials.<area>" })`; route labels name their
 * key with `translationNs: "translation"`. English is the fallback for a language the
 * plugin does not have. integration-tests/unit/admin-translations.spec.ts checks that no
 * text is left hard-coded and that both languages have every key.
 */
import enCommon from "./en/common.json"
import enSerialList from "./en/serialList.json"
import enSerialDetail from "./en/serialDetail.json"
import enSerialForms from "./en/serialForms.json"
import enReceipts from "./en/receipts.json"
import enSeries from "./en/series.json"
import enImports from "./en/imports.json"
import enLabels from "./en/labels.json"
import enEntry from "./en/entry.json"
import enMaintenance from "./en/maintenance.json"
import enClaims from "./en/claims.json"
import enRegistrations from "./en/registrations.json"
import enReports from "./en/reports.json"
import enWidgets from "./en/widgets.json"
import enTransfers from "./en/transfers.json"
import enStockTakes from "./en/stockTakes.json"
import deCommon from "./de/common.json"
import deSerialList from "./de/serialList.json"
import deSerialDetail from "./de/serialDetail.json"
import deSerialForms from "./de/serialForms.json"
import deReceipts from "./de/receipts.json"
import deSeries from "./de/series.json"
import deImports from "./de/imports.json"
import deLabels from "./de/labels.json"
import deEntry from "./de/entry.json"
import deMaintenance from "./de/maintenance.json"
import deClaims from "./de/claims.json"
import deRegistrations from "./de/registrations.json"
import deReports from "./de/reports.json"
import deWidgets from "./de/widgets.json"
import deTransfers from "./de/transfers.json"
import deStockTakes from "./de/stockTakes.json"

export default {
  en: { translation: { serials: { common: enCommon, serialList: enSerialList, serialDetail: enSerialDetail, serialForms: enSerialForms, receipts: enReceipts, series: enSeries, imports: enImports, labels: enLabels, entry: enEntry, maintenance: enMaintenance, claims: enClaims, registrations: enRegistrations, reports: enReports, widgets: enWidgets, transfers: enTransfers, stockTakes: enStockTakes } } },
  de: { translation: { serials: { common: deCommon, serialList: deSerialList, serialDetail: deSerialDetail, serialForms: deSerialForms, receipts: deReceipts, series: deSeries, imports: deImports, labels: deLabels, entry: deEntry, maintenance: deMaintenance, claims: deClaims, registrations: deRegistrations, reports: deReports, widgets: deWidgets, transfers: deTransfers, stockTakes: deStockTakes } } },
}
