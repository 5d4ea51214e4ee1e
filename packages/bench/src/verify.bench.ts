/**
 * `pnpm --filter @talent-ledger/bench bench:verify --db FILE`: `verify` against its floor on an
 * existing SQLite ledger (make one with the CLI's `demo`). The floor reads every event row in the
 * order verify's audit reads them (by stream and version) and hashes its stored text (prev_hash,
 * data, metadata) with node:crypto's one-shot SHA-256 — the reading and hashing no verifier can skip. Ours is
 * core's `verifyLedger` as the CLI's `verify` runs it (native SHA-256, the stored digests, the
 * default notification policy): hash chains, positions, heads, every implied outbox row, the log's
 * order and the digests; and the same with its per-stream pass split into ranges run side by side
 * by N threads, this one and N − 1 worker threads, each claiming the next free range (`--workers N`, default 2; CPU time counts every thread). It prints each in
 * events/s and as a share of the floor.
 * The file is opened read-only and is not changed (no digest is recorded).
 * Usage: node dist/verify.bench.js --db FILE [--runs R] [--workers N] [--json FILE (append the result to FILE as a phase record, for the summary of `pnpm bench`)]
 */
import { hash } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { verifyLedger, type StreamPassRunner } from '@talent-ledger/core'
import { streamPassInWorkers } from '@talent-ledger/node'
import { createSqliteEventStore, nativeSha256Bytes, nativeSha256Hex, type SqliteEventStore } from '@talent-ledger/store-sqlite'
import { median, timedWithCpu } from './measure.js'
import { fmt } from './shared/report.js'
import { writeRecord } from './summary/record.js'

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' }, workers: { type: 'string', default: '2' }, json: { type: 'string' } } })
const runs = Number(values.runs)
const workers = Number(values.workers)
if (values.db === undefined || !(runs >= 1) || !(workers >= 2)) {
  console.error('usage: verify.bench.js --db FILE [--runs R ≥ 1] [--workers N ≥ 2]')
  process.exit(2)
}
const path = values.db
const cpus = os.cpus()
console.log(`talent-ledger verify benchmark — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${path}`)

/** The floor: every row read in (stream, version) order and its stored text hashed; returns the rows read. */
const floor = (): number => {
  const db = new Database(path, { readonly: true })
  try {
    let rows = 0
    for (const r of db.prepare('SELECT prev_hash, data, metadata FROM events ORDER BY stream_id, version').raw().iterate() as IterableIterator<[string, string, string]>) {
      // the one-shot hash of the row's text: faster than a Hash object with three updates
      hash('sha256', r[0] + r[1] + r[2], 'hex')
      rows++
    }
    return rows
  } finally {
    db.close()
  }
}

/** Ours: verifyLedger as the CLI runs it (its per-stream pass here, or by `streamPass`); returns the events verified. */
const ours = async (inWorkers?: (store: SqliteEventStore) => StreamPassRunner): Promise<number> => {
  const store = createSqliteEventStore({ path, readonly: true })
  const streamPass = inWorkers?.(store)
  try {
    const verified = await verifyLedger(store, {
      sha256: nativeSha256Hex,
      sha256Bytes: nativeSha256Bytes,
      digests: await store.ledgerDigests(),
      ...(streamPass === undefined ? {} : { streamPass }),
    })
    if (!verified.ok) throw new Error(`the ledger does not verify: ${JSON.stringify(verified.findings[0])}`)
    return verified.events
  } finally {
    await store.close()
  }
}


const inWorkers = (store: SqliteEventStore): StreamPassRunner =>
  streamPassInWorkers(new URL('./verify-worker.js', import.meta.url), path, workers, { audit: store.audit, options: { sha256: nativeSha256Hex } })
const floorRuns: Array<{ ms: number; cpuMs: number }> = []
const oursRuns: Array<{ ms: number; cpuMs: number }> = []
const workerRuns: Array<{ ms: number; cpuMs: number }> = []
let events = 0
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one side only
  const f = await timedWithCpu(floor)
  const o = await timedWithCpu(() => ours())
  const w = await timedWithCpu(() => ours(inWorkers))
  if (f.result !== o.result || f.result !== w.result) throw new Error(`the floor read ${f.result} rows, verify ${o.result} events, verify in workers ${w.result}`)
  events = o.result
  floorRuns.push(f)
  oursRuns.push(o)
  workerRuns.push(w)
  console.log(`run ${run}/${runs}: floor ${fmt(f.ms)} ms (CPU ${fmt(f.cpuMs)} ms), verify ${fmt(o.ms)} ms (CPU ${fmt(o.cpuMs)} ms), in ${workers} workers ${fmt(w.ms)} ms (CPU ${fmt(w.cpuMs)} ms)`)
}
const [f, o, w] = [median(floorRuns.map((r) => r.ms)), median(oursRuns.map((r) => r.ms)), median(workerRuns.map((r) => r.ms))]
const [fc, oc, wc] = [median(floorRuns.map((r) => r.cpuMs)), median(oursRuns.map((r) => r.cpuMs)), median(workerRuns.map((r) => r.cpuMs))]
const rate = (ms: number): string => fmt((events / ms) * 1000)
console.log(`\n| ${fmt(events)} events | median wall ms | events/s | median CPU ms | events per CPU second |\n|---|---:|---:|---:|---:|`)
console.log(`| floor (read every row, SHA-256 of its stored text) | ${fmt(f)} | ${rate(f)} | ${fmt(fc)} | ${rate(fc)} |`)
console.log(`| verify (verifyLedger, native SHA-256) | ${fmt(o)} | ${rate(o)} | ${fmt(oc)} | ${rate(oc)} |`)
console.log(`| verify, per-stream pass shared by ${workers} threads (${workers - 1} worker thread${workers > 2 ? 's' : ''}) | ${fmt(w)} | ${rate(w)} | ${fmt(wc)} | ${rate(wc)} |`)
console.log(`\nverify ÷ floor: ${(f / o).toFixed(2)}× the floor's rate (wall), ${(fc / oc).toFixed(2)}× (CPU); in ${workers} workers ${(f / w).toFixed(2)}× (wall), ${(fc / wc).toFixed(2)}× (CPU); load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
const perSecond = (ms: number): number => (events / ms) * 1000
writeRecord(values.json, { phase: 'verify', label: `verify, ${fmt(events)}-event ledger file`, unit: 'events/s', ours: perSecond(o), floor: perSecond(f), cpu: { ours: perSecond(oc), floor: perSecond(fc) }, events, bench: 'bench:verify' })
