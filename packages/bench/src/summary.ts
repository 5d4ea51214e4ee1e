/**
 * `bench:summary FILE`: the headline of `pnpm bench` from the phase records the benches appended
 * to FILE (`--json FILE`): one row per phase of issue 15 against its floor, Emmett and the issue's
 * aim (summary/table.ts). all.bench.ts prints it at the end of its run; this reprints a kept file.
 * Usage: node dist/summary.js FILE
 */
import { printSummary } from './summary/print.js'
import { readRecords } from './summary/record.js'

const file = process.argv.slice(2).find((a) => a !== '--')
if (file === undefined) {
  console.error('usage: summary.js FILE (the JSON Lines the benches wrote with --json FILE)')
  process.exit(2)
}
printSummary(readRecords(file))
