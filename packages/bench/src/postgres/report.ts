/**
 * The PostgreSQL bench's table: the shared comparison (../shared/report.ts) against raw pg and Emmett
 * PostgreSQL, and how each contender's append rate scales from one writer to several.
 */
import { median } from '../measure.js'
import { comparisonRows, HEADER } from '../shared/report.js'
import type { PgPhaseTimes } from './phases.js'

/** The raw contender's name, the ratios' first baseline. */
export const RAW = 'raw pg'
/** Emmett's contender's name, the ratios' second baseline. */
export const EMMETT = 'Emmett PostgreSQL'

/** The comparison as a Markdown table, then one scaling line per contender. */
export const pgTable = (events: number, writers: number, times: ReadonlyMap<string, ReadonlyArray<PgPhaseTimes>>): string => {
  const phases: ReadonlyArray<readonly [keyof PgPhaseTimes, string]> = [
    ['append', 'append, 1 writer (one command per transaction)'],
    ['appendConcurrent', `append, ${writers} concurrent writers`],
    ['read', 'read every stream'],
    ['replay', 'replay log → dashboard'],
    ['verify', 'read + verify every stream'],
  ]
  const lines = [...HEADER, ...comparisonRows(events, times, phases, { raw: RAW, emmett: EMMETT }), '']
  for (const [name, runs] of times) {
    if (runs.length === 0) continue
    const speedUp = median(runs.map((r) => r.append)) / median(runs.map((r) => r.appendConcurrent))
    lines.push(`${name}: ${writers} writers append ${speedUp.toFixed(2)}× as many events/s as 1 writer`)
  }
  return lines.join('\n')
}
