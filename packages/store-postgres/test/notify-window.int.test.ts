/**
 * `notifyWindowMs`: the default gathers a writer's commits into one NOTIFY on the schema's channel;
 * `'off'` sends none (a raw LISTEN hears nothing), yet subscribers of the same store are still woken
 * at once and those of another process still find the event by their poll; a window that is not a
 * number of ms is refused before any connection is made.
 */
import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, type PostgresEventStoreOptions } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

const open = async (schema: string, extra: Partial<PostgresEventStoreOptions> = {}) => {
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2, ...extra })
  cleanups.push(() => store.close())
  return store
}

/** The payload-less notifies that reach a raw listener on `schema`'s channel. */
const listenTo = async (schema: string) => {
  const client = await rawClient()
  cleanups.push(() => client.end())
  const heard: string[] = []
  client.on('notification', (n) => heard.push(n.channel))
  await client.query(`LISTEN "talent_ledger:${schema}"`)
  return heard
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the notify window of the PostgreSQL store', () => {
  it('sends one NOTIFY for a burst of commits by default', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const writer = await open(schema)
    const heard = await listenTo(schema)
    for (let i = 0; i < 20; i++) expect((await writer.append(`talent-${i}`, storeProbes(1), 'no-stream')).ok).toBe(true)
    await writer.close() // sends what is still asked for
    await settle(200)
    expect(heard.length).toBeGreaterThanOrEqual(1)
    expect(heard.length).toBeLessThan(20)
  })

  it("sends none with 'off'; local subscribers wake at once, other processes' find the event by polling", async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const writer = await open(schema, { notifyWindowMs: 'off' })
    const poller = await open(schema, { pollMs: 300 })
    const heard = await listenTo(schema)
    const local = new Promise<string>((resolve) => writer.subscribe('local', (e) => resolve(e.streamId)))
    const remote = new Promise<string>((resolve) => poller.subscribe('remote', (e) => resolve(e.streamId)))
    await settle(100)
    expect((await writer.append('talent-quiet', storeProbes(1), 'no-stream')).ok).toBe(true)
    expect(await local).toBe('talent-quiet')
    expect(await remote).toBe('talent-quiet')
    await writer.close()
    await settle(200)
    expect(heard).toEqual([])
  })

  it('refuses a window that is not a number of ms ≥ 0', async () => {
    for (const notifyWindowMs of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      await expect(createPostgresEventStore({ connectionString: TEST_URL, schema: uniqueSchema(), notifyWindowMs })).rejects.toThrow(/notifyWindowMs must be 'off' or a number of ms ≥ 0/)
  })
})
