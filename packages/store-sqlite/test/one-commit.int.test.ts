/**
 * `inOneCommit`: several steps on the store's connection as one transaction (onboarding's chunk:
 * the new talents' keys and their events). Keys and events commit together or not at all; a group
 * inside the unit keeps every appendMany guarantee (the conformance checks, each group run in a
 * unit of its own), and a conflicting group writes nothing while the unit's earlier appends stay.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { appendManyConformance, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore, type SqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const opened = (path: string): SqliteEventStore => {
  const store = createSqliteEventStore({ path })
  cleanups.push(() => store.close())
  return store
}

describe('SQLite inOneCommit', () => {
  it('commits the keys created and the events appended in the unit together, with one sync level kept', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = opened(path)
    const keys = createSqliteKeyStore(store.database)
    const events = storeProbes(2)
    const key = await store.inOneCommit(async () => {
      const k = await keys.keyFor('t-1')
      const outcome = await store.appendMany([{ streamId: 'talent-t-1', events, expected: 'no-stream' }])
      expect(outcome.ok).toBe(true)
      return k
    })
    expect(store.database.inTransaction).toBe(false)
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2)
    await store.close()
    const again = opened(path)
    expect(await createSqliteKeyStore(again.database).find('t-1')).toEqual(key)
    expect((await again.readStream('talent-t-1')).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId))
  })

  it('stores neither the keys nor the events of a unit whose work rejects', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = opened(path)
    const keys = createSqliteKeyStore(store.database)
    const failing = store.inOneCommit(async () => {
      await keys.keyFor('t-2')
      await store.appendMany([{ streamId: 'talent-t-2', events: storeProbes(1), expected: 'no-stream' }])
      throw new Error('the chunk failed')
    })
    await expect(failing).rejects.toThrow('the chunk failed')
    expect(store.database.inTransaction).toBe(false)
    expect(await keys.find('t-2')).toBeUndefined()
    expect(await store.readStream('talent-t-2')).toEqual([])
    expect(await store.readAll()).toEqual([])
  })

  it('answers a conflicting group inside the unit with its conflicts and writes none of it, keeping the unit’s earlier appends', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = opened(path)
    const first = storeProbes(1)
    const outcome = await store.inOneCommit(async () => {
      expect((await store.appendMany([{ streamId: 's-a', events: first, expected: 'no-stream' }])).ok).toBe(true)
      return store.appendMany([
        { streamId: 's-b', events: storeProbes(1, 10), expected: 'no-stream' },
        { streamId: 's-a', events: storeProbes(1, 20), expected: 'no-stream' },
      ])
    })
    expect(outcome).toEqual({ ok: false, conflicts: [expect.objectContaining({ streamId: 's-a', actual: 1 })] })
    expect((await store.readAll()).map((e) => e.eventId)).toEqual(first.map((e) => e.eventId))
  })
})

describe('SQLite, every group in a unit of its own', () => {
  appendManyConformance(async () => {
    const { path, cleanup } = tempStorePath()
    const store = createSqliteEventStore({ path })
    const inUnit: SqliteEventStore = { ...store, appendMany: (requests) => store.inOneCommit(() => store.appendMany(requests)) }
    return { store: inUnit, cleanup: async () => (await store.close(), await cleanup()) }
  })
})
