/**
 * Getting a pool and a usable schema: the caller's pool or one made from the connection string,
 * checked by running the migrations on it. A server that cannot be reached is reported as
 * `PostgresUnreachableError` naming host, port and database (from the options, or from the socket
 * error), never the password.
 */
import pg from 'pg'
import { PostgresStoreError, PostgresUnreachableError, describeConnectFailure, isConnectFailure } from './errors.js'
import { hostsOf } from './failover-pool.js'
import { migrate } from './migrations.js'
import type { Schema } from './schema-name.js'

/** Where `pool` connects: `host:port/database`. */
export const serverOf = (pool: pg.Pool): string => {
  const hosts = hostsOf(pool)
  if (hosts !== undefined) return hosts
  const o = pool.options
  let host = o.host
  let port = o.port === undefined ? undefined : String(o.port)
  let database = o.database
  if (o.connectionString !== undefined) {
    try {
      const url = new URL(o.connectionString)
      host ??= decodeURIComponent(url.hostname) || undefined
      port ??= url.port || undefined
      database ??= decodeURIComponent(url.pathname.slice(1)) || undefined
    } catch {
      // not a URL (a libpq key=value string): fall back to the defaults below
    }
  }
  return `${host ?? process.env['PGHOST'] ?? 'localhost'}:${port ?? process.env['PGPORT'] ?? '5432'}/${database ?? process.env['PGDATABASE'] ?? o.user ?? process.env['PGUSER'] ?? 'postgres'}`
}

/** Runs the migrations on `pool`, translating a connection failure into `PostgresUnreachableError`. */
export const prepareSchema = async (pool: pg.Pool, schema: Schema): Promise<void> => {
  try {
    await migrate(pool, schema)
  } catch (error) {
    if (error instanceof PostgresStoreError) throw error
    if (isConnectFailure(error)) throw new PostgresUnreachableError(serverOf(pool), describeConnectFailure(error), { cause: error })
    throw error
  }
}
