/**
 * `readAll({ types })` on SQLite filters in the query: only events of the asked types reach
 * JavaScript (the report's replay skips parsing the rest), in log order, paged by `limit` counting
 * those events; a corrupt row of a type not asked for is never read, one of an asked type still is
 * refused. (The conformance suite holds every store to losing nothing; this holds SQLite to filtering.)
 */
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { CorruptEventError } from '@talent-ledger/core/store-kit'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups = cleanupsAfterEach()

/** A store of one stream whose six events alternate between types `A` and `B`. */
const storeOfTwoTypes = async () => {
  const { path, cleanup } = tempStorePath()
  cleanups.push(cleanup)
  const store = createSqliteEventStore({ path })
  cleanups.push(() => store.close())
  const events = storeProbes(6).map((e, i) => ({ ...e, type: i % 2 === 0 ? 'A' : 'B' }))
  expect((await store.append('talent-1', events, 'no-stream')).ok).toBe(true)
  return { store, path }
}

it('returns only the asked types, in log order, paged by the events it returns', async () => {
  const { store } = await storeOfTwoTypes()
  const all = await store.readAll()
  const only = new Set(['B'])
  expect(await store.readAll({ types: only })).toEqual(all.filter((e) => e.type === 'B'))
  const first = await store.readAll({ types: only, limit: 2 })
  expect(first.map((e) => e.type)).toEqual(['B', 'B'])
  expect(await store.readAll({ after: first[1]!.globalPosition, types: only, limit: 2 })).toEqual(all.filter((e) => e.type === 'B').slice(2))
  expect(await store.readAll({ types: new Set(['A', 'B', 'C']) })).toEqual(all)
})

it('never reads a corrupt row of a type not asked for, and still refuses one of an asked type', async () => {
  const { store, path } = await storeOfTwoTypes()
  const raw = new Database(path)
  for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) raw.exec(`DROP TRIGGER "${name}"`)
  raw.exec("UPDATE events SET data = 'not json' WHERE version = 2")
  raw.close()
  expect((await store.readAll({ types: new Set(['A']) })).map((e) => e.version)).toEqual([1, 3, 5])
  await expect(store.readAll({ types: new Set(['B']) })).rejects.toThrow(CorruptEventError)
})
