/**
 * `pnpm bench:sqlite`: our SQLite store against raw better-sqlite3 doing the same durable work and
 * against Emmett's SQLite store, in one run, on the same workload (see phases.ts), each contender on
 * its own fresh file with WAL and synchronous = FULL; then the full ledger path on our store, and
 * how our store's append rate and read latency grow as the file fills. It prints each contender's file size
 * per event after the append phase, and the ledger path's before and after outbox retention.
 * Emmett (one connection per call) and the ledger path are slow, so they run `--slow-runs` times (default 1).
 * Usage: node dist/sqlite/sqlite.bench.js [--events N] [--runs R] [--slow-runs R] [--seed S] [--grow N (0: skip)]
 *        [--grow-batch B (appends per transaction in the fill, default 1)] [--grow-durability FULL|NORMAL]
 *        [--grow-every N (also time a window before every N events, default 1,000,000)] [--grow-only]
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
import { openOurs } from './ours.js'
import { runPhases, type PhaseRun } from './phases.js'
import { median } from '../measure.js'
import { openRaw } from './raw.js'
import { phaseTable } from './report.js'
import { buildWorkload } from '../shared/workload.js'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    'slow-runs': { type: 'string', default: '1' },
    seed: { type: 'string', default: '2026' },
    grow: { type: 'string', default: '500000' },
    'grow-batch': { type: 'string', default: '1' },
    'grow-durability': { type: 'string', default: 'FULL' },
    'grow-only': { type: 'boolean', default: false },
    'grow-every': { type: 'string', default: '1000000' },
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
    { name: '@talent-ledger/store-sqlite', open: openOurs, slow: false },
    { name: 'raw better-sqlite3', open: openRaw, slow: false },
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
    if (run <= slowRuns) ledgerRuns.push(await runLedgerPath(w))
    console.log(`run ${run}/${runs} done`)
  }

  console.log(`\nWAL + synchronous = FULL for every contender; ${runs} run(s) (Emmett and the ledger path: ${slowRuns}), median shown; hashing is core's sealEvents with node:crypto SHA-256 everywhere`)
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
