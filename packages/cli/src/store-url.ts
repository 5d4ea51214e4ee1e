/**
 * `--store URL`: which event store and key store a command runs on. The only place that picks the
 * concrete adapters; the rest of the CLI sees the EventStore and KeyStore ports. SQLite and
 * PostgreSQL are loaded on demand, so `memory:` needs no native driver.
 *   sqlite:PATH (default sqlite:./talent-ledger.db) | memory: | postgres://…[?schema=NAME]
 */
import { existsSync } from 'node:fs'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { openPostgres, parsePostgresUrl, type PostgresUrl } from './open-postgres.js'
import type { OpenedStore } from './opened-store.js'
import { UsageError } from './usage-error.js'

/** The store URL used when `--store` is not given. */
export const DEFAULT_STORE_URL = 'sqlite:./talent-ledger.db'

/** A parsed store URL. */
export type StoreUrl = { readonly kind: 'memory' } | { readonly kind: 'sqlite'; readonly path: string } | PostgresUrl

/** Parses `--store`; throws `UsageError` (exit 2) for anything this release cannot open. */
export const parseStoreUrl = (url: string): StoreUrl => {
  if (url === 'memory:') return { kind: 'memory' }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length)
    if (path === '') throw new UsageError(`store URL ${url} names no file (write sqlite:PATH)`)
    return { kind: 'sqlite', path }
  }
  if (/^postgres(ql)?:\/\//.test(url)) return parsePostgresUrl(url)
  throw new UsageError(`unknown store URL ${JSON.stringify(url)}: expected sqlite:PATH, memory: or postgres://…`)
}

/** How hard a SQLite commit waits for the disk: FULL (default) survives power loss, NORMAL a process crash. */
export type Durability = 'FULL' | 'NORMAL'

/**
 * Opens the store. `mustExist`: a command that only reads refuses a SQLite path with no file (or a
 * PostgreSQL schema with no ledger), rather than creating an empty ledger there and reporting on nothing. `durability` applies to SQLite.
 */
export const openStore = async (
  url: StoreUrl,
  options: { readonly mustExist?: boolean; readonly durability?: Durability } = {},
): Promise<OpenedStore> => {
  if (url.kind === 'memory') return { store: createMemoryEventStore(), keys: createMemoryKeyStore(), close: async () => undefined }
  if (url.kind === 'postgres') return openPostgres(url, options)
  if (options.mustExist === true && !existsSync(url.path)) throw new UsageError(`no ledger at ${url.path} (sqlite:${url.path} does not exist)`)
  let sqlite: typeof import('@talent-ledger/store-sqlite')
  try {
    sqlite = await import('@talent-ledger/store-sqlite')
  } catch (error) {
    throw new UsageError(`the SQLite store cannot be loaded (${error instanceof Error ? error.message : String(error)}); use --store memory:`, { cause: error })
  }
  try {
    const store = sqlite.createSqliteEventStore({ path: url.path, durability: options.durability ?? 'FULL' })
    const keys = sqlite.createSqliteKeyStore(store.database)
    return { store, keys, close: () => store.close() }
  } catch (error) {
    if (error instanceof sqlite.StoreOpenError) throw new UsageError(error.message, { cause: error })
    throw error
  }
}

/** A store failure that makes the `--store` argument unusable (read-only or locked file): exit 2, not a refusal. */
export const isUnusableStore = (error: unknown): error is Error =>
  error instanceof Error && ['StoreOpenError', 'StoreReadOnlyError', 'StoreBusyError'].includes(error.name)
