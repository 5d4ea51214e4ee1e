/**
 * Migration 9 (text-keyed-without-rowid) on files written before it: `streams`, `keys`,
 * `checkpoints` and `pending_erasures` are rebuilt as WITHOUT ROWID tables in place. The
 * conformance suite runs on files whose schema was written by migrations 1–8 only (so its
 * stored-row checks try every forged write against the rebuilt tables and the re-created
 * triggers), and a file the release before wrote (fixtures/heads-v8) migrates with every row of
 * every table kept, verifies intact, refuses forged heads and events, and a key it held, forgotten
 * after the migration, is in none of the store's files (the dropped table's pages were zeroed). A
 * file whose triggers were dropped by hand still opens, and gets them back.
 */
import { randomBytes } from 'node:crypto'
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { verifyLedger } from '@talent-ledger/core'
import { cleanupsAfterEach, describeEventStoreConformance, storeProbes } from '@talent-ledger/testing/vitest'
import { APPLICATION_ID, MIGRATIONS } from '../src/migrations.js'
import { createSqliteEventStore, createSqliteKeyStore, LATEST_SCHEMA_VERSION, nativeSha256Hex, type SqliteEventStore } from '../src/index.js'
import { tables } from './stored-row-writer.js'
import { tempStorePath } from './temp-files.js'

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'heads-v8', 'heads-v8.db')
const REBUILT = ['checkpoints', 'keys', 'pending_erasures', 'streams']

/** Writes an empty store file as migrations 1–8 leave it, as `migrate` would have before migration 9. */
const writeSchema8 = (path: string): void => {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  for (const m of MIGRATIONS.filter((m) => m.version <= 8)) {
    db.exec(m.sql)
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, '2026-12-01T00:00:00.000Z')
  }
  db.close()
}

/** Every row of every table but `schema_migrations`, each table's rows in a fixed order. */
const everyRow = (db: Database.Database): Record<string, unknown[]> => {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(names.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]))
}
/** The names of the files in `dir` (the store's .db, -wal and -shm) that hold `bytes`. */
const filesHolding = (dir: string, bytes: Buffer): string[] => readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(bytes))
const schemaOf = (db: Database.Database, type: string): unknown[] => db.prepare('SELECT name, tbl_name, sql FROM sqlite_master WHERE type = ? ORDER BY name').all(type)
const tableSql = (db: Database.Database, name: string): string => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) as string

describeEventStoreConformance(
  'sqlite, a file of schema 8 migrated',
  async () => {
    const { path, cleanup } = tempStorePath()
    writeSchema8(path)
    return { store: createSqliteEventStore({ path }), cleanup }
  },
  { tables },
)

const cleanups = cleanupsAfterEach()

/**
 * `verifyLedger` finds every event, head and digest intact; its only findings are the fixture's 18
 * notices, which no event implies under no notification policy (the probes have none).
 */
const expectIntact = async (store: SqliteEventStore, events: number, streams: number): Promise<void> => {
  const verified = await verifyLedger(store, { notifications: null, sha256: nativeSha256Hex })
  if (verified.ok) return expect.fail('no policy implies the fixture notices: verify must name them')
  const named = verified.findings.map((f) => /^the outbox row (\S+) has no event behind it/.exec(f.reason)?.[1])
  expect(named.sort()).toEqual((await store.outbox.list()).map((r) => r.id).sort())
  expect(named).toHaveLength(18)
  const all = store.database.prepare('SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM streams)').raw().get()
  expect(all).toEqual([events, streams])
}

