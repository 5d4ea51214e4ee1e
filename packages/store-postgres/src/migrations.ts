/**
 * The schema, as numbered migrations kept in code (no files to ship or lose), written for the
 * store's schema name. Each runs once, in its own transaction together with its `schema_migrations`
 * row, while the opener holds a session advisory lock for the schema: two processes opening a new
 * schema at once queue, and the second finds the work done. A schema whose newest migration is
 * newer than this code was written by a later release and is refused rather than misread.
 * NOTE: these tables are the storage format. Add a migration; never edit one that has shipped.
 */
import type pg from 'pg'
import { PostgresSchemaError } from './errors.js'
import { MIGRATION_LOCK_CLASS, type Schema } from './schema-name.js'
import { readAfterSql } from './read-after-sql.js'
import { positionBaseSql } from './fast-append.js'
import { appendEventsSql, readHorizonSql } from './sql-functions.js'
import { storedRowIntegritySql } from './stored-row-integrity.js'
import { outboxRetentionSql } from './outbox-retention.js'
import { outboxInsertSql, outboxPayloadsSql } from './outbox-payloads.js'
import { positionBaseInlineSql } from './position-base-inline.js'

/** One schema step. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: (s: Schema) => ReadonlyArray<string>
}

/** Every migration, in order. Stream and event ids use `COLLATE "C"`: code-point order, as `streamHeads` promises. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'initial',
    sql: ({ sql: s }) => [
      `CREATE TABLE ${s}.events (
        global_position bigint PRIMARY KEY,
        stream_id text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        event_id text COLLATE "C" NOT NULL CONSTRAINT events_event_id UNIQUE,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, version))`,
      `CREATE TABLE ${s}.streams (stream_id text COLLATE "C" PRIMARY KEY, version integer NOT NULL, hash text NOT NULL)`,
      `CREATE TABLE ${s}.checkpoints (name text PRIMARY KEY, position bigint NOT NULL)`,
      // the shape of core's Outbox port, as SQLite's migration 3
      `CREATE TABLE ${s}.outbox (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        event_id text NOT NULL,
        stream_id text NOT NULL,
        channel text NOT NULL,
        recipient text NOT NULL,
        template text NOT NULL,
        locale text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at text,
        lease_until text,
        last_error text,
        created_at text NOT NULL,
        delivered_at text)`,
      `CREATE INDEX outbox_pending ON ${s}.outbox (status, seq)`,
      `CREATE TABLE ${s}.ledger_digests (global_position bigint PRIMARY KEY, stream_count integer NOT NULL, root text NOT NULL, created_at text NOT NULL)`,
      `CREATE TABLE ${s}.keys (subject_id text PRIMARY KEY, key bytea NOT NULL)`,
      `CREATE TABLE ${s}.projections (name text PRIMARY KEY, position bigint NOT NULL, state jsonb NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'append-and-horizon-functions',
    sql: (schema) => [readHorizonSql(schema), appendEventsSql(schema)],
  },
  {
    version: 3,
    name: 'read-after-function',
    sql: (schema) => [readAfterSql(schema)],
  },
  {
    version: 4,
    name: 'position-base-function',
    sql: (schema) => [positionBaseSql(schema)],
  },
  {
    version: 5,
    name: 'pending-erasures',
    // keys deleted whose dead row a reader's snapshot still kept in the table (see postgres-key-store.ts)
    sql: ({ sql: s }) => [
      `CREATE TABLE ${s}.pending_erasures (subject_id text PRIMARY KEY, deleted_by xid8 NOT NULL, forgotten_at timestamptz NOT NULL DEFAULT now())`,
    ],
  },
  {
    version: 6,
    name: 'stored-row-integrity',
    sql: (schema) => storedRowIntegritySql(schema),
  },
  {
    version: 7,
    name: 'outbox-retention',
    sql: (schema) => outboxRetentionSql(schema),
  },
  {
    version: 8,
    name: 'outbox-shared-payloads',
    // the table, and `append_events` inserting outbox rows as the one-statement append now does
    sql: (schema) => [...outboxPayloadsSql(schema), appendEventsSql(schema, outboxInsertSql(schema, 'p_outbox', 'p_created_at'))],
  },
  {
    version: 9,
    name: 'position-base-inline',
    sql: (schema) => positionBaseInlineSql(schema),
  },
  {
    version: 10,
    name: 'outbox-by-stream',
    // WHY: `verify` reads the outbox beside the events, by stream id then id in code-point order
    // (the audit's `outboxByStream`), holding one stream's rows at a time instead of the whole
    // outbox; this index holds that order, so each page is a scan of it (SQLite's migration 8).
    sql: ({ sql: s }) => [`CREATE INDEX outbox_by_stream ON ${s}.outbox (stream_id COLLATE "C", id COLLATE "C")`],
  },
]

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

const appliedVersion = async (client: pg.ClientBase, s: Schema): Promise<number> => {
  const table = `${s.sql}.schema_migrations`
  const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table])
  if (exists.rows[0]?.t == null) return 0
  const { rows } = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${table}`)
  return rows[0]?.v ?? 0
}

const refuseNewer = (s: Schema, found: number): void => {
  if (found > LATEST_SCHEMA_VERSION)
    throw new PostgresSchemaError(
      s.name,
      `its schema version ${found} is newer than this release of @talent-ledger/store-postgres knows (${LATEST_SCHEMA_VERSION}); upgrade it`,
    )
}

/**
 * Brings schema `s` to the latest version on one connection of `pool`. Throws `PostgresSchemaError`
 * for a schema newer than this code; driver errors (unreachable server, no rights) pass through.
 */
export const migrate = async (pool: pg.Pool, s: Schema): Promise<void> => {
  const client = await pool.connect()
  try {
    const seen = await appliedVersion(client, s)
    refuseNewer(s, seen)
    if (seen === LATEST_SCHEMA_VERSION) return
    await client.query('SELECT pg_advisory_lock($1, $2)', [MIGRATION_LOCK_CLASS, s.lockKey])
    try {
      for (const m of MIGRATIONS) {
        await client.query('BEGIN')
        try {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${s.sql}`)
          await client.query(
            `CREATE TABLE IF NOT EXISTS ${s.sql}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
          )
          const found = await appliedVersion(client, s)
          refuseNewer(s, found)
          if (found < m.version) {
            for (const statement of m.sql(s)) await client.query(statement)
            await client.query(`INSERT INTO ${s.sql}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name])
          }
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw error
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [MIGRATION_LOCK_CLASS, s.lockKey])
    }
  } finally {
    client.release()
  }
}
