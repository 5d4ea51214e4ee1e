/**
 * Where the PostgreSQL bench runs: the server of `TL_BENCH_PG_URL` (default the project's test
 * server, postgres@127.0.0.1:5432/test), each contender in a schema of its own that is created
 * fresh for a run and dropped after it, so nothing is left behind on a server others share.
 */
import pg from 'pg'

const commitDelayUs = process.env.TL_BENCH_PG_COMMIT_DELAY_US

/**
 * Server options of every bench connection. `TL_BENCH_PG_COMMIT_DELAY_US=N` models a server whose
 * durable commit takes N µs longer (a disk slower to flush than this machine's, as network storage
 * is): `commit_delay = N` with `commit_siblings = 0` makes each WAL flush at commit wait N µs first,
 * and every commit that arrives meanwhile is flushed with it (group commit). It costs no CPU on
 * either side, so it shows what writers waiting on commits, not on CPU, gain from running
 * concurrently. It needs a superuser (the test server's postgres). Unset: the server's settings.
 */
const serverOptions = (): string[] => {
  if (commitDelayUs === undefined || commitDelayUs === '') return []
  const us = Number(commitDelayUs)
  if (!Number.isInteger(us) || us < 0 || us > 100_000) throw new RangeError(`TL_BENCH_PG_COMMIT_DELAY_US must be 0…100000 µs, not ${commitDelayUs}`)
  return [`-c commit_delay=${us}`, '-c commit_siblings=0']
}

/** `url` with `extra` server options added to its own. */
const withOptions = (url: string, extra: ReadonlyArray<string>): string => {
  if (extra.length === 0) return url
  const u = new URL(url)
  u.searchParams.set('options', [u.searchParams.get('options') ?? '', ...extra].filter((o) => o !== '').join(' '))
  return u.toString()
}

/** The server's connection string (with the modelled commit delay, if any). */
export const connectionString = withOptions(process.env.TL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', serverOptions())

let made = 0
/** A new schema name for `tag` (lower-case letters and digits), unique to this process. */
export const schemaName = (tag: string): string => `tlbench_${tag}_${process.pid}_${++made}`

/** `connectionString` with `search_path` set to `schema` (for stores that use unqualified table names). */
export const withSearchPath = (url: string, schema: string): string => withOptions(url, [`-c search_path=${schema}`])

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
    return `PostgreSQL ${await show('SHOW server_version')}, synchronous_commit = ${await show('SHOW synchronous_commit')}, fsync = ${await show('SHOW fsync')}, wal_sync_method = ${await show('SHOW wal_sync_method')}, shared_buffers = ${await show('SHOW shared_buffers')}, commit_delay = ${await show('SHOW commit_delay')} µs (commit_siblings = ${await show('SHOW commit_siblings')})`
  } finally {
    await client.end()
  }
}

let checkpointRefused = false
/**
 * Flushes the server's dirty pages (untimed, before a timed phase), so one contender's writes are
 * not flushed during the next one's appends. Needs superuser or pg_checkpoint; without, it says so
 * once and the run goes on.
 */
export const checkpoint = async (): Promise<void> => {
  if (checkpointRefused) return
  try {
    await runSql('CHECKPOINT')
  } catch (error) {
    checkpointRefused = true
    console.log(`CHECKPOINT refused, phases run without it: ${error instanceof Error ? error.message : String(error)}`)
  }
}
