/**
 * `pnpm bench:sqlite`: our SQLite store against raw better-sqlite3 doing the same durable work and
 * against Emmett's SQLite store, in one run, on the same workload (see phases.ts), each contender on
 * its own fresh file with WAL and synchronous = FULL; then the full ledger path on our store, and
 * how our store's append rate and read latency grow as the file fills. It prints each contender's file size
 * per event after the append phase, and the ledger path's before and after outbox retention.
 * Emmett (one connection per call) and the ledger path are slow, so they run `--slow-runs` times (default 1).
 * The headline, first: ours against the floor (floor.ts: the raw driver on a minimal table, no
 * hashing, one statement per append) with synchronous = FULL and NORMAL, beside the raw driver doing
 * our hashing and Emmett. Quick by default, sized for a small shared
 * machine: 3,000 events, no ledger path and no growth run; `--full` restores the long run (50,000
 * events, the ledger path, growth to 500,000).
 * Usage: node dist/sqlite/sqlite.bench.js [--full] [--events N] [--runs R] [--slow-runs R] [--seed S] [--grow N (0: skip)]
 *        [--grow-batch B (appends per transaction in the fill, default 1)] [--grow-durability FULL|NORMAL]
 *        [--grow-every N (also time a window before every N events, default 1,000,000)] [--grow-only]
 *        [--json FILE (append the headline's rows to FILE as phase records, for the summary of `pnpm bench`)]
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { sha256Hex } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'
import type { GrowthPoint } from '../shared/growth.js'
import { timeSealing } from '../shared/sealing.js'
import { measureGrowth } from './grow.js'
import { runLedgerPath, type LedgerRun } from './ledger-path.js'
import { openFloor, floorName } from './floor.js'
import { openOurs, openOursAt, oursName } from './ours.js'
import { runPhases, type PhaseRun } from './phases.js'
import { median } from '../measure.js'
import { openRaw, openRawAt, rawName } from './raw.js'
import { phaseTable } from './report.js'
import { headlineTable, type HeadlineRow } from '../shared/report.js'
import { writeHeadline } from '../summary/headline.js'
import { buildWorkload } from '../shared/workload.js'

const full = process.argv.includes('--full')
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    events: { type: 'string', default: full ? '50000' : '3000' },
    runs: { type: 'string', default: '3' },
    'slow-runs': { type: 'string', default: '1' },
    seed: { type: 'string', default: '2026' },
    grow: { type: 'string', default: full ? '500000' : '0' },
    'grow-batch': { type: 'string', default: '1' },
    'grow-durability': { type: 'string', default: 'FULL' },
    'grow-only': { type: 'boolean', default: false },
    'grow-every': { type: 'string', default: '1000000' },
    json: { type: 'string' },
  },
})
const growBatch = Number(values['grow-batch'])
const growDurability = values['grow-durability']
const growEvery = Number(values['grow-every'])
const [target, runs, seed, grow] = [Number(values.events), Number(values.runs), Number(values.seed), Number(values.grow)]
const slowRuns = Math.min(runs, Number(values['slow-runs']))
const growOk = (grow === 0 || grow >= 40_000) && Number.isInteger(growBatch) && growBatch >= 1 && (growDurability === 'FULL' || growDurability === 'NORMAL') && growEvery >= 40_000
if (!(target >= 1000) || !(runs >= 1) || !(slowRuns >= 1) || !Number.isInteger(seed) || !growOk) {
  console.error('usage: sqlite.bench.js [--events N ≥ 1000] [--runs R ≥ 1] [--slow-runs R ≥ 1] [--seed S] [--grow N ≥ 40000, or 0 to skip] [--grow-batch B ≥ 1] [--grow-durability FULL|NORMAL] [--grow-every N ≥ 40000] [--grow-only]')
  process.exit(2)
}
const count = (n: number): string => Math.round(n).toLocaleString('en-US')

/** Milliseconds to seal the whole workload with `sha`, no store. */
const cpus = os.cpus()
console.log(`talent-ledger SQLite benchmark — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`)

const w = await buildWorkload(target, seed)
const perBatch = w.events / w.batches.length
console.log(`workload: ${count(w.talents)} talents (seed ${seed}), ${count(w.commands.length)} commands → ${count(w.events)} events in ${count(w.batches.length)} appends (${perBatch.toFixed(2)} events/append) on ${count(w.streams.length)} streams; built in ${(w.buildMs / 1000).toFixed(1)} s`)

