import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { Context, DAL } from "@medusajs/framework/types"
import type { SqlManager } from "../lib/sql"
import { consistencySql, MedusaStockLevel } from "../lib/consistency-sql"
import { buildConsistencyReport, ConsistencyReport } from "../lib/consistency"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
}

/** The consistency check of serials against Medusa's stock and against their own ledger. */
export default class ConsistencyService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor({ baseRepository }: InjectedDependencies) {
    this.baseRepository_ = baseRepository
  }

  /** Ids of the variants whose serial settings say they are serialized. */
  @InjectManager()
  async serializedVariantIds(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await consistencySql.serializedVariantIds(sharedContext.manager as SqlManager)
  }

  /**
   * Three statements in one read-only transaction, so the parts see the same moment; at
   * most `limit` problems listed per part (see lib/consistency.ts).
   */
  @InjectTransactionManager()
  async check(
    input: { variant_ids: string[]; stock_levels: MedusaStockLevel[]; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsistencyReport> {
    const manager = sharedContext.transactionManager as SqlManager
    const limit = input.limit ?? 1000
    // One snapshot for the three statements: a movement committing in between cannot
    // show as a problem.
    await manager.execute(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`)
    const stock = await consistencySql.stock(manager, input.variant_ids, input.stock_levels)
    const ledger = await consistencySql.ledger(manager, limit)
    const state = await consistencySql.state(manager, limit)
    return buildConsistencyReport({ serialized_variants: input.variant_ids.length, stock, ledger, state })
  }
}
