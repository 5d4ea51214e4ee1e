/**
 * The KeyStore port in the store file: one random 32-byte key per talent for crypto-shredding.
 * Forgetting a key must leave its bytes nowhere on disk, or the "erased" person could be read back
 * from the file by anyone holding a copy. SQLite normally only unlinks a deleted row's cell, leaving
 * the bytes in the page or on the freelist; `secure_delete` makes it overwrite them with zeros, and
 * a WAL checkpoint with TRUNCATE after the delete moves the zeroed page into the main file and
 * drops the WAL frames that still held the key.
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import type { KeyStore } from '@talent-ledger/core'
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase } from './open-database.js'
import { migrate } from './migrations.js'
import { translatingWriteErrors } from './errors.js'

/** A key store that can also close the connection it opened itself. */
export interface SqliteKeyStore extends KeyStore {
  /** Closes the connection if this key store opened it (from a path); a shared connection stays open. */
  readonly close: () => void
}

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
  }
  const find = (subjectId: string): Uint8Array | undefined => {
    const key = sql.find.get(subjectId) as Buffer | undefined
    return key === undefined ? undefined : new Uint8Array(key)
  }
  return {
    keyFor: async (subjectId) => {
      // insert-if-absent then read: two processes asking at once end up with the same key
      write(() => sql.create.run(subjectId, randomBytes(32)))
      return find(subjectId)!
    },
    find: async (subjectId) => find(subjectId),
    forget: async (subjectId) => {
      write(() => sql.forget.run(subjectId))
      if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)')
    },
    close: () => {
      if (owned && db.open) db.close()
    },
  }
}
