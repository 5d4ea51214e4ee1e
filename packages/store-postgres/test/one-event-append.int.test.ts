/**
 * The one-event statement (`fastAppendSql(…, single)`): most appends carry one event, and they go
 * through a statement that takes its values as they are rather than as one-element arrays. It must
 * store exactly what the batch statement stores, chain for chain, and keep what the batch statement
 * keeps: a head that moved refuses it (the function then reports the conflict), a retried event is
 * found by id, outbox rows go in with it.
 */
import { expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

const openStore = async (schema: string) => {
  cleanups.push(() => dropSchema(schema))
  // one connection: the statements it prepared are the ones this test's appends used
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1, notifyWindowMs: 'off' })
  cleanups.push(() => store.close())
  return store
}

/** Every stored event row of `schema` but its position, in stream and version order. */
const rowsOf = async (schema: string) => {
  const raw = await rawClient()
  try {
    return (
      await raw.query(
        `SELECT stream_id, version, event_id, type, schema_version, data::text, metadata::text, prev_hash, hash FROM "${schema}".events ORDER BY stream_id, version`,
      )
    ).rows
  } finally {
    await raw.end()
  }
}

it('stores one event at a time exactly as the batch statement stores the same events', async () => {
  const [one, batch] = [uniqueSchema(), uniqueSchema()]
  const [single, batched] = [await openStore(one), await openStore(batch)]
  const events = storeProbes(6)
  for (const [i, e] of events.entries()) expect((await single.append('s-1', [e], i === 0 ? 'no-stream' : i)).ok).toBe(true)
  expect((await batched.append('s-1', events.slice(0, 1), 'no-stream')).ok).toBe(true)
  expect((await batched.append('s-1', events.slice(1), 1)).ok).toBe(true)
  expect(await rowsOf(one)).toEqual(await rowsOf(batch))
  expect(verifyStream('s-1', await single.readStream('s-1'))).toBeNull()
  const prepared = async (store: typeof single) =>
    (await store.pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name')).rows.map((r) => r.name.replace(/-tl_test_.*$/, ''))
  expect(await prepared(single)).toEqual(expect.arrayContaining(['tl-append-one-at', 'tl-append-one-new']))
  expect(await prepared(single)).not.toContain('tl-append-at')
  expect(await prepared(batched)).toEqual(expect.arrayContaining(['tl-append-at']))
})

it('refuses a moved head, finds a retried event by id and stores outbox rows, one event at a time', async () => {
  const schema = uniqueSchema()
  const store = await openStore(schema)
  const [first, second, third, fourth] = storeProbes(4)
  expect((await store.append('s-2', [first!], 'no-stream')).ok).toBe(true)
  expect((await store.append('s-2', [second!], 1)).ok).toBe(true)
  // the same event again: its original result, nothing stored twice
  expect(await store.append('s-2', [second!], 1)).toMatchObject({ ok: true, result: { version: 2 } })
  // another store (another process's, say) moves the head this store remembers at 2
  const other = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1, notifyWindowMs: 'off' })
  cleanups.push(() => other.close())
  expect((await other.append('s-2', [third!], 2)).ok).toBe(true)
  // sealed on the remembered head: the one-event statement stores nothing, the conflict is reported
  expect(await store.append('s-2', [fourth!], 2)).toMatchObject({ ok: false, conflict: { actual: 3 } })
  const notice = { id: `${fourth!.eventId}:email:bureau`, eventId: fourth!.eventId, streamId: 's-2', channel: 'email', recipient: 'bureau', template: 't', locale: 'zh-CN', payload: { a: 1 } } as const
  expect(await store.append('s-2', [fourth!], 3, { outbox: [notice] })).toMatchObject({ ok: true, result: { version: 4 } })
  const raw = await rawClient()
  cleanups.push(() => raw.end())
  expect((await raw.query(`SELECT id, event_id FROM "${schema}".outbox`)).rows).toEqual([{ id: notice.id, event_id: fourth!.eventId }])
  const stored = await store.readStream('s-2')
  expect(stored.map((e) => e.eventId)).toEqual([first, second, third, fourth].map((e) => e!.eventId))
  expect(verifyStream('s-2', stored)).toBeNull()
})
