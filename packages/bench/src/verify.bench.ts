/**
 * `pnpm --filter @talent-ledger/bench bench:verify --db FILE`: `verify` against its floor on an
 * existing SQLite ledger (make one with the CLI's `demo`). The floor reads every event row in the
 * order verify's audit reads them (by stream and version) and hashes its stored text (prev_hash,
 * data, metadata) with node:crypto SHA-256 — the reading and hashing no verifier can skip. Ours is
 * core's `verifyLedger` as the CLI's `verify` runs it (native SHA-256, the stored digests, the
 * default notification policy): hash chains, positions, heads, every implied outbox row, the log's
 * order and the digests. It prints both in events/s and ours as a share of the floor.
 * The file is opened read-only and is not changed (no digest is recorded).
 * Usage: node dist/verify.bench.js --db FILE [--runs R]
 */
import { createHash } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { verifyLedger } from '@talent-ledger/core'
import { createSqliteEventStore, nativeSha256Hex } from '@talent-ledger/store-sqlite'
import { median } from './measure.js'
import { fmt } from './shared/report.js'

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' } } })
const runs = Number(values.runs)
if (values.db === undefined || !(runs >= 1)) {
  console.error('usage: verify.bench.js --db FILE [--runs R ≥ 1]')
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
      createHash('sha256').update(r[0]).update(r[1]).update(r[2]).digest('hex')
      rows++
    }
    return rows
  } finally {
    db.close()
  }
}

/** Ours: verifyLedger as the CLI runs it; returns the events verified. */
const ours = async (): Promise<number> => {
  const store = createSqliteEventStore({ path, readonly: true })
  try {
    const verified = await verifyLedger(store, { sha256: nativeSha256Hex, digests: await store.ledgerDigests() })
    if (!verified.ok) throw new Error(`the ledger does not verify: ${JSON.stringify(verified.findings[0])}`)
    return verified.events
  } finally {
    await store.close()
  }
}

const timed = async (f: () => number | Promise<number>): Promise<{ n: number; ms: number }> => {
  const t0 = performance.now()
  const n = await f()
  return { n, ms: performance.now() - t0 }
}

const floorRuns: number[] = []
const oursRuns: number[] = []
let events = 0
for (let run = 1; run <= runs; run++) {
  // interleaved, so a slow spell of the shared machine does not land on one side only
  const f = await timed(floor)
  const o = await timed(ours)
  if (f.n !== o.n) throw new Error(`the floor read ${f.n} rows, verify ${o.n} events`)
  events = o.n
  floorRuns.push(f.ms)
  oursRuns.push(o.ms)
  console.log(`run ${run}/${runs}: floor ${fmt(f.ms)} ms, verify ${fmt(o.ms)} ms`)
}
const [f, o] = [median(floorRuns), median(oursRuns)]
console.log(`\n| ${fmt(events)} events | median ms | events/s |\n|---|---:|---:|`)
console.log(`| floor (read every row, SHA-256 of its stored text) | ${fmt(f)} | ${fmt((events / f) * 1000)} |`)
console.log(`| verify (verifyLedger, native SHA-256) | ${fmt(o)} | ${fmt((events / o) * 1000)} |`)
console.log(`\nverify ÷ floor: ${(f / o).toFixed(2)}× the floor's rate`)
