/**
 * Writers that commit out of position order. One append is held open (its transaction has its id,
 * so its events sort first) while later appends commit; readers must neither return the later
 * events before the held one is decided nor skip the held one once it commits. A running
 * subscription and `readAll` both end with every event exactly once, in the same order.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { RecordedEvent } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, type PostgresEventStore } from '../src/index.js'
import { holdAppend } from './held-append.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const open = async (): Promise<PostgresEventStore> => {
  const schema = uniqueSchema()
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 4 })
  cleanups.push(() => dropSchema(schema))
  cleanups.push(() => store.close())
  return store
}

const ids = (events: ReadonlyArray<RecordedEvent>): string[] => events.map((e) => e.eventId)

describe('appends that commit out of position order', () => {
  it('are neither skipped nor handed out early by readAll and a running subscription', async () => {
    const store = await open()
    expect((await store.append('before', storeProbes(2), 'no-stream')).ok).toBe(true)
    const seen: RecordedEvent[] = []
    const sub = store.subscribe('tail', (e) => void seen.push(e))
    await sub.caughtUp()

    const holder = await rawClient()
    cleanups.push(() => holder.end())
    const held = storeProbes(3, 100)
    await holdAppend(holder, store.schema, 'held', held)
    for (let i = 0; i < 5; i++) expect((await store.append(`later-${i}`, storeProbes(2, 200 + i * 2), 'no-stream')).ok).toBe(true)

    // committed later appends are not final while the held one (a lower position) is undecided
    const during = await store.readAll()
    expect(ids(during)).toEqual(ids(seen))
    expect(during).toHaveLength(2)
    expect(await store.readStream('later-0')).toHaveLength(2)

    await holder.query('COMMIT')
    await sub.caughtUp()
    const all = await store.readAll()
    expect(all).toHaveLength(2 + 3 + 10)
    // the held events sort before the later ones: they took their transaction id first
    expect(ids(all.slice(2, 5))).toEqual(held.map((e) => e.eventId))
    expect(ids(seen)).toEqual(ids(all))
    expect(new Set(ids(seen)).size).toBe(seen.length)
    for (let i = 1; i < all.length; i++) expect(all[i]!.globalPosition).toBeGreaterThan(all[i - 1]!.globalPosition)
    await sub.stop()
  })

  it("hold readers back while the store's own one-statement append waits after taking its id", async () => {
    const store = await open()
    expect((await store.append('before', storeProbes(1), 'no-stream')).ok).toBe(true)
    // a foreign transaction holds the held batch's first event id: the append's insert of its events
    // waits for it after the stream head was written, i.e. after the append's transaction took its id
    const blocker = await rawClient()
    cleanups.push(() => blocker.end())
    const held = storeProbes(2, 300)
    await blocker.query('BEGIN')
    await blocker.query(
      `INSERT INTO "${store.schema}".events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
       VALUES (1, 'blocker', 1, $1, 'Probe', 1, '{}', '{}', '', '')`,
      [held[0]!.eventId],
    )
    const pending = store.append('held', held, 'no-stream')
    const watcher = await rawClient()
    cleanups.push(() => watcher.end())
    for (let waiting = 0; waiting === 0; ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      const { rows } = await watcher.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%position_base%'",
      )
      waiting = Number(rows[0]!.n)
    }
    for (let i = 0; i < 3; i++) expect((await store.append(`later-${i}`, storeProbes(1, 400 + i), 'no-stream')).ok).toBe(true)
    expect(await store.readAll()).toHaveLength(1)

    await blocker.query('ROLLBACK')
    expect((await pending).ok).toBe(true)
    const all = await store.readAll()
    expect(all.map((e) => e.streamId)).toEqual(['before', 'held', 'held', 'later-0', 'later-1', 'later-2'])
  })

  it('do not hold back readers of another schema', async () => {
    const [mine, theirs] = [await open(), await open()]
    const holder = await rawClient()
    cleanups.push(() => holder.end())
    await holdAppend(holder, theirs.schema, 'held', storeProbes(1))
    expect((await mine.append('s', storeProbes(2), 'no-stream')).ok).toBe(true)
    expect(await mine.readAll()).toHaveLength(2)
    await holder.query('ROLLBACK')
    expect(await theirs.readAll()).toEqual([])
  })
})
