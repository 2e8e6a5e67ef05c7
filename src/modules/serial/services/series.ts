import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { formatSerial, lastCounterValue, parseSeriesPattern, resolvePattern, SeriesPatternError } from "../../../shared/series-pattern"
import { findSeriesOverlap } from "../lib/series-overlap"
import { normalizeSerial } from "../../../shared/serial-text"
import { SqlManager } from "../lib/sql"
import { serialSql } from "../repositories/serial-number"
import { seriesSql } from "../repositories/serial-series"
import { seriesCounterSql } from "../repositories/serial-series-counter"

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
    const { series, parsed, resolved } = await this.resolve_(seriesId, context, sharedContext)
    const last = lastCounterValue(parsed.digits)
    const issued: string[] = []
    let wanted = count
    while (wanted > 0) {
      const end = await seriesCounterSql.advanceCounter(manager, seriesId, resolved.key, wanted)
      const first = end - BigInt(wanted) + 1n
      if (end > last) {
        // The transaction rolls back: the counter stays where it was.
        throw seriesExhausted(series, resolved, parsed.digits, first - 1n, count - issued.length)
      }
      const block: string[] = []
      for (let v = first; v <= end; v++) {
        block.push(formatSerial(resolved, parsed.digits, v))
      }
      const existing = await serialSql.existingNormalized(manager, block.map(normalizeSerial))
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
    const { series, parsed, resolved } = await this.resolve_(seriesId, context, sharedContext)
    const last = lastCounterValue(parsed.digits)
    const start = await seriesCounterSql.readCounter(manager, seriesId, resolved.key)
    let next = start + 1n
    const values: string[] = []
    while (values.length < count) {
      const block: string[] = []
      for (let k = 0; k < count - values.length; k++, next++) {
        if (next > last) {
          throw seriesExhausted(series, resolved, parsed.digits, start, count)
        }
        block.push(formatSerial(resolved, parsed.digits, next))
      }
      const existing = await serialSql.existingNormalized(manager, block.map(normalizeSerial))
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
    return await seriesSql.seriesUsage(sharedContext.manager as SqlManager, seriesId)
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

/**
 * A series whose counter would pass the last value its digits can show (`SN-###` after
 * 999): refused rather than issuing a value longer than the pattern. Names the series,
 * the values it still has for this key, and what to do.
 */
function seriesExhausted(
  series: { name: string; pattern: string },
  resolved: { prefix: string; suffix: string },
  digits: number,
  issuedSoFar: bigint,
  wanted: number
): MedusaError {
  const left = lastCounterValue(digits) - issuedSoFar
  const shown = `${resolved.prefix}${"#".repeat(digits)}${resolved.suffix}`
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Series "${series.name}" has ${left > 0n ? `only ${left}` : "no"} value${left === 1n ? "" : "s"} left for ${shown} ` +
      `(its ${digits}-digit counter ends at ${formatSerial(resolved, digits, lastCounterValue(digits))}), ${wanted} asked: ` +
      `give it a pattern with more digits`
  )
}
