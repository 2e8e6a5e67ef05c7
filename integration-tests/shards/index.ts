/**
 * The HTTP test files, in shards: each shard is one jest test file that boots one Medusa app
 * and runs its files on it (integration-tests/helpers/suite.ts). Each boot costs about 10 s
 * of CPU, so there are two shards, sized for `npm test`'s two workers (seconds measured on
 * a 2-core machine in a full run): the first runs beside the browser shard
 * (browser.spec.ts, about 120 s) and then alone, for about as long as the browser shard and
 * the second together, which the worker free first takes (scripts/lib/jest-sequencer.js),
 * so that the two workers end together. A file missing here would never run in `npm test`:
 * integration-tests/unit/shards.spec.ts checks that each is in exactly one.
 */
export const SHARDS: string[][] = [
  [
    "integration-tests/http/concurrency.spec.ts", // 50 (the shard's boot included)
    "integration-tests/http/hostile-input.spec.ts", // 31
    "integration-tests/http/order-fulfilment.spec.ts", // 18
    "integration-tests/http/store-customer-serials.spec.ts", // 11
    "integration-tests/http/order-serials.spec.ts", // 14
    "integration-tests/http/warranty-claim-decisions.spec.ts", // 10
    "integration-tests/http/serial-list.spec.ts", // 8
    "integration-tests/http/maintenance-schedules.spec.ts", // 6
    "integration-tests/http/access.spec.ts", // 5
    "integration-tests/http/order-changes.spec.ts", // 7
    "integration-tests/http/warranty-only.spec.ts", // 6
    "integration-tests/http/input-rules.spec.ts", // 5
    "integration-tests/http/serial-stock-takes.spec.ts", // 3
    "integration-tests/http/serial-imports.spec.ts", // 5
    "integration-tests/http/store-warranty-lookup.spec.ts", // 4
    "integration-tests/http/serial-vendor-returns.spec.ts", // 3
    "integration-tests/http/serial-write-offs.spec.ts", // 2
    "integration-tests/http/serial-export.spec.ts", // 4
    "integration-tests/http/serial-delivery-notice.spec.ts", // 4
    "integration-tests/http/serial-numbers.spec.ts", // 3
    "integration-tests/http/store-registration-approval.spec.ts", // 3
    "integration-tests/http/serial-series.spec.ts", // 2
    "integration-tests/http/serial-daily-job.spec.ts", // 2
    "integration-tests/http/inventory-reconcile.spec.ts", // 3
    "integration-tests/http/serial-settings.spec.ts", // 1
    "integration-tests/http/serial-receipt-rollback.spec.ts", // 1
    "integration-tests/http/warranty-claims.spec.ts", // 3
    "integration-tests/http/test-isolation.spec.ts", // 2
  ],
  [
    "integration-tests/http/order-returns.spec.ts", // 30 (the shard's boot included)
    "integration-tests/http/serial-consistency.spec.ts", // 19
    "integration-tests/http/retries.spec.ts", // 10
    "integration-tests/http/store-abuse.spec.ts", // 11
    "integration-tests/http/serial-reports.spec.ts", // 9
    "integration-tests/http/serial-receipts.spec.ts", // 6
    "integration-tests/http/serial-transfers.spec.ts", // 3
    "integration-tests/http/claim-attachments.spec.ts", // 3
    "integration-tests/http/maintenance-agenda.spec.ts", // 2
  ],
]

/**
 * The browser test files, run by the browser shard (browser.spec.ts) on one demo store and
 * one Chromium (integration-tests/helpers/browser.ts), in this order.
 */
export const BROWSER_FILES: string[] = [
  "integration-tests/browser/admin-pages.spec.ts",
  "integration-tests/browser/order-flows.spec.ts",
  "integration-tests/browser/widgets.spec.ts",
]
