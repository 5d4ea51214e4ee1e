/**
 * `pnpm bench:postgres`: our PostgreSQL store against raw pg doing the same durable work and against
 * Emmett's PostgreSQL store, in one run, on the same workload (../shared/phases.ts), each contender
 * in its own fresh schema with synchronous_commit on: appends by one writer and by `--writers`
 * concurrent async writers over the contender's pool, then reading, replaying and verifying.
 * Emmett can be given fewer runs with `--slow-runs` (default: as many as the others). The growth of
 * cost with the store's size is a separate command (grow.bench.ts).
 * The headline, first: ours against the floor (floor.ts: raw pg on a minimal table, no hashing, one
 * INSERT per append), beside raw pg doing our hashing and Emmett. Quick by default (3,000 events);
 * `--full` runs 10,000.
 * Usage: node dist/postgres/postgres.bench.js [--full] [--events N] [--runs R] [--slow-runs R] [--writers W] [--seed S]
 *        [--json FILE (append the append rows of the headline to FILE as phase records, for the summary of `pnpm bench`)]
 * With TL_BENCH_PG_COMMIT_DELAY_US set, every connection makes each durable commit wait that long first (connection.ts).
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { sha256Hex } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-postgres'
import type { OpenContender } from '../shared/contender.js'
import { fmt } from '../shared/report.js'
import { timeSealing } from '../shared/sealing.js'
import { buildWorkload } from '../shared/workload.js'
import { describeServer } from './connection.js'
import { openEmmett } from './emmett.js'
import { openOurs } from './ours.js'
import { runPgPhases, type PgPhaseTimes } from './phases.js'
import { openRaw } from './raw.js'
import { FLOOR, openFloor } from './floor.js'
import { headlineTable, type HeadlineRow } from '../shared/report.js'
import { writeHeadline } from '../summary/headline.js'
import { EMMETT, pgTable, RAW } from './report.js'

const full = process.argv.includes('--full')
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    events: { type: 'string', default: full ? '10000' : '3000' },
    runs: { type: 'string', default: '3' },
    'slow-runs': { type: 'string', default: '3' },
    writers: { type: 'string', default: '8' },
    seed: { type: 'string', default: '2026' },
    json: { type: 'string' },
  },
})
const [target, runs, writers, seed] = [Number(values.events), Number(values.runs), Number(values.writers), Number(values.seed)]
const slowRuns = Math.min(runs, Number(values['slow-runs']))
if (!(target >= 1000) || !(runs >= 1) || !(slowRuns >= 1) || !(writers >= 2 && writers <= 32) || !Number.isInteger(seed)) {
  console.error('usage: postgres.bench.js [--events N ≥ 1000] [--runs R ≥ 1] [--slow-runs R ≥ 1] [--writers 2…32] [--seed S]')
  process.exit(2)
}
const cpus = os.cpus()
console.log(`talent-ledger PostgreSQL benchmark — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
console.log(await describeServer())

const w = await buildWorkload(target, seed)
const perBatch = w.events / w.batches.length
console.log(`workload: ${fmt(w.talents)} talents (seed ${seed}), ${fmt(w.commands.length)} commands → ${fmt(w.events)} events in ${fmt(w.batches.length)} appends (${perBatch.toFixed(2)} events/append) on ${fmt(w.streams.length)} streams; built in ${(w.buildMs / 1000).toFixed(1)} s`)

// every contender's pool holds one connection per writer
const contenders: Array<{ name: string; tag: string; open: OpenContender; slow: boolean }> = [
  { name: '@talent-ledger/store-postgres', tag: 'ours', open: openOurs(writers), slow: false },
  { name: FLOOR, tag: 'floor', open: openFloor(writers), slow: false },
  { name: RAW, tag: 'raw', open: openRaw(writers), slow: false },
  { name: EMMETT, tag: 'emmett', open: openEmmett(writers), slow: true },
]

// hashing alone, no store: how much of an append is the SHA-256 chain (native, as every contender seals)
const pureSealMs = timeSealing(w.batches, sha256Hex)
const sealMs = timeSealing(w.batches, nativeSha256Hex)

const times = new Map<string, PgPhaseTimes[]>(contenders.map((c) => [c.name, []]))
const t0 = performance.now()
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one contender only, and in
  // a rotating order, so no contender always follows the same one (whose writes the server may
  // still be flushing, or whose schema it is still dropping)
  const order = contenders.map((_, i) => contenders[(i + run - 1) % contenders.length]!)
  for (const c of order) if (!c.slow || run <= slowRuns) times.get(c.name)!.push(await runPgPhases(c.open, c.tag, w, writers))
  console.log(`run ${run}/${runs} done (${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${os.loadavg()[0]!.toFixed(2)})`)
}

const OURS = '@talent-ledger/store-postgres'
console.log(`\nheadline: ours against the floor (raw pg, minimal table, no hashing, one INSERT per append), median of ${runs} run(s); higher ÷ floor is better, 1.00× = at the floor\n`)
const headline: Array<HeadlineRow<keyof PgPhaseTimes>> = [
  { label: 'append, 1 writer', phase: 'append', ours: OURS, floor: FLOOR, raw: RAW, emmett: EMMETT },
  { label: `append, ${writers} concurrent writers`, phase: 'appendConcurrent', ours: OURS, floor: FLOOR, raw: RAW, emmett: EMMETT },
  { label: 'read every stream', phase: 'read', ours: OURS, floor: FLOOR, raw: RAW, emmett: EMMETT },
]
console.log(headlineTable(w.events, times, headline))
writeHeadline(values.json, 'bench:postgres', 'PostgreSQL', w.events, times, headline.slice(0, 2), ['postgres-append-1', 'postgres-append-many'])
console.log(`\nsynchronous_commit = on for every contender; ${runs} run(s) (Emmett: ${slowRuns}), median shown; ${writers} concurrent writers are async tasks in this one Node process, over a pool of ${writers} connections per contender; hashing is core's sealEvents with node:crypto SHA-256 everywhere`)
console.log(`sealEvents alone over the workload (no store): ${fmt(sealMs)} ms, ${fmt((w.events / sealMs) * 1000)} events/s (core's pure-JS SHA-256: ${fmt(pureSealMs)} ms)\n`)
console.log(pgTable(w.events, writers, times))
