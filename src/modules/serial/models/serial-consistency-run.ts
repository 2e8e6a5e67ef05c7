import { model } from "@medusajs/framework/utils"

/**
 * One run of the consistency check: a walk over every serial in chunks of ids. A walker
 * claims a chunk (the cursor moves past it, the claim is listed in `claimed`), checks it,
 * and records the counts and problems found while dropping the claim, each step its own
 * short transaction, so several walkers check chunks side by side. A run that stopped
 * midway (a crash, a deploy) is taken over from its cursor and its stale claims by the next
 * start once its heartbeat is stale; at most one run is `running` at a time (the unique index).
 */
const SerialConsistencyRun = model
  .define("serial_consistency_run", {
    id: model.id({ prefix: "sncrun" }).primaryKey(),
    /** running, completed or failed */
    status: model.text(),
    /** What started it: schedule, admin or cli. */
    trigger: model.text(),
    /** Problems listed per part of the check (all are counted). */
    problem_limit: model.number(),
    /** The last serial id claimed; '' before the first chunk. */
    cursor: model.text().default(""),
    /** Chunks claimed and not yet recorded: `[{ id, after, last, claimed_at }]`. */
    claimed: model.json(),
    /** Counts so far: serials, ledger_entries, and problems per part (JSON: no int4 overflow at 1B entries). */
    progress: model.json(),
    /** The problem rows found so far, at most `problem_limit` per part. */
    found: model.json(),
    /** The finished report (lib/consistency.ts), once completed. */
    report: model.json().nullable(),
    error: model.text().nullable(),
    heartbeat_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_serial_consistency_run_one_running", on: ["status"], unique: true, where: "status = 'running' AND deleted_at IS NULL" },
    { name: "IDX_serial_consistency_run_created", on: ["created_at", "id"], where: "deleted_at IS NULL" },
  ])

export default SerialConsistencyRun
