/**
 * `bench:command-path`: the ledger's command path on SQLite against its floor, in one run, runs
 * interleaved. Ours: every raw command of the simulated city through `createTalentLedger(...).execute`
 * (ledger-path.ts: decode, load and fold the stream, decide, seal personal data, append with the
 * outbox, one durable commit per command, synchronous = FULL). The floor (command-floor.ts): the
 * same commands' events, one FULL transaction per command, in a minimal table. Quick by default
 * (3,000 events); `--full` runs 20,000.
 * Usage: node dist/sqlite/command-path.bench.js [--full] [--events N] [--runs R] [--seed S] [--json FILE]
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { median } from '../measure.js'
import { fmt } from '../shared/report.js'
import { buildWorkload } from '../shared/workload.js'
import { writeRecord } from '../summary/record.js'
import { runCommandFloor } from './command-floor.js'
import { runLedgerPath } from './ledger-path.js'

const full = process.argv.includes('--full')
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    events: { type: 'string', default: full ? '20000' : '3000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
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

const w = await buildWorkload(target, seed)
const ours: Array<{ ms: number; cpuMs: number; events: number; commands: number }> = []
const floor: Array<{ ms: number; events: number; commits: number }> = []
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one side only
  const o = await runLedgerPath(w)
  const f = runCommandFloor(w)
  ours.push(o)
  floor.push(f)
  console.log(`run ${run}/${runs}: ledger ${fmt(o.ms)} ms (CPU ${fmt(o.cpuMs)} ms, ${fmt((o.cpuMs * 1000) / o.commands)} µs a command) for ${fmt(o.commands)} commands → ${fmt(o.events)} events; floor ${fmt(f.ms)} ms for ${fmt(f.commits)} commits → ${fmt(f.events)} events`)
}
const rateOf = (xs: ReadonlyArray<{ ms: number; events: number }>): number => median(xs.map((x) => (x.events / x.ms) * 1000))
const [o, f] = [rateOf(ours), rateOf(floor)]
console.log(`\n| ${fmt(w.events)} events, ${fmt(w.commands.length)} commands | median events/s | runs (ms) |\n|---|---:|---|`)
console.log(`| ledger \`execute\`, one command per commit | ${fmt(o)} | ${ours.map((r) => fmt(r.ms)).join(', ')} |`)
console.log(`| floor: one minimal append per command | ${fmt(f)} | ${floor.map((r) => fmt(r.ms)).join(', ')} |`)
console.log(`\nledger ÷ floor: ${(o / f).toFixed(2)}×; ledger CPU a command (user + system, median) ${fmt(median(ours.map((r) => (r.cpuMs * 1000) / r.commands)))} µs; load average now ${load()}`)
writeRecord(values.json, { phase: 'command-path', label: `ledger command path, ${fmt(w.commands.length)} commands`, unit: 'events/s', ours: o, floor: f, events: w.events, bench: 'bench:command-path' })
