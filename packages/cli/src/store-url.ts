/**
 * `--store URL`: which event store and key store a command runs on. The registry of the stores the
 * CLI offers, one line each, and the only place that names them; the rest of the CLI sees the
 * EventStore and KeyStore ports. Each binding is its store package's light entry, which loads the
 * store (and its driver) only when opened, so `memory:` needs no native driver.
 *   sqlite:PATH (default sqlite:./talent-ledger.db) | memory: | postgres://…[?schema=NAME]
 */
import { routeStoreUrl, StoreBindingError, type OpenedStore, type StoreBinding, type StoreOpenOptions } from '@talent-ledger/core/store-kit'
import { memoryStoreBinding } from '@talent-ledger/store-memory'
import { postgresStoreBinding } from '@talent-ledger/store-postgres/binding'
import { sqliteStoreBinding } from '@talent-ledger/store-sqlite/binding'
import { UsageError } from './usage-error.js'

/** The stores `--store` can name, in the order the usage message lists them. A new store: one line here. */
export const STORE_BINDINGS: ReadonlyArray<StoreBinding<unknown>> = [
  sqliteStoreBinding,
  memoryStoreBinding,
  postgresStoreBinding,
]

// the store URL used when `--store` is not given, with the other defaults --help names
export { DEFAULT_STORE_URL } from './verb-defaults.js'

/** A parsed store URL: the binding that took it, ready to open. */
export interface StoreUrl {
  readonly scheme: string
  readonly open: (options: StoreOpenOptions) => Promise<OpenedStore>
}

/** `a`, `a or b`, `a, b or c`: the schemes as the usage message lists them. */
const listed = (schemes: ReadonlyArray<string>): string =>
  schemes.length <= 1 ? (schemes[0] ?? 'nothing') : `${schemes.slice(0, -1).join(', ')} or ${schemes[schemes.length - 1]}`

/** Parses `--store`; throws `UsageError` (exit 2) for anything this release cannot open. */
export const parseStoreUrl = (url: string, bindings: ReadonlyArray<StoreBinding<unknown>> = STORE_BINDINGS): StoreUrl => {
  const route = routeStoreUrl(bindings, url)
  if (route.kind === 'invalid') throw new UsageError(route.problem)
  if (route.kind === 'unknown') throw new UsageError(`unknown store URL ${JSON.stringify(url)}: expected ${listed(route.schemes)}`)
  return route
}

/**
 * Opens the store. `mustExist`: a command that only reads refuses a SQLite path with no file (or a
 * PostgreSQL schema with no ledger), rather than creating an empty ledger there and reporting on
 * nothing. `durability` applies to SQLite. A store's refusal becomes a `UsageError` (exit 2).
 */
export const openStore = async (url: StoreUrl, options: StoreOpenOptions = {}): Promise<OpenedStore> => {
  try {
    return await url.open(options)
  } catch (error) {
    if (error instanceof StoreBindingError) throw new UsageError(error.message, { cause: error })
    throw error
  }
}

/** A store failure that makes the `--store` argument unusable (read-only or locked file): exit 2, not a refusal. */
export const isUnusableStore = (error: unknown, bindings: ReadonlyArray<StoreBinding<unknown>> = STORE_BINDINGS): error is Error =>
  error instanceof Error && bindings.some((binding) => binding.unusableErrorNames?.includes(error.name) === true)
