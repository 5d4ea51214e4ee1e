/**
 * The SQLite bench's table: the shared comparison (../shared/report.ts) against raw better-sqlite3
 * and Emmett SQLite, plus the ledger-path row.
 */
import { median } from '../measure.js'
import { comparisonRows, fmt, HEADER } from '../shared/report.js'
import type { LedgerRun } from './ledger-path.js'
import type { PhaseTimes } from './phases.js'

const PHASES: ReadonlyArray<readonly [keyof PhaseTimes, string]> = [
  ['append', 'append (one command per transaction)'],
  ['read', 'read every stream'],
  ['replay', 'replay log → dashboard'],
  ['verify', 'read + verify every stream'],
]

/** The comparison as a Markdown table, plus the ledger-path row. */
export const phaseTable = (events: number, times: ReadonlyMap<string, ReadonlyArray<PhaseTimes>>, ledger: ReadonlyArray<LedgerRun>): string => {
  const lines = [...HEADER, ...comparisonRows(events, times, PHASES, { raw: 'raw better-sqlite3', emmett: 'Emmett SQLite' })]
  if (ledger.length > 0) {
    const ms = median(ledger.map((r) => r.ms))
    const l = ledger[0]!
    const all = ledger.map((r) => r.ms.toFixed(0)).join(', ')
    lines.push(`| ledger execute (decide + append), ${fmt(l.commands)} commands → ${fmt(l.events)} events | @talent-ledger/store-sqlite | ${fmt(ms)} | ${fmt((l.events / ms) * 1000)} | — | — | ${all}; ${fmt((l.commands / ms) * 1000)} commands/s |`)
  }
  return lines.join('\n')
}
