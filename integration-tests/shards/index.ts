/**
 * The HTTP test files, in shards: each shard is one jest test file that boots one Medusa app
 * and runs its files on it (integration-tests/helpers/suite.ts). Four shards of about equal
 * running time (seconds of tests measured on a 2-core machine, boot excluded), so that two
 * workers keep busy beside the browser tests. A file missing here would never run in
 * `npm test`: integration-tests/unit/shards.spec.ts checks that each is in exactly one.
 */
export const SHARDS: string[][] = [
  [
    "integration-tests/http/concurrency.spec.ts", // 71
    "integration-tests/http/order-returns.spec.ts", // 28
    "integration-tests/http/input-rules.spec.ts", // 15
    "integration-tests/http/order-changes.spec.ts", // new
    "integration-tests/http/warranty-claim-decisions.spec.ts", // new
  ],
  [
    "integration-tests/http/hostile-input.spec.ts", // 50
    "integration-tests/http/serial-consistency.spec.ts", // 27
    "integration-tests/http/retries.spec.ts", // 27
    "integration-tests/http/maintenance-schedules.spec.ts", // 13
    "integration-tests/http/serial-write-offs.spec.ts", // new
    "integration-tests/http/serial-delivery-notice.spec.ts", // new
    "integration-tests/http/claim-attachments.spec.ts", // new
  ],
  [
    "integration-tests/http/order-fulfilment.spec.ts", // 49
    "integration-tests/http/store-abuse.spec.ts", // 31
    "integration-tests/http/store-warranty-lookup.spec.ts", // 12
    "integration-tests/http/serial-receipts.spec.ts", // 11
    "integration-tests/http/warranty-claims.spec.ts", // 8
    "integration-tests/http/serial-transfers.spec.ts", // new
    "integration-tests/http/serial-vendor-returns.spec.ts", // new
    "integration-tests/http/warranty-only.spec.ts", // new
    "integration-tests/http/maintenance-agenda.spec.ts", // new
  ],
  [
    "integration-tests/http/order-serials.spec.ts", // 32
    "integration-tests/http/store-customer-serials.spec.ts", // 13
    "integration-tests/http/access.spec.ts", // 10
    "integration-tests/http/serial-imports.spec.ts", // 8
    "integration-tests/http/inventory-reconcile.spec.ts", // 7
    "integration-tests/http/serial-numbers.spec.ts", // 6
    "integration-tests/http/serial-export.spec.ts", // 6
    "integration-tests/http/serial-series.spec.ts", // 6
    "integration-tests/http/serial-settings.spec.ts", // 6
    "integration-tests/http/store-registration-approval.spec.ts", // 6
    "integration-tests/http/serial-daily-job.spec.ts", // 5
    "integration-tests/http/serial-reports.spec.ts", // 4
    "integration-tests/http/serial-receipt-rollback.spec.ts", // 3
    "integration-tests/http/serial-stock-takes.spec.ts", // new
    "integration-tests/http/serial-list.spec.ts", // new
  ],
]
