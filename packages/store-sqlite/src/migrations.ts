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
  {
    version: 5,
    name: 'stored-row-integrity',
    // WHY: a row written behind the store's back at position 0 or below was folded by `show` (it
    // reads by stream) but skipped by `export` and `report` (they read the log in position order),
    // and `verify` read the log the same way, so it never saw it. These triggers refuse such rows
    // on write; `verify` reports any that an older file (or someone who drops the triggers) holds.
    // SQLite has no deferred checks and triggers fire per row, so the append writes the stream head
    // first and then its events: an event must find a head at or past its version (at its version,
    // with its hash). A head cannot be checked for its events when written (they come after it in
    // the same transaction); instead a head never moves back or goes away while events are there,
    // and events are never deleted, so once written a head keeps its rows. All lookups use the
    // primary key of `streams` or the (stream_id, version) index of `events`: no scans per append.
    sql: `
      CREATE TRIGGER events_position_positive BEFORE INSERT ON events WHEN NEW.global_position IS NULL OR NEW.global_position <= 0
      BEGIN SELECT RAISE(ABORT, 'events.global_position must be greater than 0'); END;
      CREATE TRIGGER events_position_positive_on_update BEFORE UPDATE OF global_position ON events WHEN NEW.global_position IS NULL OR NEW.global_position <= 0
      BEGIN SELECT RAISE(ABORT, 'events.global_position must be greater than 0'); END;
      CREATE TRIGGER events_need_head BEFORE INSERT ON events
      WHEN NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = NEW.stream_id AND (s.version > NEW.version OR (s.version = NEW.version AND s.hash = NEW.hash)))
      BEGIN SELECT RAISE(ABORT, 'an events row needs its stream head written first, at or past its version'); END;
      CREATE TRIGGER events_need_head_on_update BEFORE UPDATE OF stream_id, version ON events
      WHEN NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = NEW.stream_id AND s.version >= NEW.version)
      BEGIN SELECT RAISE(ABORT, 'an events row needs its stream head at or past its version'); END;
      CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events rows are never deleted: the log is append-only'); END;
      CREATE TRIGGER streams_never_back BEFORE UPDATE ON streams WHEN NEW.stream_id IS NOT OLD.stream_id OR NEW.version < OLD.version
      BEGIN SELECT RAISE(ABORT, 'a stream head never moves back'); END;
      CREATE TRIGGER streams_kept_with_events BEFORE DELETE ON streams WHEN EXISTS (SELECT 1 FROM events e WHERE e.stream_id = OLD.stream_id)
      BEGIN SELECT RAISE(ABORT, 'a stream head with events is never deleted'); END;
    `,
  },
  {
    version: 6,
    name: 'outbox-retention',
    // WHY: delivered notices kept their payloads (the talent's sealed personal data included) for
    // ever, and made up most of a file. Retention compacts a delivered row to what an audit needs:
    // its columns but the payload, and the SHA-256 of the payload it held (`payload_sha256`), which
    // `verify` compares with the hash of the payload the event implies. The CHECK keeps compaction
    // to delivered rows with their payload gone; the trigger keeps a compacted row as it is, so it
    // is not un-compacted, re-hashed or moved back to pending (a forged hash written with the
    // triggers dropped is still reported by `verify`). The partial index holds only rows retention
    // has still to do, so an append (its rows are pending) never writes to it.
    sql: `
      ALTER TABLE outbox ADD COLUMN payload_sha256 TEXT
        CHECK (payload_sha256 IS NULL OR (status = 'delivered' AND payload = '{}'));
      CREATE INDEX outbox_compactable ON outbox (delivered_at, seq) WHERE status = 'delivered' AND payload_sha256 IS NULL;
      CREATE TRIGGER outbox_compacted_kept BEFORE UPDATE ON outbox WHEN OLD.payload_sha256 IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a compacted outbox row is never changed'); END;
    `,
  },
  {
    version: 7,
    name: 'outbox-shared-payloads',
    // WHY: an event's notices on several channels and recipients carry one and the same payload
    // (about 600 bytes with the talent's sealed personal data), and each row kept its own copy: in
    // the demo's file the outbox took 22 of 57 MiB, 13 of them payloads, 60 % of those copies. Now
    // the rows of one append that carry the same payload share one `outbox_payloads` row: each
    // holds `payload = ''` (not JSON, so never a payload of its own) and `payload_ref`, its id. A
    // row's own payload, when it has one, is its payload: rows written before (payload_ref NULL) read
    // as they always did, and a payload written into a row (by hand) is what that row reads, so
    // `verify` sees it. Compaction clears a row's reference and deletes a shared payload once no row
    // reads it; the trigger refuses deleting one that a row still reads. The partial index holds only
    // the sharing rows (the lookup compaction and the trigger make).
    sql: `
      CREATE TABLE outbox_payloads (
        id INTEGER PRIMARY KEY,
        payload TEXT NOT NULL
      );
      ALTER TABLE outbox ADD COLUMN payload_ref INTEGER;
      CREATE INDEX outbox_payload_ref ON outbox (payload_ref) WHERE payload_ref IS NOT NULL;
      CREATE TRIGGER outbox_payloads_kept BEFORE DELETE ON outbox_payloads
      WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.payload_ref = OLD.id AND o.payload = '')
      BEGIN SELECT RAISE(ABORT, 'a shared outbox payload is never deleted while a row reads it'); END;
      CREATE TRIGGER outbox_payloads_never_changed BEFORE UPDATE ON outbox_payloads
      BEGIN SELECT RAISE(ABORT, 'a shared outbox payload is never changed'); END;
    `,
  },
  {
    version: 8,
    name: 'outbox-by-stream',
    // WHY: \`verify\` reads the outbox beside the events, by stream id then id (the audit's
    // \`outboxByStream\`); with no index in that order SQLite sorted the whole outbox for each page
    // of 20,000 rows (16 % of verify's CPU on the demo's file). With it each page is a plain index
    // scan. The relay never reads in this order, and an append writes one more index entry per row.
    sql: `
      CREATE INDEX outbox_by_stream ON outbox (stream_id, id);
    `,
  },
  {
    version: 9,
    name: 'text-keyed-without-rowid',
    // WHY: a table with a TEXT PRIMARY KEY is two b-trees in SQLite, the rows under a hidden rowid and
    // an index from the key to it: a lookup walks both, and a new row writes both (their pages are
    // WAL frames of the commit). `WITHOUT ROWID` keeps the rows in the key's b-tree alone. `streams`
    // is read and written by every append, `keys` by every new talent; `checkpoints` and
    // `pending_erasures` are keyed the same way. Nothing reads their rowid. Each is rebuilt in place:
    // a new table, the rows copied, the old one dropped, the new one renamed (`migrate` runs with
    // secure_delete on, so the dropped pages of `keys` are zeroed: a key forgotten later is left
    // nowhere). A NULL key, which a rowid table let a hand-written row hold, fails the copy and so
    // the migration, whole. The triggers that name `streams` are dropped first (a rename re-reads
    // every trigger) and created again with the text of migration 5; a file whose triggers someone
    // dropped still opens (as before: `verify` reports what they would have refused) and gets them back.
    sql: `
      DROP TRIGGER IF EXISTS events_need_head;
      DROP TRIGGER IF EXISTS events_need_head_on_update;
      DROP TRIGGER IF EXISTS streams_never_back;
      DROP TRIGGER IF EXISTS streams_kept_with_events;
      CREATE TABLE streams_rebuilt (
        stream_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO streams_rebuilt (stream_id, version, hash) SELECT stream_id, version, hash FROM streams;
      DROP TABLE streams;
      ALTER TABLE streams_rebuilt RENAME TO streams;
      CREATE TABLE keys_rebuilt (
        subject_id TEXT PRIMARY KEY,
        key BLOB NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO keys_rebuilt (subject_id, key) SELECT subject_id, key FROM keys;
      DROP TABLE keys;
      ALTER TABLE keys_rebuilt RENAME TO keys;
      CREATE TABLE checkpoints_rebuilt (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO checkpoints_rebuilt (name, position) SELECT name, position FROM checkpoints;
      DROP TABLE checkpoints;
      ALTER TABLE checkpoints_rebuilt RENAME TO checkpoints;
      CREATE TABLE pending_erasures_rebuilt (
        subject_id TEXT PRIMARY KEY,
        forgotten_at TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO pending_erasures_rebuilt (subject_id, forgotten_at) SELECT subject_id, forgotten_at FROM pending_erasures;
      DROP TABLE pending_erasures;
      ALTER TABLE pending_erasures_rebuilt RENAME TO pending_erasures;
      CREATE TRIGGER events_need_head BEFORE INSERT ON events
      WHEN NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = NEW.stream_id AND (s.version > NEW.version OR (s.version = NEW.version AND s.hash = NEW.hash)))
      BEGIN SELECT RAISE(ABORT, 'an events row needs its stream head written first, at or past its version'); END;
      CREATE TRIGGER events_need_head_on_update BEFORE UPDATE OF stream_id, version ON events
      WHEN NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = NEW.stream_id AND s.version >= NEW.version)
      BEGIN SELECT RAISE(ABORT, 'an events row needs its stream head at or past its version'); END;
      CREATE TRIGGER streams_never_back BEFORE UPDATE ON streams WHEN NEW.stream_id IS NOT OLD.stream_id OR NEW.version < OLD.version
      BEGIN SELECT RAISE(ABORT, 'a stream head never moves back'); END;
      CREATE TRIGGER streams_kept_with_events BEFORE DELETE ON streams WHEN EXISTS (SELECT 1 FROM events e WHERE e.stream_id = OLD.stream_id)
      BEGIN SELECT RAISE(ABORT, 'a stream head with events is never deleted'); END;
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
  // WHY: a migration that rebuilds a table drops the old one; with secure_delete its freed pages are
  // zeroed, so no copy of a row (a key above all) stays behind in the file's free pages
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number
  db.pragma('secure_delete = ON')
  const step = db.transaction((m: Migration) => {
    if (appliedVersion(db) >= m.version) return
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.exec(m.sql)
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
  })
  try {
    for (const m of MIGRATIONS) if (m.version > found) step.immediate(m)
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`)
  }
}
