/**
 * `sqlite:PATH` for a host's store URL (the CLI's `--store`, whose default is
 * `sqlite:./talent-ledger.db`). A light module, exported alone as `@talent-ledger/store-sqlite/binding`:
 * the store and its native driver are loaded only when a SQLite URL is opened, so a host that offers
 * SQLite still runs `memory:` on a machine where better-sqlite3 cannot be loaded.
 */
import { existsSync } from 'node:fs'
import { StoreBindingError, storeUrlInvalid, storeUrlParsed, type StoreBinding } from '@talent-ledger/core/store-kit'
import { StoreOpenError } from './errors.js'

/** A parsed `sqlite:PATH` URL. */
export interface SqliteStoreUrl {
  readonly kind: 'sqlite'
  readonly path: string
}

const PREFIX = 'sqlite:'

/** The store and key store modules, which load better-sqlite3. */
const loadStore = async () => {
  const [eventStore, keyStore] = await Promise.all([import('./sqlite-event-store.js'), import('./sqlite-key-store.js')])
  return { createSqliteEventStore: eventStore.createSqliteEventStore, createSqliteKeyStore: keyStore.createSqliteKeyStore }
}

/**
 * The SQLite store, by `sqlite:PATH`. A caller that only reads (`mustExist`) is refused a path with
 * no file rather than given a new empty ledger there. A file that is not a store, a driver that
 * cannot be loaded: `StoreBindingError`. Read-only and locked files fail later, on write.
 */
export const sqliteStoreBinding: StoreBinding<SqliteStoreUrl> = {
  scheme: `${PREFIX}PATH`,
  parse: (url) => {
    if (!url.startsWith(PREFIX)) return null
    const path = url.slice(PREFIX.length)
    if (path === '') return storeUrlInvalid(`store URL ${url} names no file (write sqlite:PATH)`)
    return storeUrlParsed({ kind: 'sqlite', path })
  },
  open: async (url, options) => {
    if (options.mustExist === true && !existsSync(url.path)) throw new StoreBindingError(`no ledger at ${url.path} (sqlite:${url.path} does not exist)`)
    let sqlite: Awaited<ReturnType<typeof loadStore>>
    try {
      sqlite = await loadStore()
    } catch (error) {
      throw new StoreBindingError(`the SQLite store cannot be loaded (${error instanceof Error ? error.message : String(error)}); use --store memory:`, { cause: error })
    }
    try {
      const store = sqlite.createSqliteEventStore({ path: url.path, durability: options.durability ?? 'FULL' })
      const keys = sqlite.createSqliteKeyStore(store.database)
      return { store, keys, inOneCommit: store.inOneCommit, close: () => store.close() }
    } catch (error) {
      if (error instanceof StoreOpenError) throw new StoreBindingError(error.message, { cause: error })
      throw error
    }
  },
  unusableErrorNames: ['StoreOpenError', 'StoreReadOnlyError', 'StoreBusyError'],
}
