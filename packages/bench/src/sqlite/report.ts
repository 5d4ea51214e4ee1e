/**
 * The SQLite bench's table: per phase, each contender's median time, its rate, and its time as a
 * multiple of raw better-sqlite3's and of Emmett's (1.00× = as fast; above 1 = slower).
 */
import { median } from '../measure.js'
import type { LedgerRun } from './ledger-path.js'
import type { PhaseTimes } from './phases.js'

const PHASES: ReadonlyArray<[keyof PhaseTimes, string]> = [
  ['append', 'append (one command per transaction)'],
  ['read', 'read every stream'],
  ['replay', 'replay log → dashboard'],
  ['verify', 'read + verify every stream'],
]
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
const ratio = (ms: number, base: number | undefined): string => (base === undefined ? '—' : `${(ms / base).toFixed(2)}×`)

/** The comparison as a Markdown table, plus the ledger-path row. */
export const phaseTable = (events: number, times: ReadonlyMap<string, ReadonlyArray<PhaseTimes>>, ledger: ReadonlyArray<LedgerRun>): string => {
  const lines = ['| phase | contender | median ms | events/s | time vs raw | time vs Emmett | runs (ms) |', '|---|---|---:|---:|---:|---:|---|']
  for (const [phase, label] of PHASES) {
    const med = new Map([...times].map(([name, runs]) => [name, median(runs.map((r) => r[phase]))]))
    for (const [name, runs] of times) {
      const ms = med.get(name)!
      const all = runs.map((r) => r[phase].toFixed(0)).join(', ')
      lines.push(`| ${label} | ${name} | ${fmt(ms)} | ${fmt((events / ms) * 1000)} | ${ratio(ms, med.get('raw better-sqlite3'))} | ${ratio(ms, med.get('Emmett SQLite'))} | ${all} |`)
    }
  }
  if (ledger.length > 0) {
    const ms = median(ledger.map((r) => r.ms))
    const l = ledger[0]!
    const all = ledger.map((r) => r.ms.toFixed(0)).join(', ')
    lines.push(`| ledger execute (decide + append), ${fmt(l.commands)} commands → ${fmt(l.events)} events | @talent-ledger/store-sqlite | ${fmt(ms)} | ${fmt((l.events / ms) * 1000)} | — | — | ${all}; ${fmt((l.commands / ms) * 1000)} commands/s |`)
  }
  return lines.join('\n')
}
