/**
 * `bench:command-path`: the ledger's command path on SQLite against its floor, in one run, runs
 * interleaved. Ours: every raw command of the simulated city through `createTalentLedger(...).execute`
 * (ledger-path.ts: decode, load and fold the stream, decide, seal personal data, append with the
 * outbox, one durable commit per command, synchronous = FULL). The floor (command-floor.ts): the
 * same commands' events, one FULL transaction per command, in a minimal table. The schema floor
 * (schema-floor.ts): the rows the ledger wrote in its first run, written again by the raw driver into
 * a fresh file of our own schema, one FULL transaction per command — what our schema and guarantees
 * cost without our code. Quick by default (3,000 events); `--full` runs 20,000. `--ladder` then
 * runs the schema floor again on scratch schemas that drop one b-tree (or trigger) more each rung
 * (schema-ladder.ts), to show what each costs.
 * Usage: node dist/sqlite/command-path.bench.js [--full] [--events N] [--runs R] [--seed S] [--ladder] [--json FILE]
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { median } from '../measure.js'
import { fmt } from '../shared/report.js'
import { buildWorkload } from '../shared/workload.js'
import { writeRecord } from '../summary/record.js'
import { runCommandFloor } from './command-floor.js'
import { runLedgerPath } from './ledger-path.js'
import type { CommandRows } from './command-rows.js'
import { readCommandRows, rowCounts } from './command-rows-read.js'
import { runSchemaFloor, type SchemaFloorRun } from './schema-floor.js'
import { checkSchemaFloor } from './schema-floor-check.js'
import { runLadder } from './schema-ladder.js'

const full = process.argv.includes('--full')
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    events: { type: 'string', default: full ? '20000' : '3000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
    ladder: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
})
const [target, runs, seed] = [Number(values.events), Number(values.runs), Number(values.seed)]
if (!(target >= 1000) || !(runs >= 1) || !Number.isInteger(seed)) {
  console.error('usage: command-path.bench.js [--events N ≥ 1000] [--runs R ≥ 1] [--seed S] [--json FILE]')
  process.exit(2)
}
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ')
console.log(`talent-ledger command path benchmark (SQLite, synchronous = FULL) — Node ${process.version}, load average ${load()}`)

// the schema floor must write exactly what the ledger writes before any of its figures is printed
await checkSchemaFloor()
const w = await buildWorkload(target, seed)
const ours: Array<{ ms: number; cpuMs: number; events: number; commands: number }> = []
const floor: Array<{ ms: number; events: number; commits: number }> = []
const schema: SchemaFloorRun[] = []
// the floor's CPU milliseconds (user + system) a run, beside the schema floor's: on a loaded machine the wall clock mostly measures the wait
const floorCpu: number[] = []
// the rows the ledger's first run wrote, grouped by command: the schema floor writes them again
let written: CommandRows[] = []
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one side only
  const o = await runLedgerPath(w, run === 1 ? (db) => (written = readCommandRows(db)) : undefined)
  const c0 = process.cpuUsage()
  const f = runCommandFloor(w)
  const fc = process.cpuUsage(c0)
  floorCpu.push((fc.user + fc.system) / 1000)
  const s = await runSchemaFloor(written.map((c) => [c]), { durability: 'FULL' })
  if (s.events !== o.events) throw new Error(`the schema floor stored ${s.events} events of ${o.events}`)
  ours.push(o)
  floor.push(f)
  schema.push(s)
  console.log(`run ${run}/${runs}: ledger ${fmt(o.ms)} ms (CPU ${fmt(o.cpuMs)} ms, ${fmt((o.cpuMs * 1000) / o.commands)} µs a command) for ${fmt(o.commands)} commands → ${fmt(o.events)} events; floor ${fmt(f.ms)} ms for ${fmt(f.commits)} commits → ${fmt(f.events)} events`)
  console.log(`run ${run}/${runs}: schema floor ${fmt(s.ms)} ms (CPU ${fmt(s.cpuMs)} ms, ${fmt((s.cpuMs * 1000) / s.commits)} µs a commit) for ${fmt(s.commits)} commits → ${fmt(s.events)} events`)
}
const rateOf = (xs: ReadonlyArray<{ ms: number; events: number }>): number => median(xs.map((x) => (x.events / x.ms) * 1000))
const [o, f] = [rateOf(ours), rateOf(floor)]
console.log(`\n| ${fmt(w.events)} events, ${fmt(w.commands.length)} commands | median events/s | runs (ms) |\n|---|---:|---|`)
console.log(`| ledger \`execute\`, one command per commit | ${fmt(o)} | ${ours.map((r) => fmt(r.ms)).join(', ')} |`)
console.log(`| floor: one minimal append per command | ${fmt(f)} | ${floor.map((r) => fmt(r.ms)).join(', ')} |`)
const sf = rateOf(schema)
const n = rowCounts(written)
console.log(`| schema floor: the ledger's rows in our schema, raw driver, one commit per command | ${fmt(sf)} | ${schema.map((r) => fmt(r.ms)).join(', ')} |`)
console.log(`\nledger ÷ floor: ${(o / f).toFixed(2)}×; ledger CPU a command (user + system, median) ${fmt(median(ours.map((r) => (r.cpuMs * 1000) / r.commands)))} µs; load average now ${load()}`)
console.log(`schema floor ÷ floor: ${(sf / f).toFixed(2)}× (what the schema and its guarantees cost: the best ledger ÷ floor can be); ledger ÷ schema floor: ${(o / sf).toFixed(2)}× (what our code costs); CPU a commit (median): floor ${fmt((median(floorCpu) * 1000) / floor[0]!.commits)} µs, schema floor ${fmt(median(schema.map((r) => (r.cpuMs * 1000) / r.commits)))} µs, ledger ${fmt((median(ours.map((r) => r.cpuMs)) * 1000) / floor[0]!.commits)} µs; rows a command: ${(n.events / written.length).toFixed(2)} events, ${(n.heads / written.length).toFixed(2)} heads, ${(n.outbox / written.length).toFixed(2)} outbox, ${(n.payloads / written.length).toFixed(2)} shared payloads, ${(n.keys / written.length).toFixed(2)} keys`)
writeRecord(values.json, { phase: 'command-path', label: `ledger command path, ${fmt(w.commands.length)} commands`, unit: 'events/s', ours: o, floor: f, schemaFloor: sf, events: w.events, bench: 'bench:command-path' })
if (values.ladder) await runLadder(written, runs)
