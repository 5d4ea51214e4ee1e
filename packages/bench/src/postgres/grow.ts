/**
 * How a PostgreSQL store's cost grows with its size: fill a fresh schema with batched appends (every
 * stream of the workload appended whole, up to 100 events per append, by concurrent writers each
 * owning a share of the streams), round after round — round r renames every stream `<id>~r<r>` and
 * gives its events new ids, so payloads and stream lengths stay realistic — and at each checkpoint
 * stop filling and measure: the fill rate since the last checkpoint, the rate of per-command appends
 * by one writer over a window (a fresh round's first batches, as in the main bench), the latency of
 * reading one whole stream sampled from all written so far, and the schema's size on disk.
 * With `analyze`, the schema's tables are ANALYZEd before each checkpoint's measurements, as
 * autovacuum would have done: without statistics the planner guesses a stream holds 0.5 % of the
 * events and, past a few million, reads one stream with a parallel bitmap scan.
 */
import pg from 'pg'
import type { Contender } from '../shared/contender.js'
import { shareStreams } from '../shared/phases.js'
import { percentile, random, readLatencies, renamed } from '../shared/growth.js'
import type { Batch, Workload } from '../shared/workload.js'
import { connectionString } from './connection.js'

/** What was measured at one checkpoint. */
export interface Checkpoint {
  /** Events in the store when the checkpoint was taken (after its append window). */
  readonly at: number
  /** Events per second of the batched, concurrent fill since the previous checkpoint. */
  readonly fillRate: number
  /** Events per second of one writer appending one command per transaction, over the window. */
  readonly appendRate: number
  readonly windowEvents: number
  readonly readP50Ms: number
  readonly readP99Ms: number
  readonly reads: number
  /** Tables and indexes of the schema, in bytes. */
  readonly bytes: number
}

/** How the fill is done and measured. */
export interface GrowOptions {
  readonly checkpoints: ReadonlyArray<number>
  readonly writers: number
  readonly windowEvents: number
  readonly reads: number
  /** ANALYZE the schema's tables before each checkpoint's measurements. */
  readonly analyze: boolean
}

const FILL_CHUNK = 100

/** Every stream of the workload as appends of up to FILL_CHUNK events, each with its expected version. */
const fillBatches = (w: Workload): Batch[] => {
  const streams = new Map<string, Batch['events'][number][]>()
  for (const b of w.batches) {
    const events = streams.get(b.streamId) ?? []
    events.push(...b.events)
    streams.set(b.streamId, events)
  }
  const out: Batch[] = []
  for (const [streamId, events] of streams)
    for (let at = 0; at < events.length; at += FILL_CHUNK) out.push({ streamId, expected: at, events: events.slice(at, at + FILL_CHUNK) })
  return out
}

const TABLES = `FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`

const withClient = async <T>(f: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

const schemaBytes = (schema: string): Promise<number> =>
  withClient(async (client) => {
    const sql = `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::int8 AS bytes ${TABLES}`
    return Number((await client.query<{ bytes: string }>(sql, [schema])).rows[0]!.bytes)
  })

const analyzeSchema = (schema: string): Promise<void> =>
  withClient(async (client) => {
    const { rows } = await client.query<{ name: string }>(`SELECT c.relname AS name ${TABLES}`, [schema])
    for (const { name } of rows) await client.query(`ANALYZE "${schema}"."${name}"`)
  })

/** Fills `store` (open in `schema`) up to the last checkpoint; calls `report` at each. */
export const measureGrowth = async (store: Contender, schema: string, w: Workload, o: GrowOptions, report: (c: Checkpoint) => void): Promise<void> => {
  const fill = fillBatches(w)
  const next = random(2026)
  const streams: string[] = []
  let events = 0
  let round = 0
  for (const target of o.checkpoints) {
    const fillT0 = performance.now()
    const fillFrom = events
    // whole rounds while they fit below the checkpoint, then a part of one
    while (events < target) {
      const r = round++
      const batches: Batch[] = []
      for (const b of fill) {
        if (events >= target) break
        const rb = renamed(b, r)
        if (rb.expected === 0) streams.push(rb.streamId)
        batches.push(rb)
        events += rb.events.length
      }
      // a round cut at the checkpoint leaves its last streams short; each stream's chunks stay in order with one writer
      const shares = shareStreams(batches, o.writers)
      await Promise.all(
        shares.map(async (share) => {
          for (const b of share) await store.append(b)
        }),
      )
    }
    const fillRate = ((events - fillFrom) / (performance.now() - fillT0)) * 1000
    if (o.analyze) await analyzeSchema(schema)
    const r = round++
    const window: Batch[] = []
    let windowEvents = 0
    for (const b of w.batches) {
      if (windowEvents >= o.windowEvents) break
      const rb = renamed(b, r)
      if (rb.expected === 0) streams.push(rb.streamId)
      window.push(rb)
      windowEvents += rb.events.length
    }
    const t0 = performance.now()
    for (const b of window) await store.append(b)
    const appendRate = (windowEvents / (performance.now() - t0)) * 1000
    events += windowEvents
    const ms = await readLatencies((id) => store.readStream(id), streams, o.reads, next)
    report({ at: events, fillRate, appendRate, windowEvents, readP50Ms: percentile(ms, 0.5), readP99Ms: percentile(ms, 0.99), reads: o.reads, bytes: await schemaBytes(schema) })
  }
}
