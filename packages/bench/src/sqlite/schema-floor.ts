/**
 * The schema floor: what our own schema costs with none of our code. The raw driver (better-sqlite3,
 * prepared statements) writes exactly the rows a ledger wrote (command-rows.ts, read back untimed)
 * into a fresh file made by `createSqliteEventStore` + `createSqliteKeyStore` — every table, index,
 * trigger and pragma is the store's — with the transaction boundaries of the phase it bounds (one
 * `BEGIN IMMEDIATE` … `COMMIT` per given transaction, as the store's append). Nothing is decided,
 * sealed, hashed or serialised in the timed part. A talent's erasure deletes its key and writes and
 * clears its pending mark in the command's transaction; the store's TRUNCATE checkpoint after it is
 * left out (the simulated city forgets no one). `alter` (schema-ladder.ts) changes the scratch
 * file's schema before the timed part, and `skip` leaves kinds of rows out, for the ladder only.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import type { CommandRows } from './command-rows.js'
import { EVENT_COLUMNS, OUTBOX_COLUMNS } from './command-rows-read.js'
import { freshDir } from './phases.js'

/** Kinds of rows the ladder may leave out. */
export type RowKind = 'heads' | 'outbox' | 'keys'

export interface SchemaFloorOptions {
  readonly durability: 'FULL' | 'NORMAL'
  /** Written first, untimed, in one transaction: rows the file held before the phase (onboarding's employers). */
  readonly prelude?: ReadonlyArray<CommandRows>
  /** SQL run on the fresh file before anything is written (the ladder's scratch schema). */
  readonly alter?: string
  readonly skip?: ReadonlySet<RowKind>
  /** Count the WAL frames (pages) the commits write: checkpoints off for the run, so time it not. */
  readonly countFrames?: boolean
}

/** One run: wall and CPU (user + system) milliseconds of the timed writes, the commits and the events stored. */
export interface SchemaFloorRun {
  readonly ms: number
  readonly cpuMs: number
  readonly commits: number
  readonly events: number
  /** WAL frames written a commit, when counted. */
  readonly framesPerCommit?: number
}

const marks = (columns: string): string => columns.split(', ').map(() => '?').join(', ')

/** A fresh file of our schema open for the schema floor's writes. */
export interface SchemaFloorFile {
  /** Writes one transaction's commands in one `BEGIN IMMEDIATE` … `COMMIT`. */
  readonly write: (commands: ReadonlyArray<CommandRows>) => void
  readonly events: () => number
  /** Frames in the WAL now (meaningful with checkpoints off). */
  readonly walFrames: () => number
  readonly close: () => Promise<void>
}

/** Creates the file at `path` with the store's own code, then prepares the raw statements. */
export const openSchemaFloor = (path: string, o: SchemaFloorOptions): SchemaFloorFile => {
  const store = createSqliteEventStore({ path, durability: o.durability })
  // its pragmas (secure_delete) and migrations on the store's connection, as the ledger's files have them
  createSqliteKeyStore(store.database)
  const db = store.database
  if (o.alter !== undefined) db.exec(o.alter)
  if (o.countFrames === true) db.pragma('wal_autocheckpoint = 0')
  const sql = {
    head: db.prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, hash = excluded.hash'),
    event: db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${marks(EVENT_COLUMNS)})`),
    payload: db.prepare('INSERT INTO outbox_payloads (id, payload) VALUES (?, ?)'),
    outbox: db.prepare(`INSERT INTO outbox (${OUTBOX_COLUMNS}) VALUES (${marks(OUTBOX_COLUMNS)})`),
    key: db.prepare('INSERT INTO keys (subject_id, key) VALUES (?, ?)'),
    forget: db.prepare('DELETE FROM keys WHERE subject_id = ?'),
    mark: db.prepare('INSERT INTO pending_erasures (subject_id, forgotten_at) VALUES (?, ?)'),
    done: db.prepare('DELETE FROM pending_erasures WHERE subject_id = ?'),
  }
  const skip = o.skip ?? new Set<RowKind>()
  const write = db.transaction((commands: ReadonlyArray<CommandRows>) => {
    for (const c of commands) {
      if (!skip.has('keys')) for (const [subject, key] of c.keys) sql.key.run(subject, key)
      for (const a of c.appends) {
        if (!skip.has('heads')) sql.head.run(a.head)
        for (const e of a.events) sql.event.run(e)
        if (!skip.has('outbox'))
          for (const w of a.outbox) {
            if ('outbox' in w) sql.outbox.run(w.outbox)
            else sql.payload.run(w.payload)
          }
      }
      for (const talent of c.forgets) {
        sql.forget.run(talent)
        sql.mark.run(talent, '2026-12-07T00:00:00.000Z')
        sql.done.run(talent)
      }
    }
  })
  if (o.prelude !== undefined && o.prelude.length > 0) write.immediate(o.prelude)
  const pageSize = db.pragma('page_size', { simple: true }) as number
  return {
    write: (commands) => void write.immediate(commands),
    events: () => db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number,
    // a WAL file is a 32-byte header, then frames of a 24-byte header and one page
    walFrames: () => (existsSync(`${path}-wal`) ? Math.round((statSync(`${path}-wal`).size - 32) / (pageSize + 24)) : 0),
    close: () => store.close(),
  }
}

/** Writes every transaction of `transactions` (each a list of commands) on a fresh file of our schema. */
export const runSchemaFloor = async (transactions: ReadonlyArray<ReadonlyArray<CommandRows>>, o: SchemaFloorOptions): Promise<SchemaFloorRun> => {
  const { dir, remove } = freshDir()
  const file = openSchemaFloor(join(dir, 'schema-floor.sqlite'), o)
  try {
    const before = file.walFrames()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    for (const t of transactions) file.write(t)
    const ms = performance.now() - t0
    const c = process.cpuUsage(c0)
    const frames = o.countFrames === true ? { framesPerCommit: (file.walFrames() - before) / transactions.length } : {}
    return { ms, cpuMs: (c.user + c.system) / 1000, commits: transactions.length, events: file.events(), ...frames }
  } finally {
    await file.close()
    remove()
  }
}
