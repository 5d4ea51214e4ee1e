/**
 * The wall clock as core's `Clock` port: the record time (`recordedAt`) a running service or the
 * CLI stamps on events. Tests and simulations use a clock they move by hand instead
 * (`manualClock` from `@talent-ledger/store-memory`).
 */
import type { Clock } from '@talent-ledger/core'

/** Wall-clock time, as an ISO-8601 UTC timestamp. */
export const systemClock: Clock = { now: () => new Date().toISOString() }
