/**
 * The floor on PostgreSQL: node-postgres with the least an event store can do and still be one — a
 * minimal table (position, stream, version, type, data and metadata as jsonb; the version unique
 * per stream, which is the whole expected-version check), no hash chain, no head row, and one
 * INSERT statement per append (all its events through `unnest`, autocommitted) with
 * synchronous_commit on. Reads take what `pg` parses and check nothing. The headline ratio of
 * `pnpm bench:postgres` is ours against this.
 */
import pg from 'pg'
import type { RecordedEvent } from '@talent-ledger/core'
import type { Contender, OpenContender } from '../shared/contender.js'
import { connectionString, dropSchema } from './connection.js'

/** The floor's name. */
export const FLOOR = 'floor pg'

interface Row {
  global_position: string
  stream_id: string
  version: number
  type: string
  data: unknown
  metadata: RecordedEvent['metadata']
}

const fromRow = (r: Row): RecordedEvent => ({
  globalPosition: Number(r.global_position),
  streamId: r.stream_id,
  version: r.version,
  type: r.type,
  data: r.data,
  metadata: r.metadata,
  eventId: '',
  schemaVersion: 0,
  prevHash: '',
  hash: '',
})

const schemaSql = (s: string): string => `
  CREATE SCHEMA "${s}";
  CREATE TABLE "${s}".events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, UNIQUE (stream_id, version)
  );
`

const floorOn = (pool: pg.Pool, s: string, close: () => Promise<void>): Contender => {
  const insert = `INSERT INTO "${s}".events (stream_id, version, type, data, metadata)
    SELECT $1, e.version, e.type, e.data::jsonb, e.metadata::jsonb FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS e(version, type, data, metadata)`
  const readStream = `SELECT global_position, stream_id, version, type, data, metadata FROM "${s}".events WHERE stream_id = $1 ORDER BY version`
  const readAll = `SELECT global_position, stream_id, version, type, data, metadata FROM "${s}".events WHERE global_position > $1 ORDER BY global_position LIMIT $2`
  return {
    name: FLOOR,
    checksEnvelopes: false,
    floor: true,
    append: async (b) => {
      await pool.query({
        name: 'floor-append',
        text: insert,
        values: [
          b.streamId,
          b.events.map((_, i) => b.expected + i + 1),
          b.events.map((e) => e.type),
          b.events.map((e) => JSON.stringify(e.data)),
          b.events.map((e) => JSON.stringify(e.metadata)),
        ],
      })
    },
    readStream: async (streamId) => (await pool.query<Row>({ name: 'floor-read-stream', text: readStream, values: [streamId] })).rows.map(fromRow),
    readAll: async (after, limit) => (await pool.query<Row>({ name: 'floor-read-all', text: readAll, values: [after, limit] })).rows.map(fromRow),
    close,
  }
}

/** The floor with a pool of `poolSize`, synchronous_commit on, in a new schema named `schema`. */
export const openFloor =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const pool = new pg.Pool({ connectionString, max: poolSize, options: '-c synchronous_commit=on' })
    await pool.query(schemaSql(schema))
    return floorOn(pool, schema, async () => {
      await pool.end()
      await dropSchema(schema)
    })
  }
