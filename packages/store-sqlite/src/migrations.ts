/**
 * The schema, as numbered migrations kept in code (no files to ship or lose). Each runs once, in a
 * transaction with its row in `schema_migrations`; a file whose schema is newer than the newest
 * migration here was written by a later release and is refused rather than misread.
 * NOTE: these tables are the storage format. Add a migration; never edit one that has shipped.
 */
import type Database from 'better-sqlite3'
import { StoreOpenError } from './errors.js'

/** `PRAGMA application_id` of a talent-ledger file ("TLDG"): the marker that tells our files from foreign ones. */
export const APPLICATION_ID = 0x544c4447

/** One schema step. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

/** Every migration, in order. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY,
        stream_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        event_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream_id, version)
      );
      CREATE TABLE streams (
        stream_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TABLE checkpoints (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL
      );
      -- filled by the notification relay (issue 5): one row per (event, channel, recipient)
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        UNIQUE (event_id, channel, recipient)
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE TABLE ledger_digests (
        global_position INTEGER PRIMARY KEY,
        stream_count INTEGER NOT NULL,
        root TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE keys (
        subject_id TEXT PRIMARY KEY,
        key BLOB NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'projections',
    sql: `
      -- the persisted state of inline and async projections: the state as of position (plain JSON)
      CREATE TABLE projections (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        state TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'outbox',
    sql: `
      -- the outbox of migration 1 was never written to: replaced by the shape of core's Outbox port
      DROP TABLE outbox;
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        template TEXT NOT NULL,
        locale TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        lease_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX outbox_pending ON outbox (status, seq);
    `,
  },
  {
    version: 4,
    name: 'pending-erasures',
    sql: `
      -- keys deleted while a reader kept the WAL from being checkpointed: their bytes may still be
      -- in the file until a later checkpoint completes (see sqlite-key-store.ts)
      CREATE TABLE pending_erasures (
        subject_id TEXT PRIMARY KEY,
        forgotten_at TEXT NOT NULL
      );
    `,
  },
]

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

const appliedVersion = (db: Database.Database): number => {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (table === undefined) return 0
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}

/**
 * Brings the file to the latest schema, each pending migration in its own immediate transaction
 * (two processes opening a new file at once: the second finds the work done). Throws
 * `StoreOpenError` for a schema newer than this code.
 */
export const migrate = (db: Database.Database, path: string): void => {
  const found = appliedVersion(db)
  if (found > LATEST_SCHEMA_VERSION)
    throw new StoreOpenError(
      path,
      `its schema version ${found} is newer than this release of @talent-ledger/store-sqlite knows (${LATEST_SCHEMA_VERSION}); upgrade it`,
    )
  if (found === LATEST_SCHEMA_VERSION) return
  if (db.readonly) throw new StoreOpenError(path, `it is read-only and its schema (version ${found}) needs version ${LATEST_SCHEMA_VERSION}`)
  const step = db.transaction((m: Migration) => {
    if (appliedVersion(db) >= m.version) return
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.exec(m.sql)
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
  })
  for (const m of MIGRATIONS) if (m.version > found) step.immediate(m)
}
