import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { scopeKeyOf, SerialPluginOptions } from "../lib/options"
import type { SqlManager } from "../lib/sql"
import { CsvRecord, ImportOptions, ImportReport, runSerialImport, SerialImportCatalogue } from "../lib/import-engine"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialOptions: SerialPluginOptions
  serialSettingsService: ModulesSdkTypes.IMedusaInternalService<any>
}

/** CSV import of serials that exist already: all or nothing, in one transaction. */
export default class SerialImportService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly options_: SerialPluginOptions
  protected readonly serialSettingsService_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({ baseRepository, serialOptions, serialSettingsService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.options_ = serialOptions
    this.serialSettingsService_ = serialSettingsService
  }

  /**
   * Imports the records (header first), in batches (see lib/import-engine.ts for the
   * rules). Any problem in any row and nothing is saved; a dry run writes nothing. Returns
   * the report either way.
   */
  @InjectManager()
  async import(
    records: AsyncIterable<CsvRecord>,
    catalogue: SerialImportCatalogue,
    options: ImportOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ImportReport> {
    try {
      return await this.importInTransaction_(records, catalogue, options, sharedContext)
    } catch (e) {
      if (e instanceof ImportRefused) {
        return e.report
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async importInTransaction_(
    records: AsyncIterable<CsvRecord>,
    catalogue: SerialImportCatalogue,
    options: ImportOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ImportReport> {
    const report = await runSerialImport(
      records,
      {
        manager: sharedContext.transactionManager as SqlManager,
        catalogue,
        settings: async (variantIds) => {
          const rows = await this.baseRepository_.serialize<any[]>(
            await this.serialSettingsService_.list({ variant_id: variantIds }, {}, sharedContext)
          )
          return new Map(rows.map((r) => [r.variant_id, r]))
        },
        scopeKey: (variantId) => scopeKeyOf(this.options_, variantId),
        uniquenessScope: this.options_.uniqueness_scope,
      },
      options
    )
    if (report.error_count && !options.dry_run) {
      // Thrown to roll back the batches written before the problem was found.
      throw new ImportRefused(report)
    }
    return report
  }
}

/** Carries a refused import's report out of its transaction, which it rolls back. */
class ImportRefused extends Error {
  constructor(public readonly report: ImportReport) {
    super(`Import refused: ${report.error_count} problem(s)`)
  }
}
