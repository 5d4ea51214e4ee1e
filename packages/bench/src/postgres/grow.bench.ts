/**
 * `pnpm bench:postgres:grow`: how a PostgreSQL store's append rate and single-stream read latency
 * grow as it fills towards 10 M events (see grow.ts), on our store by default or on the raw pg
 * contender for comparison. Prints one table row per checkpoint as it is reached, so a run stopped
 * early still leaves its figures. The schema is dropped at the end (or on Ctrl-C).
 * Usage: node dist/postgres/grow.bench.js [--to N] [--contender ours|raw] [--writers W] [--window N] [--reads N] [--analyze yes|no] [--seed S]
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import type { OpenContender } from '../shared/contender.js'
import { fmt } from '../shared/report.js'
import { buildWorkload } from '../shared/workload.js'
import { describeServer, schemaName } from './connection.js'
import { measureGrowth } from './grow.js'
import { openOurs } from './ours.js'
import { openRaw } from './raw.js'

const { values } = parseArgs({
  options: {
    to: { type: 'string', default: '1000000' },
    contender: { type: 'string', default: 'ours' },
    writers: { type: 'string', default: '8' },
    window: { type: 'string', default: '5000' },
    reads: { type: 'string', default: '1000' },
    analyze: { type: 'string', default: 'yes' },
    seed: { type: 'string', default: '2026' },
  },
})
const [to, writers, windowEvents, reads, seed] = [Number(values.to), Number(values.writers), Number(values.window), Number(values.reads), Number(values.seed)]
const opens: Record<string, OpenContender> = { ours: openOurs(writers), raw: openRaw(writers) }
const open = opens[values.contender]
const analyze = values.analyze === 'yes'
if (open === undefined || !['yes', 'no'].includes(values.analyze) || !(to >= 100_000) || !(writers >= 1) || !(windowEvents >= 100) || !(reads >= 10) || !Number.isInteger(seed)) {
  console.error('usage: grow.bench.js [--to N ≥ 100000] [--contender ours|raw] [--writers W ≥ 1] [--window N ≥ 100] [--reads N ≥ 10] [--analyze yes|no] [--seed S]')
  process.exit(2)
}
// 100 k, 250 k, 500 k, 1 M, 2.5 M, 5 M, 10 M … up to --to
const checkpoints = [100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000].filter((c) => c < to).concat(to)
const cpus = os.cpus()
console.log(`talent-ledger PostgreSQL growth — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
console.log(await describeServer())
const w = await buildWorkload(50_000, seed)
console.log(`workload of each round: ${fmt(w.events)} events on ${fmt(w.streams.length)} streams (seed ${seed}); fill by ${writers} concurrent writers, whole streams ≤ 100 events per append; window of ${fmt(windowEvents)} events appended one command per transaction by one writer; ${fmt(reads)} readStream calls per checkpoint${analyze ? ', after an ANALYZE of the schema' : ' (no ANALYZE)'}`)

const schema = schemaName(`grow${values.contender}`)
const store = await open(schema)
const stop = (): void => void store.close().finally(() => process.exit(130))
process.once('SIGINT', stop)
const t0 = performance.now()
console.log(`\ncontender: ${store.name}\n\n| store size (events) | fill events/s (batched, ${writers} writers) | append events/s (1 writer, per command) | readStream p50 ms | readStream p99 ms | tables + indexes | elapsed | load average |`)
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|')
try {
  await measureGrowth(store, schema, w, { checkpoints, writers, windowEvents, reads, analyze }, (c) =>
    console.log(`| ${fmt(c.at)} | ${fmt(c.fillRate)} | ${fmt(c.appendRate)} | ${c.readP50Ms.toFixed(3)} | ${c.readP99Ms.toFixed(3)} | ${(c.bytes / 2 ** 20).toFixed(0)} MiB | ${((performance.now() - t0) / 1000).toFixed(0)} s | ${os.loadavg()[0]!.toFixed(2)} |`),
  )
} finally {
  process.off('SIGINT', stop)
  await store.close() // drops the schema
}
