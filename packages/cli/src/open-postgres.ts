/**
 * `--store postgres://…`: the PostgreSQL store for the CLI. The schema comes from the URL's own
 * `schema` query parameter (default `talent_ledger`), which is taken off before the URL reaches the
 * driver. A command that only reads refuses a schema that holds no ledger, rather than creating an
 * empty one there (and, on a read replica, it could not).
 */
import pg from 'pg'
import type { OpenedStore } from './opened-store.js'
import { UsageError } from './usage-error.js'

/** A parsed `postgres://` store URL: the driver's connection string and our schema. */
export interface PostgresUrl {
  readonly kind: 'postgres'
  readonly connectionString: string
  readonly schema: string | undefined
}

/** Splits `postgres://…?schema=NAME` into the driver's URL and the schema name. */
export const parsePostgresUrl = (url: string): PostgresUrl => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`store URL ${JSON.stringify(url)} is not a valid postgres:// URL`)
  }
  const schema = parsed.searchParams.get('schema') ?? undefined
  parsed.searchParams.delete('schema')
  return { kind: 'postgres', connectionString: parsed.toString(), schema }
}

/** The URL with any password hidden, for messages. */
const shown = (url: PostgresUrl): string => {
  const u = new URL(url.connectionString)
  if (u.password !== '') u.password = '***'
  return `${u.toString()}${url.schema === undefined ? '' : ` (schema ${url.schema})`}`
}

/** Whether `schema` already holds a ledger (its events table exists). */
const holdsLedger = async (pool: pg.Pool, schema: string): Promise<boolean> => {
  const { rows } = await pool.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`"${schema}".events`])
  return rows[0]?.t != null
}

/** Opens the PostgreSQL store and its key store; store errors become `UsageError` (exit 2). */
export const openPostgres = async (url: PostgresUrl, options: { readonly mustExist?: boolean }): Promise<OpenedStore> => {
  const postgres = await import('@talent-ledger/store-postgres')
  const schema = url.schema ?? postgres.DEFAULT_SCHEMA
  const pool = new pg.Pool({ connectionString: url.connectionString, max: 4 })
  try {
    if (options.mustExist === true && !(await holdsLedger(pool, schema))) throw new UsageError(`no ledger at ${shown(url)}: schema ${schema} holds no events table`)
    const store = await postgres.createPostgresEventStore({ pool, schema })
    const keys = postgres.createPostgresKeyStore(store)
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
    if (error instanceof UsageError) throw error
    if (error instanceof postgres.PostgresStoreError) throw new UsageError(error.message, { cause: error })
    if (error instanceof Error && 'code' in error) throw new UsageError(`cannot use ${shown(url)}: ${error.message}`, { cause: error })
    throw error
  }
}
