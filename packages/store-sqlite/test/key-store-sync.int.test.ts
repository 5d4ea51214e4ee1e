/**
 * A key created on the event store's own connection is written without a sync of its own (the
 * events that use it sync the WAL when they commit), and the connection goes back to the store's
 * durability right after: the next append syncs as the store was opened to. Keys come from a pool of
 * random bytes drawn ahead: every subject still gets its own, and the one it stored.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('SQLite key store on the event store connection', () => {
  it('keeps the store durability for everything but the key insert, and the key survives reopening', async () => {
    for (const [durability, level] of [['FULL', 2], ['NORMAL', 1]] as const) {
      const { path, cleanup } = tempStorePath()
      cleanups.push(cleanup)
      const store = createSqliteEventStore({ path, durability })
      const keys = createSqliteKeyStore(store.database)
      const key = await keys.keyFor('t-1')
      expect(key).toHaveLength(32)
      expect(store.database.pragma('synchronous', { simple: true })).toBe(level)
      expect(await keys.keyFor('t-1')).toEqual(key)
      await store.close()
      const reopened = createSqliteEventStore({ path })
      expect(await createSqliteKeyStore(reopened.database).find('t-1')).toEqual(key)
      await reopened.close()
    }
  })

  it('gives each subject its own key, past the random bytes drawn ahead at once, and the key it stored', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = createSqliteEventStore({ path })
    const keys = createSqliteKeyStore(store.database)
    const made = await Promise.all(Array.from({ length: 600 }, (_, i) => keys.keyFor(`t-${i}`)))
    expect(new Set(made.map((k) => Buffer.from(k).toString('hex'))).size).toBe(600)
    for (const [i, key] of made.entries()) {
      expect(key).toHaveLength(32)
      expect(await keys.find(`t-${i}`)).toEqual(key)
      expect(await keys.keyFor(`t-${i}`)).toEqual(key)
    }
    // a second key store on the same file finds the subject's key and makes none
    expect(await createSqliteKeyStore(store.database).keyFor('t-7')).toEqual(made[7])
    await store.close()
  })
})
