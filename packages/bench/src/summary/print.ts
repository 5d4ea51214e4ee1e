/**
 * Prints the summary of `pnpm bench` (table.ts) with its heading and the load average at the end.
 */
import os from 'node:os'
import type { PhaseRecord } from './record.js'
import { schemaFloorNotes } from './schema-floor-notes.js'
import { summaryNotes, summaryTable } from './table.js'

/** The summary of `records` as printed: a heading, the table, its notes. */
export const printSummary = (records: ReadonlyArray<PhaseRecord>): void => {
  console.log(`\nsummary (issues 15 and 14): ours, the floor and Emmett in this run — per second (events, commands or rows; wall clock, median of the runs) unless the row says bytes per event; "this run" is computed from these figures\n`)
  console.log(summaryTable(records))
  console.log(`\n${summaryNotes(records)}`)
  // context after the existing notes: what our schema alone allows (sqlite/schema-floor.ts)
  for (const line of schemaFloorNotes(records)) console.log(line)
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}