describe('a file the release before wrote (schema 8)', () => {
  const opened = () => {
    const { path, dir, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    copyFileSync(FIXTURE, path)
    const raw = new Database(path, { readonly: true })
    const before = { sql: REBUILT.map((t) => tableSql(raw, t)), rows: everyRow(raw), triggers: schemaOf(raw, 'trigger'), indexes: schemaOf(raw, 'index'), version: raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get() }
    raw.close()
    const store = createSqliteEventStore({ path })
    const keys = createSqliteKeyStore(store.database)
    cleanups.push(() => store.close())
    return { path, dir, before, store, keys }
  }

  it('migrates in place: every row kept, the text-keyed tables WITHOUT ROWID, the same triggers, verify intact', async () => {
    const { before, store } = opened()
    const db = store.database
    expect(before.version).toBe(8)
    for (const sql of before.sql) expect(sql).not.toMatch(/WITHOUT ROWID/i)
    expect(before.rows['streams']).toHaveLength(3)
    expect(before.rows['keys']).toHaveLength(2)
    expect(before.rows['checkpoints']).toEqual([{ name: 'relay', position: 4 }])
    expect(before.rows['pending_erasures']).toHaveLength(1)

    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION)
    for (const t of REBUILT) expect(tableSql(db, t)).toMatch(/\) WITHOUT ROWID$/)
    expect(everyRow(db)).toEqual(before.rows)
    // the rowid tables' autoindexes are gone with them; every other index is as it was
    const kept = (before.indexes as { name: string }[]).filter((i) => !REBUILT.some((t) => i.name === `sqlite_autoindex_${t}_1`))
    expect(schemaOf(db, 'index')).toEqual(kept)
    // triggers as the file had them, and as a file created today has them
    expect(schemaOf(db, 'trigger')).toEqual(before.triggers)
    const { path: fresh, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const today = createSqliteEventStore({ path: fresh })
    cleanups.push(() => today.close())
    expect(schemaOf(db, 'trigger')).toEqual(schemaOf(today.database, 'trigger'))
    expect(schemaOf(db, 'table')).toEqual(schemaOf(today.database, 'table'))
    await expectIntact(store, 9, 3)
  })

  it('refuses forged heads and events as before, and appends on', async () => {
    const { store } = opened()
    const db = store.database
    expect(() => db.prepare("UPDATE streams SET version = version - 1 WHERE stream_id = 'probe-1'").run()).toThrow(/never moves back/)
    expect(() => db.prepare("UPDATE streams SET stream_id = 'probe-7' WHERE stream_id = 'probe-1'").run()).toThrow(/never moves back/)
    expect(() => db.prepare("DELETE FROM streams WHERE stream_id = 'probe-2'").run()).toThrow(/never deleted/)
    expect(() => db.prepare("DELETE FROM events WHERE stream_id = 'probe-2'").run()).toThrow(/append-only/)
    const forged = db.prepare("SELECT * FROM events WHERE stream_id = 'probe-1' AND version = 1").get() as Record<string, unknown>
    const insert = db.prepare('INSERT INTO events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    const values = (streamId: string, version: number, position: number) => [position, streamId, version, `forged-${position}`, forged['type'], forged['schema_version'], forged['data'], forged['metadata'], forged['prev_hash'], forged['hash']]
    expect(() => insert.run(...values('probe-headless', 1, 100))).toThrow(/needs its stream head/)
    expect(() => insert.run(...values('probe-1', 9, 101))).toThrow(/needs its stream head/)
    expect(() => insert.run(...values('probe-1', 2, 0))).toThrow(/greater than 0/)
    expect(() => db.prepare("UPDATE events SET version = 9 WHERE stream_id = 'probe-1' AND version = 1").run()).toThrow(/needs its stream head/)
    expect(() => db.prepare('INSERT INTO keys (subject_id, key) VALUES (NULL, ?)').run(Buffer.alloc(32))).toThrow(/NOT NULL/)

    const head = store.database.prepare("SELECT version FROM streams WHERE stream_id = 'probe-1'").pluck().get() as number
    expect((await store.append('probe-1', storeProbes(2, 10), head)).ok).toBe(true)
    expect((await store.append('probe-4', storeProbes(1, 12), 'no-stream')).ok).toBe(true)
    expect(await store.checkpoints.load('relay')).toBe(4)
    await store.checkpoints.save('relay', 12)
    expect(await store.checkpoints.load('relay')).toBe(12)
    await expectIntact(store, 12, 4)
  })

  it('keeps each key, and a key forgotten after the migration is in none of the files', async () => {
    const { dir, before, keys } = opened()
    const stored = before.rows['keys'] as { subject_id: string; key: Buffer }[]
    for (const { subject_id, key } of stored) expect(Buffer.from((await keys.keyFor(subject_id))!)).toEqual(key)
    expect(await keys.find('probe-3')).toBeUndefined()
    expect(await keys.pendingErasures()).toEqual([{ subjectId: 'probe-9', forgottenAt: '2026-01-02T03:04:05.000Z' }])
    const key = stored.find((k) => k.subject_id === 'probe-1')!.key
    expect(filesHolding(dir, key)).not.toEqual([])
    expect(await keys.forget('probe-1')).toEqual({ complete: true })
    expect(filesHolding(dir, key)).toEqual([])
  })

  it('leaves no copy of a key in the pages of the dropped table: many keys, each forgotten, are in none of the files', async () => {
    const { path, dir, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    writeSchema8(path)
    // keys as the release before stored them, over many pages of its rowid table
    const raw = new Database(path)
    const stored = Array.from({ length: 400 }, (_, i) => ({ subject: `t-${i}`, key: randomBytes(32) }))
    const insert = raw.prepare('INSERT INTO keys (subject_id, key) VALUES (?, ?)')
    raw.transaction(() => stored.forEach(({ subject, key }) => insert.run(subject, key)))()
    raw.close()
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    const keys = createSqliteKeyStore(store.database)
    for (const { subject, key } of stored) {
      expect(Buffer.from((await keys.find(subject))!)).toEqual(key)
      expect(await keys.forget(subject)).toEqual({ complete: true })
    }
    expect(stored.filter(({ key }) => filesHolding(dir, key).length > 0)).toEqual([])
  })

  it('opens a file whose triggers were dropped by hand, and gives them back', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    writeSchema8(path)
    const raw = new Database(path)
    for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) raw.exec(`DROP TRIGGER "${name}"`)
    raw.close()
    const store = createSqliteEventStore({ path })
    cleanups.push(() => store.close())
    const names = store.database.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%streams%' ORDER BY name").pluck().all()
    expect(names).toEqual(['events_need_head', 'events_need_head_on_update', 'streams_kept_with_events', 'streams_never_back'])
    expect(() => store.database.prepare("INSERT INTO streams (stream_id, version, hash) VALUES ('s', 1, 'h')").run()).not.toThrow()
    expect(() => store.database.prepare("UPDATE streams SET version = 0 WHERE stream_id = 's'").run()).toThrow(/never moves back/)
  })
})