if (!values['grow-only']) {
  const contenders: Array<{ name: string; open: OpenContender; slow: boolean }> = [
    { name: oursName('FULL'), open: openOurs, slow: false },
    { name: floorName('FULL'), open: openFloor('FULL'), slow: false },
    { name: rawName('FULL'), open: openRaw, slow: false },
    { name: oursName('NORMAL'), open: openOursAt('NORMAL'), slow: false },
    { name: floorName('NORMAL'), open: openFloor('NORMAL'), slow: false },
    { name: rawName('NORMAL'), open: openRawAt('NORMAL'), slow: false },
  ]
  let retries: { count: number } | undefined
  try {
    // loaded here so that a missing native sqlite3 build leaves Emmett out instead of stopping the run
    const { openEmmett, emmettRetries } = await import('./emmett.js')
    retries = emmettRetries
    contenders.push({ name: 'Emmett SQLite', open: openEmmett, slow: true })
  } catch (error) {
    console.log(`Emmett left out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }

  // hashing alone, no store: how much of an append is the SHA-256 chain (native, as every contender seals)
  const sealMs = timeSealing(w.batches, nativeSha256Hex)
  const pureSealMs = timeSealing(w.batches, sha256Hex)

  const times = new Map<string, PhaseRun[]>(contenders.map((c) => [c.name, []]))
  const ledgerRuns: LedgerRun[] = []
  for (let run = 1; run <= runs; run++) {
    // interleaved, so a slow spell of the shared machine does not land on one contender only
    for (const c of contenders) if (!c.slow || run <= slowRuns) times.get(c.name)!.push(await runPhases(c.open, w))
    if (full && run <= slowRuns) ledgerRuns.push(await runLedgerPath(w))
    console.log(`run ${run}/${runs} done`)
  }

  console.log(`\nheadline: ours against the floor (raw better-sqlite3, minimal table, no hashing, one INSERT per append), median of ${runs} run(s); higher ÷ floor is better, 1.00× = at the floor\n`)
  const headline: Array<HeadlineRow<keyof PhaseRun>> = [
    { label: 'append, synchronous = FULL', phase: 'append', ours: oursName('FULL'), floor: floorName('FULL'), raw: rawName('FULL'), emmett: 'Emmett SQLite' },
    { label: 'append, synchronous = NORMAL', phase: 'append', ours: oursName('NORMAL'), floor: floorName('NORMAL'), raw: rawName('NORMAL') },
    { label: 'read every stream', phase: 'read', ours: oursName('FULL'), floor: floorName('FULL'), raw: rawName('FULL'), emmett: 'Emmett SQLite' },
  ]
  console.log(headlineTable(w.events, times, headline))
  writeHeadline(values.json, 'bench:sqlite', 'SQLite', w.events, times, headline, ['sqlite-append-full', 'sqlite-append-normal', 'sqlite-read'])
  console.log(`\nWAL + synchronous = FULL for every contender but those marked NORMAL; ${runs} run(s) (Emmett and the ledger path: ${slowRuns}), median shown; read every stream in this process's CPU time, the mean of its passes (shared/phases.ts); hashing is core's sealEvents with node:crypto SHA-256 everywhere`)
  console.log(`sealEvents alone over the workload (no store): ${count(sealMs)} ms, ${count((w.events / sealMs) * 1000)} events/s (core's pure-JS SHA-256: ${count(pureSealMs)} ms)\n`)
  console.log(phaseTable(w.events, times, ledgerRuns))
  const l = ledgerRuns[0]
  console.log(`\nfile after the append phase (file + WAL, median): ${contenders
    .map((c) => {
      const bytes = median(times.get(c.name)!.map((t) => t.fileBytes))
      return `${c.name} ${count(bytes)} bytes, ${count(bytes / w.events)} bytes per event`
    })
    .join('; ')}`)
  if (l !== undefined) {
    console.log(`ledger path's SQLite file: ${count(l.fileBytes)} bytes, ${count(l.fileBytes / l.events)} bytes per event, of which the outbox (notices, all pending) ${count(l.outboxBytes / l.events)}`)
    const r = l.retained
    console.log(`after retention (every notice delivered, ${count(r.compacted)} compacted by outbox.compact in ${count(r.ms)} ms, then VACUUM): ${count(r.fileBytes)} bytes, ${count(r.fileBytes / l.events)} bytes per event, of which the outbox ${count(r.outboxBytes / l.events)}`)
  }
  if (retries !== undefined) console.log(`\nEmmett appends that failed with SQLITE_BUSY and were retried, over all runs: ${count(retries.count)}`)
}

if (grow > 0) {
  const window = 20_000
  console.log(`\ngrowth: filling our store to ${count(grow)} events (window ${count(window)} events, 1,000 single-stream reads at each end; ${growBatch} append(s) per transaction, synchronous = ${growDurability})`)
  const fillT0 = performance.now()
  const pointRow = (p: GrowthPoint): string => `| ${count(p.at)} | ${count(p.appendRate)} | ${p.readP50Ms.toFixed(3)} | ${p.readP99Ms.toFixed(3)} |`
  const g = await measureGrowth(
    w,
    grow,
    window,
    1000,
    (n) => console.log(`  … ${count(n)} events after ${((performance.now() - fillT0) / 1000).toFixed(0)} s`),
    { batch: growBatch, durability: growDurability as 'FULL' | 'NORMAL' },
    growEvery,
    (p) => console.log(`  point ${pointRow(p)} after ${((performance.now() - fillT0) / 1000).toFixed(0)} s`),
  )
  console.log('\n| store size (events) | append events/s (last window) | readStream p50 ms | readStream p99 ms |')
  console.log('|---:|---:|---:|---:|')
  for (const p of [g.start, g.end]) console.log(pointRow(p))
  console.log(`filled in ${(g.fillMs / 1000).toFixed(0)} s; file ${(g.fileBytes / 2 ** 20).toFixed(0)} MiB`)
}
