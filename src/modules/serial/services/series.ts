import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { formatSerial, parseSeriesPattern, resolvePattern, SeriesPatternError } from "../../../shared/series-pattern"
import { findSeriesOverlap } from "../lib/series-overlap"
import { normalizeSerial } from "../../../shared/serial-text"
import { sql, SqlManager } from "../lib/sql"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  serialSeriesService: ModulesSdkTypes.IMedusaInternalService<any>
}

type SeriesContext = { sku?: string | null; date?: Date }

/** Number series: checking their patterns and issuing (or previewing) their next values. */
export default class SeriesService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly serialSeriesService_: ModulesSdkTypes.IMedusaInternalService<any>

  constructor({ baseRepository, serialSeriesService }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
    this.serialSeriesService_ = serialSeriesService
  }

  /** Refuses a malformed pattern, or one that can produce a serial another series can. */
  @InjectManager()
  async validatePattern(
    pattern: string,
    exceptSeriesId?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    let parsed
    try {
      parsed = parseSeriesPattern(pattern)
    } catch (e) {
      if (e instanceof SeriesPatternError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      }
      throw e
    }
    const others = await this.serialSeriesService_.list({}, { select: ["id", "name", "pattern"] }, sharedContext)
    for (const other of others) {
      if (other.id === exceptSeriesId) {
        continue
      }
      const example = findSeriesOverlap(parsed, parseSeriesPattern(other.pattern))
      if (example !== null) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Pattern "${pattern}" can produce the same serials as series "${other.name}" ("${other.pattern}"), for example "${example}"`
        )
      }
    }
  }

  /**
   * Issues the next `count` values of a series in one atomic counter update per block;
   * values that already exist as serials are skipped and never issued.
   */
  @InjectTransactionManager()
  async allocate(
    seriesId: string,
    count: number,
    context: SeriesContext = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlManager
    const { parsed, resolved } = await this.resolve_(seriesId, context, sharedContext)
    const issued: string[] = []
    let wanted = count
    while (wanted > 0) {
      const end = await sql.advanceCounter(manager, seriesId, resolved.key, wanted)
      const block: string[] = []
      for (let v = end - wanted + 1; v <= end; v++) {
        block.push(formatSerial(resolved, parsed.digits, v))
      }
      const existing = await sql.existingNormalized(manager, block.map(normalizeSerial))
      for (const value of block) {
        if (!existing.has(normalizeSerial(value))) {
          issued.push(value)
        }
      }
      wanted = count - issued.length
    }
    return issued
  }

  /** The next `count` values the series would issue, without issuing them. */
  @InjectManager()
  async preview(
    seriesId: string,
    count: number,
    context: SeriesContext = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as SqlManager
    const { parsed, resolved } = await this.resolve_(seriesId, context, sharedContext)
    let next = (await sql.readCounter(manager, seriesId, resolved.key)) + 1
    const values: string[] = []
    while (values.length < count) {
      const block: string[] = []
      for (let k = 0; k < count - values.length; k++, next++) {
        block.push(formatSerial(resolved, parsed.digits, next))
      }
      const existing = await sql.existingNormalized(manager, block.map(normalizeSerial))
      values.push(...block.filter((v) => !existing.has(normalizeSerial(v))))
    }
    return values
  }

  /** Why a series cannot be deleted: how many variants and serials use it. */
  @InjectManager()
  async usage(
    seriesId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ variants: number; serials: number }> {
    return await sql.seriesUsage(sharedContext.manager as SqlManager, seriesId)
  }

  protected async resolve_(seriesId: string, context: SeriesContext, sharedContext: Context) {
    const series = await this.serialSeriesService_.retrieve(seriesId, {}, sharedContext)
    const parsed = parseSeriesPattern(series.pattern)
    try {
      return { series, parsed, resolved: resolvePattern(parsed, context) }
    } catch (e) {
      if (e instanceof SeriesPatternError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Series "${series.name}": ${e.reason}`)
      }
      throw e
    }
  }
}
