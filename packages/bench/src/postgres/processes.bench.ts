/**
 * `pnpm bench:postgres:processes`: how append throughput scales with writers in separate processes
 * (processes.ts), for our PostgreSQL store and raw pg, W = 1, 2, 4, 8 writer processes, each with its
 * own store or pool, appending its share of the streams one command at a time with its expected
 * version, synchronous_commit on. Contenders and writer counts are interleaved within a run, each
 * fill in a fresh schema. It answers one question, whether concurrent writers scale beyond one when
 * they do not share one Node thread: `pnpm bench` runs it with the 2 ms modelled commit of issue 15
 * (`TL_BENCH_PG_COMMIT_DELAY_US=2000`) and writers 1 and 8, and its `--json` record is our store's
 * most writers against one.
 * Usage: node dist/postgres/processes.bench.js [--events N] [--runs R] [--writers 1,2,4,8] [--pool P] [--seed S] [--notify-window MS|off] [--json FILE]
 * With TL_BENCH_PG_COMMIT_DELAY_US set, every connection makes each durable commit wait that long first (connection.ts).
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { median } from '../measure.js'
import { fmt } from '../shared/report.js'
import { buildWorkload } from '../shared/workload.js'
import { writeRecord } from '../summary/record.js'
import { describeServer } from './connection.js'
import { appendInProcesses, type ProcessContender, type ProcessFill } from './processes.js'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    writers: { type: 'string', default: '1,2,4,8' },
    pool: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2026' },
    // our store's notifyWindowMs; the store's default when not given
    'notify-window': { type: 'string' },
    json: { type: 'string' },
  },
})
const [target, runs, poolSize, seed] = [Number(values.events), Number(values.runs), Number(values.pool), Number(values.seed)]
const counts = values.writers.split(',').map(Number)
const windowArg = values['notify-window']
const notifyWindowMs = windowArg === undefined || windowArg === 'off' ? windowArg : Number(windowArg)
if (!(target >= 1000) || !(runs >= 1) || !(poolSize >= 1 && poolSize <= 4) || !Number.isInteger(seed) || !counts.every((n) => Number.isInteger(n) && n >= 1 && n <= 32) || counts[0] !== 1 || (typeof notifyWindowMs === 'number' && !(notifyWindowMs >= 0))) {
  console.error('usage: processes.bench.js [--events N ≥ 1000] [--runs R ≥ 1] [--writers 1,W2,… (first 1, each 1…32)] [--pool 1…4] [--seed S] [--notify-window MS|off]')
  process.exit(2)
}
const loadavg = (): string => os.loadavg()[0]!.toFixed(2)
const cpus = os.cpus()
console.log(`talent-ledger PostgreSQL writer processes — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
console.log(await describeServer())
const w = await buildWorkload(target, seed)
console.log(`workload: ${fmt(w.events)} events in ${fmt(w.batches.length)} appends on ${fmt(w.streams.length)} streams (seed ${seed}); writers ${counts.join(', ')}, ${poolSize} connection(s) each; our store's notify window: ${notifyWindowMs ?? 'its default'}`)

const contenders: ReadonlyArray<readonly [ProcessContender, string]> = [
  ['ours', '@talent-ledger/store-postgres'],
  ['raw', 'raw pg'],
]
const fills = new Map<string, ProcessFill[]>()
const key = (c: ProcessContender, n: number): string => `${c}/${n}`
const t0 = performance.now()
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one contender or one W only
  for (const n of run % 2 === 1 ? counts : [...counts].reverse())
    for (const [c] of run % 2 === 1 ? contenders : [...contenders].reverse()) {
      const fill = await appendInProcesses(c, w, n, poolSize, notifyWindowMs)
      fills.set(key(c, n), [...(fills.get(key(c, n)) ?? []), fill])
    }
  console.log(`run ${run}/${runs} done (${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${loadavg()})`)
}

console.log(`\nsynchronous_commit = on; ${runs} run(s), median shown; each writer is a process of its own appending one command per transaction; ${cpus.length} cores shared by the server and the writers\n`)
console.log('| contender | writer processes | median ms | events/s | vs 1 writer | writers\' CPU, % of wall × cores | machine CPU busy | runs (events/s) |')
console.log('|---|---:|---:|---:|---:|---:|---:|---|')
for (const [c, name] of contenders) {
  const base = median(fills.get(key(c, 1))!.map((f) => f.ms))
  for (const n of counts) {
    const runsOf = fills.get(key(c, n))!
    const ms = median(runsOf.map((f) => f.ms))
    const cpuShare = median(runsOf.map((f) => f.writersCpuMs / (f.ms * cpus.length))) * 100
    const busy = runsOf.every((f) => f.machineBusy !== null) ? `${(median(runsOf.map((f) => f.machineBusy!)) * 100).toFixed(0)} %` : '—'
    const all = runsOf.map((f) => fmt((w.events / f.ms) * 1000)).join(', ')
    console.log(`| ${name} | ${n} | ${fmt(ms)} | ${fmt((w.events / ms) * 1000)} | ${(base / ms).toFixed(2)}× | ${cpuShare.toFixed(0)} % | ${busy} | ${all} |`)
  }
}

// the summary's record: the issue's 8 writer processes against one, in this run (other counts answer other questions)
const most = counts[counts.length - 1]!
if (most === 8) {
  const rate = (n: number): number => (w.events / median(fills.get(key('ours', n))!.map((f) => f.ms))) * 1000
  const delay = process.env.TL_BENCH_PG_COMMIT_DELAY_US
  writeRecord(values.json, {
    phase: 'postgres-processes',
    label: `PostgreSQL append, ${most} writer processes against 1${delay === undefined ? '' : ` (commit + ${Number(delay) / 1000} ms)`}`,
    unit: 'events/s',
    ours: rate(most),
    baseline: rate(1),
    events: w.events,
    bench: 'bench:postgres:processes',
  })
}
