/**
 * Contender 3: Emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql` 0.42.0, through
 * the workspace package `@talent-ledger/bench-emmett-postgres`), through its documented API:
 * `getPostgreSQLEventStore(connectionString, …)`, its schema migration run before timing,
 * `appendToStream` with `expectedStreamVersion`, `readStream`, and `readMessagesBatch` (the read-all
 * function its consumers page the log with) for the log. Emmett's tables are unqualified, so its
 * schema is chosen by `search_path` in the connection string. Emmett keeps no hash chain, so this
 * contender seals each batch itself with core's `sealEvents` (node:crypto SHA-256, as the
 * others), from the stream head it keeps in memory, and stores id, hashes and our metadata in
 * Emmett's event metadata.
 * Emmett's SQL layer (dumbo) sets process-wide `pg` type parsers (int8 → BigInt, jsonb through its
 * own JSON parser); this contender installs them while it is open and puts pg's own back on close,
 * so the contenders that run after it read with pg's defaults.
 */
import pg from 'pg'
import { dumbo, getPostgreSQLEventStore, readMessagesBatch, type PostgresReadEvent } from '@talent-ledger/bench-emmett-postgres'
import { sealEvents } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-postgres'
import type { OpenContender } from '../shared/contender.js'
import { emmettEventsOf, recordedOfEmmett } from '../shared/emmett-events.js'
import { dropSchema, runSql, withSearchPath, connectionString } from './connection.js'


// the type parsers dumbo replaces: int8, jsonb, json
const PARSED = [20, 3802, 114] as const
type Parsers = Map<number, (value: string) => unknown>
const parsers = (): Parsers => new Map(PARSED.map((oid) => [oid, pg.types.getTypeParser(oid, 'text') as (value: string) => unknown]))
const install = (p: Parsers): void => p.forEach((parse, oid) => pg.types.setTypeParser(oid, 'text', parse))
const pgDefaults = parsers()
let emmettParsers: Parsers | undefined

/** Emmett 0.42 on PostgreSQL, in a new schema named `schema`, over a dumbo pool on a pg.Pool of `poolSize`. */
export const openEmmett = (poolSize: number): OpenContender => async (schema) => {
  await runSql(`CREATE SCHEMA "${schema}"`)
  if (emmettParsers !== undefined) install(emmettParsers)
  const url = withSearchPath(connectionString, schema)
  const connections = new pg.Pool({ connectionString: url, max: poolSize })
  const pool = dumbo({ connectionString: url, pool: connections })
  emmettParsers ??= parsers()
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { dumbo: pool }, schema: { autoMigration: 'None' } })
  await store.schema.migrate()
  const heads = new Map<string, string>()
  return {
    name: 'Emmett PostgreSQL',
    checksEnvelopes: false,
    append: async (b) => {
      const sealed = sealEvents({ streamId: b.streamId, version: b.expected, hash: heads.get(b.streamId) ?? '' }, b.events, () => 0, nativeSha256Hex)
      const events = emmettEventsOf(sealed)
      await store.appendToStream(b.streamId, events, { expectedStreamVersion: BigInt(b.expected) })
      heads.set(b.streamId, sealed[sealed.length - 1]!.hash)
    },
    readStream: async (streamId) => (await store.readStream(streamId)).events.map((m) => recordedOfEmmett(m as PostgresReadEvent)),
    readAll: async (after, limit) => {
      const page = await readMessagesBatch(pool.execute, { after: BigInt(after), batchSize: limit })
      return page.messages.map((m) => recordedOfEmmett(m as unknown as PostgresReadEvent))
    },
    close: async () => {
      await store.close()
      await connections.end()
      install(pgDefaults)
      await dropSchema(schema)
    },
  }
}
