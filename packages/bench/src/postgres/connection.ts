/**
 * Where the PostgreSQL bench runs: the server of `TL_BENCH_PG_URL` (default the project's test
 * server, postgres@127.0.0.1:5432/test), each contender in a schema of its own that is created
 * fresh for a run and dropped after it, so nothing is left behind on a server others share.
 */
import pg from 'pg'

/** The server's connection string. */
export const connectionString = process.env.TL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let made = 0
/** A new schema name for `tag` (lower-case letters and digits), unique to this process. */
export const schemaName = (tag: string): string => `tlbench_${tag}_${process.pid}_${++made}`

/** `connectionString` with `search_path` set to `schema` (for stores that use unqualified table names). */
export const withSearchPath = (url: string, schema: string): string => {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

/** Runs `sql` on a connection of its own. */
export const runSql = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Drops `schema` and everything in it. */
export const dropSchema = (schema: string): Promise<void> => runSql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)

/** One line on the server: version, durability settings. */
export const describeServer = async (): Promise<string> => {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const show = async (q: string): Promise<string> => String(Object.values((await client.query(q)).rows[0] as object)[0])
    return `PostgreSQL ${await show('SHOW server_version')}, synchronous_commit = ${await show('SHOW synchronous_commit')}, fsync = ${await show('SHOW fsync')}, wal_sync_method = ${await show('SHOW wal_sync_method')}, shared_buffers = ${await show('SHOW shared_buffers')}`
  } finally {
    await client.end()
  }
}
