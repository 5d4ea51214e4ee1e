/**
 * A stream's read selects every column but `stream_id` and names its events by the id asked for
 * (rows.ts): `WHERE stream_id = ?` holds only for a row holding that very text. These tests hold
 * it to that: the read gives what the log's read gives for the stream, a row whose `stream_id` is
 * the same bytes but not text is no event of the stream (the log's read refuses it), and a corrupt
 * row is refused naming the stream and version.
 */
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

/** A store file holding `talent-1` (three events) and `talent-2` (two), with `sql` run on it, triggers dropped, behind the store's back. */
const fileWith = async (sql: string | null): Promise<string> => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  const store = createSqliteEventStore({ path })
  expect((await store.append('talent-1', storeProbes(3), 'no-stream')).ok).toBe(true)
  expect((await store.append('talent-2', storeProbes(2), 'no-stream')).ok).toBe(true)
  await store.close()
  if (sql !== null) {
    const raw = new Database(path)
    for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) raw.exec(`DROP TRIGGER "${name}"`)
    raw.exec(sql)
    raw.close()
  }
  return path
}

const opened = (path: string) => {
  const store = createSqliteEventStore({ path, readonly: true })
  cleanups.push(() => store.close())
  return store
}

it("reads a stream's events as the log's read has them", async () => {
  const store = opened(await fileWith(null))
  const log = await store.readAll()
  for (const id of ['talent-1', 'talent-2']) expect(await store.readStream(id)).toEqual(log.filter((e) => e.streamId === id))
  expect(await store.readStream('talent-1', 2)).toEqual(log.filter((e) => e.streamId === 'talent-1' && e.version >= 2))
  expect(await store.readStream('talent-3')).toEqual([])
})

it("leaves out a row whose stream_id is the stream's bytes as a BLOB, which the log's read refuses", async () => {
  const store = opened(await fileWith("UPDATE events SET stream_id = CAST('talent-1' AS BLOB) WHERE stream_id = 'talent-1' AND version = 2"))
  expect((await store.readStream('talent-1')).map((e) => [e.streamId, e.version])).toEqual([
    ['talent-1', 1],
    ['talent-1', 3],
  ])
  await expect(store.readAll()).rejects.toThrow(/corrupt event/)
})

it('refuses a corrupt row of the stream, naming the stream and version', async () => {
  const store = opened(await fileWith("UPDATE events SET hash = 'not-a-hash' WHERE stream_id = 'talent-2' AND version = 2"))
  expect(await store.readStream('talent-1')).toHaveLength(3)
  await expect(store.readStream('talent-2')).rejects.toThrow(/corrupt event in talent-2 at version 2.*hash/)
})
