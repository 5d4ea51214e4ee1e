// Crypto-shredding that is really complete, through the CLI on both stores. A reader holding an old
// snapshot (a second connection in a read transaction) keeps the forgotten key's bytes in the
// store's files: `ForgetTalent` then says `"erasure":"pending"`, the bytes are still there, and
// `erasures` completes the erasure once the reader is gone — after which the key's 32 bytes are
// found in none of the store's files (SQLite: the .db, -wal and -shm; PostgreSQL: every page of the
// keys table, read with pageinspect). With no reader the erasure is complete at once.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChild, waitFor } from '@talent-ledger/testing/node'
import { bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const ADMIN = 'postgres://postgres@127.0.0.1:5432/test'
// a database of its own: open transactions of tests running beside this one would hold the horizon
const database = `tl_cli_erasure_${Math.random().toString(36).slice(2, 10)}`
const SERVER = `postgres://postgres@127.0.0.1:5432/${database}`
const schema = 'talent_ledger'
const dir = tempDir()
const cli = (...args: string[]) => runCli(args, { cwd: dir.path })
const forget = (talentId: string) => ({ type: 'ForgetTalent', actor: bureau, data: { talentId } })
/** store-sqlite's child process that holds a read transaction open (one script for both packages' tests). */
const heldReader = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'store-sqlite', 'test', 'fixtures', 'held-reader.mjs')

const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: ADMIN })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
beforeAll(() => admin((c) => c.query(`CREATE DATABASE "${database}" TEMPLATE template0`)))
afterAll(async () => {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
  dir.remove()
})

/** Applies `commands` and returns the result lines, all of them accepted. */
const applied = (store: string, ...commands: unknown[]) => {
  const result = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...commands) })
  expect(result.code, result.stderr + result.stdout).toBe(0)
  return result.json() as Array<Record<string, unknown>>
}

describe('erasure on SQLite', () => {
  const path = join(dir.path, 'erasure.db')
  const store = `sqlite:${path}`
  /** Which of the store's files (ledger.db, -wal, -shm) hold `bytes`. */
  const filesHolding = (bytes: Buffer): string[] =>
    readdirSync(dir.path)
      .filter((f) => f.startsWith('erasure.db'))
      .filter((f) => readFileSync(join(dir.path, f)).includes(bytes))
  const keyOf = (talentId: string): Buffer => {
    const db = new Database(path, { readonly: true })
    try {
      return db.prepare('SELECT key FROM keys WHERE subject_id = ?').pluck().get(talentId) as Buffer
    } finally {
      db.close()
    }
  }

  it('reports the erasure pending while a reader holds the old snapshot, and erasures completes it', async () => {
    applied(store, registerEmployer, registerTalent('t-1'), registerTalent('t-2'))
    const key = keyOf('t-1')
    expect(key).toHaveLength(32)
    expect(filesHolding(key).length).toBeGreaterThan(0)

    // the reader is another process: this one reads the files, which would drop its POSIX locks
    const reader = startChild(heldReader, [path])
    try {
      await waitFor(() => reader.stdout().includes('holding 2'), 'the reader to hold its snapshot')
      const [result] = applied(store, forget('t-1'))
      expect(result).toMatchObject({ ok: true, stream: 'talent-t-1', erasure: 'pending' })
      expect(Object.keys(result!).slice(-2), 'erasure comes last before line').toEqual(['erasure', 'line'])
      expect(filesHolding(key).length, 'the key is still in a file while the erasure is pending').toBeGreaterThan(0)

      const listed = cli('--store', store, 'erasures', '--list')
      expect(listed.code).toBe(1)
      expect(listed.json()[0]).toMatchObject({ ok: false, completed: [], pending: [{ subjectId: 't-1' }] })
      const blocked = cli('--store', store, 'erasures')
      expect(blocked.code).toBe(1)
      expect(blocked.json()[0]).toMatchObject({ ok: false, completed: [], pending: [{ subjectId: 't-1' }] })
      expect(filesHolding(key).length).toBeGreaterThan(0)
    } finally {
      reader.proc.kill('SIGTERM')
      await reader.ended
    }
    expect(reader.stdout()).toContain('released')

    const done = cli('--store', store, 'erasures')
    expect(done.code, done.stderr).toBe(0)
    expect(done.json()).toEqual([{ ok: true, completed: ['t-1'], pending: [] }])
    expect(filesHolding(key)).toEqual([])
    const after = cli('--store', store, 'erasures', '--list')
    expect([after.code, after.json()]).toEqual([0, [{ ok: true, completed: [], pending: [] }]])
  })

  it('completes the erasure at once when no reader holds the file', () => {
    const key = keyOf('t-2')
    expect(filesHolding(key).length).toBeGreaterThan(0)
    const [result] = applied(store, forget('t-2'))
    expect(result).toMatchObject({ ok: true, stream: 'talent-t-2' })
    expect(result).not.toHaveProperty('erasure')
    expect(filesHolding(key)).toEqual([])
  })
})

describe('erasure on PostgreSQL', () => {
  const store = `${SERVER}?schema=${schema}`
  /** Whether any page of the schema's keys table holds `bytes` (dead rows and free space included). */
  const tableHolds = async (client: pg.Client, bytes: Buffer): Promise<boolean> => {
    const { rows } = await client.query<{ found: boolean }>(
      `SELECT COALESCE(bool_or(position($1::bytea IN get_raw_page($2::text, n::int)) > 0), false) AS found
       FROM generate_series(0, pg_relation_size($2::regclass) / current_setting('block_size')::int - 1) AS n`,
      [bytes, `"${schema}".keys`],
    )
    return rows[0]!.found
  }

  it('reports the erasure pending while a reader holds an old snapshot, erasures completes it, and with no reader it is complete at once', async () => {
    applied(store, registerEmployer, registerTalent('t-1'), registerTalent('t-2'))
    const client = new pg.Client({ connectionString: SERVER })
    const reader = new pg.Client({ connectionString: SERVER })
    await client.connect()
    await reader.connect()
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect')
      const keyOf = async (talentId: string): Promise<Buffer> =>
        (await client.query<{ key: Buffer }>(`SELECT key FROM "${schema}".keys WHERE subject_id = $1`, [talentId])).rows[0]!.key
      const key1 = await keyOf('t-1')
      const key2 = await keyOf('t-2')
      expect(await tableHolds(client, key1)).toBe(true)

      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
      expect((await reader.query(`SELECT COUNT(*)::int AS n FROM "${schema}".keys`)).rows[0]).toEqual({ n: 2 })
      const [result] = applied(store, forget('t-1'))
      expect(result).toMatchObject({ ok: true, stream: 'talent-t-1', erasure: 'pending' })
      expect(await tableHolds(client, key1), 'the dead row is kept for the reader').toBe(true)
      const blocked = cli('--store', store, 'erasures')
      expect(blocked.code).toBe(1)
      expect(blocked.json()[0]).toMatchObject({ ok: false, completed: [], pending: [{ subjectId: 't-1' }] })
      await reader.query('COMMIT')

      const done = cli('--store', store, 'erasures')
      expect(done.code, done.stderr).toBe(0)
      expect(done.json()).toEqual([{ ok: true, completed: ['t-1'], pending: [] }])
      expect(await tableHolds(client, key1)).toBe(false)

      const [second] = applied(store, forget('t-2'))
      expect(second).toMatchObject({ ok: true, stream: 'talent-t-2' })
      expect(second).not.toHaveProperty('erasure')
      expect(await tableHolds(client, key2)).toBe(false)
    } finally {
      await reader.end()
      await client.end()
    }
  })
})
