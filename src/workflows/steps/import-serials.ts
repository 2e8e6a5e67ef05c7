import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERIAL_MODULE } from "../../modules/serial"
import type SerialModuleService from "../../modules/serial/service"
import { importSource } from "../utils/import-sources"
import { serialImportCatalogue } from "../utils/serial-catalogue"

export type ImportSerialsStepInput = {
  /** The CSV file's key (workflows/utils/import-sources.ts). */
  source_key: string
  dry_run: boolean
  actor_id?: string | null
}

export const importSerialsStepId = "import-serials-step"
/**
 * Imports the serials of a CSV file, all or nothing, checked against Medusa's catalogue
 * (a dry run writes nothing). Compensation deletes the serials it created, with their
 * ledger rows.
 */
export const importSerialsStep = createStep(
  importSerialsStepId,
  async (input: ImportSerialsStepInput, { container }) => {
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    const { records, onProgress } = importSource(input.source_key)
    const report = await service.importSerials(records, serialImportCatalogue(container), {
      dry_run: input.dry_run,
      actor_id: input.actor_id ?? null,
      onProgress,
    })
    return new StepResponse(report, report.created_ids)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: SerialModuleService = container.resolve(SERIAL_MODULE)
    await service.purgeSerials(createdIds)
  }
)
