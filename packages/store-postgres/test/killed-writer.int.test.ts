/**
 * A writer killed in the middle of an append: its backend is terminated while the transaction is
 * open. Nothing committed before is lost, no part of its batch is stored, the stream can be written
 * again from where it was, and readers and subscriptions carry on past the hole it left.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore } from '../src/index.js'
import { holdAppend } from './held-append.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('a writer killed mid-transaction', () => {
  it('loses nothing committed and leaves no partial batch', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 3 })
    cleanups.push(() => store.close())
    expect((await store.append('talent-1', storeProbes(2), 'no-stream')).ok).toBe(true)
    const seen: string[] = []
    const sub = store.subscribe('watcher', (e) => void seen.push(e.eventId))

    const victim = await rawClient()
    cleanups.push(() => victim.end().catch(() => undefined))
    const pid = await holdAppend(victim, schema, 'talent-2', storeProbes(4, 10))
    expect((await store.append('talent-3', storeProbes(1, 20), 'no-stream')).ok).toBe(true)
    const killer = await rawClient()
    cleanups.push(() => killer.end())
    expect((await killer.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid])).rows[0]!.ok).toBe(true)

    await sub.caughtUp()
    const all = await store.readAll()
    expect(all.map((e) => e.streamId)).toEqual(['talent-1', 'talent-1', 'talent-3'])
    expect(seen).toEqual(all.map((e) => e.eventId))
    expect(await store.readStream('talent-2')).toEqual([])
    expect(await store.streamHeads()).toHaveLength(2)
    const again = storeProbes(2, 30)
    expect((await store.append('talent-2', again, 'no-stream')).ok).toBe(true)
    const stream = await store.readStream('talent-2')
    expect(stream.map((e) => e.eventId)).toEqual(again.map((e) => e.eventId))
    expect(verifyStream('talent-2', stream)).toBeNull()
    await sub.caughtUp()
    expect(seen).toEqual((await store.readAll()).map((e) => e.eventId))
    await sub.stop()
  })
})
