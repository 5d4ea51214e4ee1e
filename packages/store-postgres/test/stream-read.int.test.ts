/**
 * A stream's read selects every column but `stream_id` and names its events by the id asked for
 * (rows.ts): `WHERE stream_id = $1` holds only for a row holding that very text. These tests hold
 * it to that: the read gives what the log's read gives for the stream, and a corrupt row is
 * refused naming the stream and version.
 */
import { expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

/** A store holding `talent-1` (three events) and `talent-2` (two), in a schema of its own. */
const seeded = async () => {
  const schema = uniqueSchema()
  cleanups.push(() => dropSchema(schema))
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
  cleanups.push(() => store.close())
  expect((await store.append('talent-1', storeProbes(3), 'no-stream')).ok).toBe(true)
  expect((await store.append('talent-2', storeProbes(2), 'no-stream')).ok).toBe(true)
  return { store, schema }
}

it("reads a stream's events as the log's read has them", async () => {
  const { store } = await seeded()
  const log = await store.readAll()
  for (const id of ['talent-1', 'talent-2']) expect(await store.readStream(id)).toEqual(log.filter((e) => e.streamId === id))
  expect(await store.readStream('talent-1', 2)).toEqual(log.filter((e) => e.streamId === 'talent-1' && e.version >= 2))
  expect(await store.readStream('talent-3')).toEqual([])
})

it('refuses a corrupt row of the stream, naming the stream and version', async () => {
  const { store, schema } = await seeded()
  const raw = await rawClient()
  cleanups.push(() => raw.end())
  // the store's trigger refuses changed rows: dropped, as someone with the database could
  await raw.query(`DROP FUNCTION "${schema}".refuse_row_change() CASCADE`)
  await raw.query(`UPDATE "${schema}".events SET hash = 'not-a-hash' WHERE stream_id = 'talent-2' AND version = 2`)
  expect(await store.readStream('talent-1')).toHaveLength(3)
  await expect(store.readStream('talent-2')).rejects.toThrow(/corrupt event in talent-2 at version 2.*hash/)
})
