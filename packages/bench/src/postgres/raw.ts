/**
 * Contender 2: node-postgres (`pg`) used directly, doing the same durable work as our store and
 * nothing more: an events table and a stream-heads table, and one round trip per append — a single
 * statement whose CTE moves the stream head only if it is at the expected version (and hash), and
 * inserts the events only if it moved. The stream heads' hashes are kept in memory so that sealing
 * (core's `sealEvents` with node:crypto SHA-256, as our store seals) needs no read first; a stale head could not
 * slip through, the conditional update would refuse it. synchronous_commit is on for every
 * connection. Reads parse nothing but what `pg` parses (jsonb, int8 as a string).
 */
import pg from 'pg'
import { sealEvents, type NewEvent, type RecordedEvent } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-postgres'
import type { Contender, OpenContender } from '../shared/contender.js'
import { connectionString, dropSchema } from './connection.js'

const COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

interface Row {
  global_position: string
  stream_id: string
  version: number
  event_id: string
  type: string
  schema_version: number
  data: unknown
  metadata: RecordedEvent['metadata']
  prev_hash: string
  hash: string
}

const fromRow = (r: Row): RecordedEvent => ({
  eventId: r.event_id,
  streamId: r.stream_id,
  version: r.version,
  globalPosition: Number(r.global_position),
  type: r.type,
  schemaVersion: r.schema_version,
  data: r.data,
  metadata: r.metadata,
  prevHash: r.prev_hash,
  hash: r.hash,
})

const schemaSql = (s: string): string => `
  CREATE SCHEMA "${s}";
  CREATE TABLE "${s}".events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL,
    event_id text NOT NULL UNIQUE, type text NOT NULL, schema_version integer NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE TABLE "${s}".streams (stream_id text PRIMARY KEY, version integer NOT NULL, hash text NOT NULL);
`

// $1…$8: the events as parallel arrays; $9 stream, $10 its new version, $11 its new hash
const insertEvents = (s: string): string => `
  INSERT INTO "${s}".events (stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
  SELECT $9, e.version, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb, e.prev_hash, e.hash
  FROM head, unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
    AS e(version, event_id, type, schema_version, data, metadata, prev_hash, hash)`
const appendNew = (s: string): string => `
  WITH head AS (INSERT INTO "${s}".streams (stream_id, version, hash) VALUES ($9, $10, $11) ON CONFLICT (stream_id) DO NOTHING RETURNING 1)
  ${insertEvents(s)}`
// $12 the expected version, $13 the hash of the stream's last event
const appendExisting = (s: string): string => `
  WITH head AS (UPDATE "${s}".streams SET version = $10, hash = $11 WHERE stream_id = $9 AND version = $12 AND hash = $13 RETURNING 1)
  ${insertEvents(s)}`

const columnsOf = (sealed: ReadonlyArray<RecordedEvent>): unknown[] => [
  sealed.map((e) => e.version),
  sealed.map((e) => e.eventId),
  sealed.map((e) => e.type),
  sealed.map((e) => e.schemaVersion),
  sealed.map((e) => JSON.stringify(e.data)),
  sealed.map((e) => JSON.stringify(e.metadata)),
  sealed.map((e) => e.prevHash),
  sealed.map((e) => e.hash),
]

/**
 * Raw pg over `pool` on the tables of `schema`, which exist already; `close` runs when the contender
 * is closed. Stream heads are cached in this contender, so each stream must have one writer.
 */
const rawOn = (pool: pg.Pool, schema: string, close: () => Promise<void>): Contender => {
  const heads = new Map<string, string>()
  const [readStream, readAll] = [
    `SELECT ${COLUMNS} FROM "${schema}".events WHERE stream_id = $1 ORDER BY version`,
    `SELECT ${COLUMNS} FROM "${schema}".events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
  ]
  const append = async (streamId: string, events: ReadonlyArray<NewEvent>, expected: number): Promise<void> => {
    const prev = heads.get(streamId) ?? ''
    const sealed = sealEvents({ streamId, version: expected, hash: prev }, events, () => 0, nativeSha256Hex)
    const last = sealed[sealed.length - 1]!
    const values = [...columnsOf(sealed), streamId, last.version, last.hash]
    const result =
      expected === 0
        ? await pool.query({ name: 'append-new', text: appendNew(schema), values })
        : await pool.query({ name: 'append-existing', text: appendExisting(schema), values: [...values, expected, prev] })
    if (result.rowCount !== events.length) throw new Error(`raw pg: append to ${streamId} at ${expected} refused (stream not at that version)`)
    heads.set(streamId, last.hash)
  }
  return {
    name: 'raw pg',
    checksEnvelopes: false,
    append: (b) => append(b.streamId, b.events, b.expected),
    readStream: async (streamId) => (await pool.query<Row>({ name: 'read-stream', text: readStream, values: [streamId] })).rows.map(fromRow),
    readAll: async (after, limit) => (await pool.query<Row>({ name: 'read-all', text: readAll, values: [after, limit] })).rows.map(fromRow),
    close,
  }
}

const newPool = (poolSize: number): pg.Pool => new pg.Pool({ connectionString, max: poolSize, options: '-c synchronous_commit=on' })

/** pg 8 with a pool of `poolSize`, synchronous_commit on, in a new schema named `schema`. */
export const openRaw =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const pool = newPool(poolSize)
    await pool.query(schemaSql(schema))
    return rawOn(pool, schema, async () => {
      await pool.end()
      await dropSchema(schema)
    })
  }

/**
 * pg 8 with a pool of `poolSize` on a schema that `openRaw` created (another process's writer, say);
 * closing it ends the pool and leaves the schema to its creator.
 */
export const attachRaw =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const pool = newPool(poolSize)
    await pool.query('SELECT 1')
    return rawOn(pool, schema, () => pool.end())
  }
