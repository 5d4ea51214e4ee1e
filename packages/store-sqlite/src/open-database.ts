/**
 * Opening a store file: refuse what is not ours before touching it, then set WAL and the chosen
 * durability and bring the schema up to date. Every failure here is a `StoreOpenError` naming the
 * file, so the CLI can say in one line why a path cannot be used.
 */
import { accessSync, constants, existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { StoreOpenError, sqliteCode } from './errors.js'
import { APPLICATION_ID, migrate } from './migrations.js'

/** How hard a commit waits for the disk (see README "Durability"). */
export type Durability = 'FULL' | 'NORMAL'

/** Options for opening a store file. */
export interface OpenOptions {
  readonly path: string
  /** `FULL` (default): a commit survives power loss once append returns. `NORMAL`: faster; survives a process crash, not always power loss. */
  readonly durability?: Durability
  /** How long a write waits for another process's lock before failing with `StoreBusyError` (default 5000). */
  readonly busyTimeoutMs?: number
  /** Open without writing (also chosen when the file is not writable). */
  readonly readonly?: boolean
}

/** The default busy timeout, in milliseconds. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000

const isWritable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Refuses a file that SQLite cannot read or that belongs to another application. */
const checkOwnership = (db: Database.Database, path: string): void => {
  const applicationId = db.pragma('application_id', { simple: true }) as number
  if (applicationId === APPLICATION_ID) return
  if (applicationId !== 0) throw new StoreOpenError(path, `it belongs to another application (application_id ${applicationId})`)
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  )
  if (tables.length > 0)
    throw new StoreOpenError(path, `it is a SQLite database of another application (tables ${tables.join(', ')}; no talent-ledger schema marker)`)
}

/** Opens (creating if absent) and prepares a store file; throws `StoreOpenError` when it cannot be used. */
export const openDatabase = (options: OpenOptions): Database.Database => {
  const { path } = options
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const readonly = options.readonly === true || (existsSync(path) && !isWritable(path))
  let db: Database.Database
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs })
  } catch (error) {
    throw new StoreOpenError(path, error instanceof Error ? error.message : String(error), { cause: error })
  }
  try {
    checkOwnership(db, path)
    if (!readonly) db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${options.durability ?? 'FULL'}`)
    migrate(db, path)
    return db
  } catch (error) {
    db.close()
    if (error instanceof StoreOpenError) throw error
    const code = sqliteCode(error)
    const problem =
      code === 'SQLITE_NOTADB'
        ? 'it is not a SQLite database'
        : code === 'SQLITE_CORRUPT'
          ? 'the SQLite file is damaged'
          : code?.startsWith('SQLITE_BUSY') === true
            ? `it stayed locked by another connection for more than ${busyTimeoutMs} ms`
            : error instanceof Error
              ? error.message
              : String(error)
    throw new StoreOpenError(path, problem, { cause: error })
  }
}
