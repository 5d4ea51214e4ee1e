/**
 * The KeyStore port in the store file: one random 32-byte key per talent for crypto-shredding.
 * Forgetting a key must leave its bytes nowhere on disk, or the "erased" person could be read back
 * from the file by anyone holding a copy. SQLite normally only unlinks a deleted row's cell, leaving
 * the bytes in the page or on the freelist; `secure_delete` makes it overwrite them with zeros, and
 * a WAL checkpoint with TRUNCATE after the delete moves the zeroed page into the main file and
 * drops the WAL frames that still held the key.
 * NOTE: a reader that holds a snapshot older than the delete (another process in a read
 * transaction) keeps that checkpoint from finishing: the old page stays in the file or the WAL.
 * The checkpoint's result says so; the subject then stays in `pending_erasures` and the erasure is
 * reported pending until a later `completeErasures` (CLI `erasures`) checkpoints with no such reader.
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import type { ErasureCompletion, KeyStore, PendingErasure } from '@talent-ledger/core'
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase } from './open-database.js'
import { migrate } from './migrations.js'
import { sqliteCode, translatingWriteErrors } from './errors.js'

/** A key store that can also close the connection it opened itself. */
export interface SqliteKeyStore extends KeyStore {
  /** Closes the connection if this key store opened it (from a path); a shared connection stays open. */
  readonly close: () => void
}

/** How long an erasure's checkpoint waits for readers to move off the old snapshot before it reports pending. */
export const ERASURE_WAIT_MS = 1_000

const KEY_BYTES = 32
/** Keys' worth of random bytes drawn at once. */
const KEYS_AHEAD = 256

/**
 * Creates a key store on an open store connection (`store.database`, keys in the same file) or on
 * the store file at `path`.
 */
export const createSqliteKeyStore = (dbOrPath: Database.Database | string): SqliteKeyStore => {
  const owned = typeof dbOrPath === 'string'
  const db = owned ? openDatabase({ path: dbOrPath }) : dbOrPath
  if (!owned) migrate(db, db.name)
  db.pragma('secure_delete = ON')
  const write = <T>(f: () => T): T => translatingWriteErrors(db.name, DEFAULT_BUSY_TIMEOUT_MS, f)
  const sql = {
    create: db.prepare('INSERT INTO keys (subject_id, key) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING'),
    find: db.prepare('SELECT key FROM keys WHERE subject_id = ?').pluck(),
    forget: db.prepare('DELETE FROM keys WHERE subject_id = ?'),
    markPending: db.prepare('INSERT INTO pending_erasures (subject_id, forgotten_at) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING'),
    pending: db.prepare('SELECT subject_id AS subjectId, forgotten_at AS forgottenAt FROM pending_erasures ORDER BY forgotten_at, subject_id'),
    done: db.prepare('DELETE FROM pending_erasures WHERE subject_id = ?'),
  }
  const find = (subjectId: string): Uint8Array | undefined => {
    const key = sql.find.get(subjectId) as Buffer | undefined
    return key === undefined ? undefined : new Uint8Array(key)
  }
  // the delete and its pending mark commit together: a crash before the checkpoint leaves the mark
  const forgetAndMark = db.transaction((subjectId: string) => {
    sql.forget.run(subjectId)
    sql.markPending.run(subjectId, new Date().toISOString())
  })
  const markDone = db.transaction((ids: ReadonlyArray<string>) => {
    for (const id of ids) sql.done.run(id)
  })

  /** A TRUNCATE checkpoint, waiting at most `ERASURE_WAIT_MS`: true when it finished (no reader held the old pages). */
  const checkpointed = (): boolean => {
    if (db.readonly) return false
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number
    db.pragma(`busy_timeout = ${Math.min(busyTimeout, ERASURE_WAIT_MS)}`)
    try {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
      return result !== undefined && result.busy === 0
    } catch (error) {
      if (sqliteCode(error)?.startsWith('SQLITE_BUSY') === true || sqliteCode(error)?.startsWith('SQLITE_LOCKED') === true) return false
      throw error
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`)
    }
  }

  // WHY: on the event store's own connection (keys in the events' file, WAL, FULL) a new key needs no
  // sync of its own: nothing refers to it until the events carrying its ciphertext commit, and their
  // commit syncs the WAL the key's frames were written to before them; a crash before that loses only
  // a key nothing uses. Saves one sync per registration (group commit stores a batch in one).
  const level = db.pragma('synchronous', { simple: true }) as number
  const deferSync = !owned && !db.readonly && level >= 2 && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal'
  // prepared once: `db.pragma` prepares its statement on every call
  const syncNormal = deferSync ? db.prepare('PRAGMA synchronous = NORMAL') : undefined
  const syncBack = deferSync ? db.prepare(`PRAGMA synchronous = ${level}`) : undefined
  // WHY a pool: one `randomBytes` call per key cost about as much as the key's insert (a bulk
  // onboarding makes one per new talent); 32-byte slices of a larger draw of the same CSPRNG are
  // keys exactly as random. Each slice is copied out and zeroed in the pool, so no key lingers there.
  let pool = Buffer.alloc(0)
  let taken = 0
  const freshKey = (): Uint8Array => {
    if (taken === pool.length) {
      pool = randomBytes(KEY_BYTES * KEYS_AHEAD)
      taken = 0
    }
    const key = new Uint8Array(KEY_BYTES)
    key.set(pool.subarray(taken, taken + KEY_BYTES))
    pool.fill(0, taken, taken + KEY_BYTES)
    taken += KEY_BYTES
    return key
  }
  /** Inserts a fresh key unless the subject has one: the key when this call stored it, else undefined. */
  const insert = (subjectId: string): Uint8Array | undefined => {
    const key = freshKey()
    const { changes } = write(() => sql.create.run(subjectId, Buffer.from(key.buffer, key.byteOffset, key.byteLength)))
    return changes === 1 ? key : undefined
  }
  const create = (subjectId: string): Uint8Array | undefined => {
    // inside a transaction of the connection (the store's `inOneCommit`) the key commits with the
    // events after it; the safety level cannot change there, nor need it
    if (syncNormal === undefined || syncBack === undefined || db.inTransaction) return insert(subjectId)
    syncNormal.run()
    try {
      return insert(subjectId)
    } finally {
      syncBack.run()
    }
  }

  const pendingErasures = (): PendingErasure[] => sql.pending.all() as PendingErasure[]

  const completeErasures = (): ErasureCompletion => {
    // read before the checkpoint: a mark added after it (another process) is not covered by it
    const pending = pendingErasures()
    if (pending.length === 0) return { completed: [], pending: [] }
    if (!checkpointed()) return { completed: [], pending }
    const completed = pending.map((p) => p.subjectId)
    write(() => markDone(completed))
    return { completed, pending: [] }
  }

  return {
    keyFor: async (subjectId) => {
      // insert-if-absent, then read unless this insert stored the key: two processes asking at once
      // end up with the same key (the one whose insert won)
      return create(subjectId) ?? find(subjectId)!
    },
    find: async (subjectId) => find(subjectId),
    forget: async (subjectId) => {
      write(() => forgetAndMark(subjectId))
      const { pending } = completeErasures()
      return { complete: !pending.some((p) => p.subjectId === subjectId) }
    },
    pendingErasures: async () => pendingErasures(),
    completeErasures: async () => completeErasures(),
    close: () => {
      if (owned && db.open) db.close()
    },
  }
}
