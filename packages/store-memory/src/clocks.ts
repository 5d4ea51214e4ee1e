/**
 * The manual clock that tests and simulations move by hand. (The system clock lives in
 * `@talent-ledger/node`; the package index re-exports it for existing callers.)
 */
import type { Clock } from '@talent-ledger/core'

/** A clock that only moves when told; each reading is distinct (one millisecond later) so record order is total. */
export const manualClock = (start = '2026-01-01T00:00:00.000Z'): Clock & { readonly set: (iso: string) => void } => {
  let ms = Date.parse(start)
  return {
    now: () => new Date(ms++).toISOString(),
    set: (iso) => void (ms = Date.parse(iso)),
  }
}
