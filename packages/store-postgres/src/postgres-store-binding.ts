/**
 * `postgres://…` for a host's store URL (the CLI's `--store`). The schema comes from the URL's own
 * `schema` query parameter (default `talent_ledger`), which is taken off before the URL reaches the
 * driver. A caller that only reads refuses a schema that holds no ledger, rather than creating an
 * empty one there (and, on a read replica, it could not). A light module, exported alone as
 * `@talent-ledger/store-postgres/binding`: pg and the store load when a URL is opened.
 */
import type pg from 'pg'
import { StoreBindingError, storeUrlInvalid, storeUrlParsed, type StoreBinding } from '@talent-ledger/core/store-kit'
import { PostgresStoreError } from './errors.js'
import { DEFAULT_SCHEMA } from './schema-name.js'

/** A parsed `postgres://` store URL: the driver's connection string and our schema. */
export interface PostgresStoreUrl {
  readonly kind: 'postgres'
  readonly connectionString: string
  readonly schema: string | undefined
}

/** Splits `postgres://…?schema=NAME` into the driver's URL and the schema name. */
const parsePostgresUrl = (url: string): PostgresStoreUrl | undefined => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const schema = parsed.searchParams.get('schema') ?? undefined
  parsed.searchParams.delete('schema')
  return { kind: 'postgres', connectionString: parsed.toString(), schema }
}

/** The URL with any password hidden, for messages. */
const shown = (url: PostgresStoreUrl): string => {
  const u = new URL(url.connectionString)
  if (u.password !== '') u.password = '***'
  return `${u.toString()}${url.schema === undefined ? '' : ` (schema ${url.schema})`}`
}

/** Whether `schema` already holds a ledger (its events table exists). */
const holdsLedger = async (pool: pg.Pool, schema: string): Promise<boolean> => {
  const { rows } = await pool.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`"${schema}".events`])
  return rows[0]?.t != null
}

/** The PostgreSQL store, by `postgres://` or `postgresql://`. Store and server errors reject with `StoreBindingError`. */
export const postgresStoreBinding: StoreBinding<PostgresStoreUrl> = {
  scheme: 'postgres://…',
  parse: (url) => {
    if (!/^postgres(ql)?:\/\//.test(url)) return null
    const parsed = parsePostgresUrl(url)
    return parsed === undefined ? storeUrlInvalid(`store URL ${JSON.stringify(url)} is not a valid postgres:// URL`) : storeUrlParsed(parsed)
  },
  open: async (url, options) => {
    const [{ default: driver }, { createPostgresEventStore }, { createPostgresKeyStore }] = await Promise.all([
      import('pg'),
      import('./postgres-event-store.js'),
      import('./postgres-key-store.js'),
    ])
    const schema = url.schema ?? DEFAULT_SCHEMA
    const pool = new driver.Pool({ connectionString: url.connectionString, max: 4 })
    try {
      if (options.mustExist === true && !(await holdsLedger(pool, schema))) throw new StoreBindingError(`no ledger at ${shown(url)}: schema ${schema} holds no events table`)
      const store = await createPostgresEventStore({ pool, schema })
      const keys = createPostgresKeyStore(store)
      return {
        store,
        keys,
        close: async () => {
          await store.close()
          await pool.end()
        },
      }
    } catch (error) {
      await pool.end().catch(() => undefined)
      if (error instanceof StoreBindingError) throw error
      if (error instanceof PostgresStoreError) throw new StoreBindingError(error.message, { cause: error })
      if (error instanceof Error && 'code' in error) throw new StoreBindingError(`cannot use ${shown(url)}: ${error.message}`, { cause: error })
      throw error
    }
  },
}
