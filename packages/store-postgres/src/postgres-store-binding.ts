/**
 * `postgres://…` for a host's store URL (the CLI's `--store`, `--read-store`), one server or a hosts
 * list with libpq's meaning (`postgres://h1:p1,h2:p2/db?target_session_attrs=read-write`: the
 * store keeps the server that takes writes and follows it through a failover; `any`, the default,
 * suits a read store). The schema comes from the URL's own
 * `schema` query parameter (default `talent_ledger`), which is taken off before the URL reaches the
 * driver. A caller that only reads refuses a schema that holds no ledger, rather than creating an
 * empty one there (and, on a read replica, it could not). A light module, exported alone as
 * `@talent-ledger/store-postgres/binding`: pg and the store load when a URL is opened.
 */
import type pg from 'pg'
import { StoreBindingError, storeUrlInvalid, storeUrlParsed, type StoreBinding } from '@talent-ledger/core/store-kit'
import { PostgresStoreError } from './errors.js'
import { DEFAULT_SCHEMA } from './schema-name.js'
import { describeTargets, parseConnectionUrl } from './connection-url.js'

/** A parsed `postgres://` store URL: the driver's connection string and our schema. */
export interface PostgresStoreUrl {
  readonly kind: 'postgres'
  /** The URL without `schema`: one host, or a hosts list with libpq's meaning (`h1:p1,h2:p2`, `target_session_attrs`). */
  readonly connectionString: string
  readonly schema: string | undefined
  /** `user@host:port/database` (or the hosts list) for messages, never the password. */
  readonly server: string
}

/** Splits `postgres://…?schema=NAME` into the connection URL and the schema name, or says what is wrong. */
const parsePostgresUrl = (url: string): PostgresStoreUrl | string => {
  const hashAt = url.indexOf('#')
  const body = hashAt < 0 ? url : url.slice(0, hashAt)
  const queryAt = body.indexOf('?')
  const query = new URLSearchParams(queryAt < 0 ? '' : body.slice(queryAt + 1))
  const schema = query.get('schema') ?? undefined
  query.delete('schema')
  const rest = query.toString()
  const connectionString = `${queryAt < 0 ? body : body.slice(0, queryAt)}${rest === '' ? '' : `?${rest}`}`
  const parsed = parseConnectionUrl(connectionString)
  if (!parsed.ok) return parsed.problem
  const user = parsed.targets.user === undefined ? '' : `${encodeURIComponent(parsed.targets.user)}@`
  return { kind: 'postgres', connectionString, schema, server: `${user}${describeTargets(parsed.targets)}` }
}

/** The URL for messages: its servers and schema. */
const shown = (url: PostgresStoreUrl): string => `postgres://${url.server}${url.schema === undefined ? '' : ` (schema ${url.schema})`}`

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
    // the URL itself is never echoed: it may hold a password
    return typeof parsed === 'string' ? storeUrlInvalid(`store URL postgres://… is not usable: ${parsed}`) : storeUrlParsed(parsed)
  },
  open: async (url, options) => {
    const [{ createStorePool }, { createPostgresEventStore }, { createPostgresKeyStore }] = await Promise.all([
      import('./failover-pool.js'),
      import('./postgres-event-store.js'),
      import('./postgres-key-store.js'),
    ])
    const schema = url.schema ?? DEFAULT_SCHEMA
    const pool = createStorePool(url.connectionString, { max: 4 })
    pool.on('error', () => undefined)
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
