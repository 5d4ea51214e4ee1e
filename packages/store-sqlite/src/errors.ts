/**
 * The errors a SQLite store throws for infrastructure trouble, each naming the file and what went
 * wrong, so a CLI can print one clear line: a file that cannot be used as a store, a read-only file,
 * a write lock held by another process beyond the busy timeout.
 */

/** The file cannot be opened as a talent-ledger store: not SQLite, damaged, foreign, or too new. */
export class StoreOpenError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`cannot open ${path} as a talent-ledger store: ${problem}`, options)
    this.name = 'StoreOpenError'
  }
}

/** A write was refused because the file (or its directory) is read-only. */
export class StoreReadOnlyError extends Error {
  constructor(
    readonly path: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`cannot write to ${path}: the store is read-only`, options)
    this.name = 'StoreReadOnlyError'
  }
}

/** Another connection held the write lock longer than the busy timeout. */
export class StoreBusyError extends Error {
  constructor(
    readonly path: string,
    readonly busyTimeoutMs: number,
    options?: { readonly cause?: unknown },
  ) {
    super(`${path} is locked: another connection held the write lock for more than ${busyTimeoutMs} ms`, options)
    this.name = 'StoreBusyError'
  }
}

/** The SQLite result code of a driver error (`SQLITE_BUSY`, …), if it is one. */
export const sqliteCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined

/** Runs a write, turning lock and read-only failures into the errors above; others pass through. */
export const translatingWriteErrors = <T>(path: string, busyTimeoutMs: number, write: () => T): T => {
  try {
    return write()
  } catch (error) {
    const code = sqliteCode(error) ?? ''
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new StoreBusyError(path, busyTimeoutMs, { cause: error })
    if (code.startsWith('SQLITE_READONLY')) throw new StoreReadOnlyError(path, { cause: error })
    throw error
  }
}
