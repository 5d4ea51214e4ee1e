/**
 * Inline and async projections in a PostgreSQL schema: a simulated city driven through the ledger
 * with the city dashboard and talent pool updated in the append transaction. The stored states
 * equal a rebuild from the log; an async projection resumes from its checkpoint after the store is
 * reopened; an append that is refused (wrong expected version) or fails (a projection throws)
 * changes neither the log nor any projection state.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { NewEvent } from '@talent-ledger/core'
import { countingDashboard, decodeLedgerEvent, firstThrowingCommand, fragileCounter, rebuildCityProjections } from '@talent-ledger/testing/vitest'
import { runAsyncProjection, type PostgresEventStore } from '../src/index.js'
import { city, drive, openCity } from './city-fixture.js'
import { dropSchema, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const freshSchema = (): string => {
  const schema = uniqueSchema()
  cleanups.push(() => dropSchema(schema))
  return schema
}

/** Log length and every stored projection state: what a failed append must leave as it was. */
const snapshot = async (store: PostgresEventStore) => ({
  events: await store.readAll(),
  dashboard: await store.projectionState('city-dashboard'),
  pool: await store.projectionState('talent-pool'),
  counter: await store.projectionState('fragile-counter'),
})

const half = Math.floor(city.commands.length / 2)

describe('projections on PostgreSQL', () => {
  it('store inline states equal to a rebuild, and an async projection resumes after reopening', async () => {
    const schema = freshSchema()
    const first = await openCity(schema)
    expect(await drive(first.ledger, 0, half)).toBeGreaterThan(0)
    const folded = { n: 0 }
    const running = await runAsyncProjection(first.store, countingDashboard(folded), decodeLedgerEvent, { name: 'async-dashboard', saveEvery: 50 })
    await running.caughtUp()
    const atHalf = await first.store.readAll()
    expect(folded.n).toBe(atHalf.length)
    await running.stop()
    await first.store.close()

    const second = await openCity(schema)
    await drive(second.ledger, half, city.commands.length)
    await second.store.close()

    // reopened without inline projections: what is read is exactly what the appends stored
    const third = await openCity(schema, null)
    cleanups.push(() => third.store.close())
    const all = await third.store.readAll()
    const rebuilt = await rebuildCityProjections(third.store)
    expect(rebuilt.dashboard.position).toBe(all.at(-1)!.globalPosition)
    expect(await third.store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
    expect(await third.store.projectionState('talent-pool')).toEqual(rebuilt.pool)
    expect(await third.store.projectionState('async-dashboard')).toMatchObject({ position: atHalf.at(-1)!.globalPosition })
    const resumed = { n: 0 }
    const again = await runAsyncProjection(third.store, countingDashboard(resumed), decodeLedgerEvent, { name: 'async-dashboard' })
    await again.caughtUp()
    expect(resumed.n).toBe(all.length - atHalf.length)
    expect(again.current()).toEqual(rebuilt.dashboard)
    expect(await third.store.projectionState('async-dashboard')).toEqual(rebuilt.dashboard)
    await again.stop()
  })

  it('change neither the log nor a projection state when an append is refused or a projection throws', async () => {
    const armed = { on: false }
    const { store, ledger } = await openCity(freshSchema(), [{ projection: fragileCounter(armed) }])
    cleanups.push(() => store.close())
    await drive(ledger, 0, 150)
    const before = await snapshot(store)
    expect(before.counter).toEqual({ position: before.events.at(-1)!.globalPosition, state: { events: before.events.length } })

    const last = before.events.at(-1)!
    const copy: NewEvent = { eventId: globalThis.crypto.randomUUID(), type: last.type, schemaVersion: last.schemaVersion, data: last.data, metadata: last.metadata }
    const refused = await store.append(last.streamId, [copy], last.version - 1)
    expect(refused).toMatchObject({ ok: false, conflict: { code: 'Conflict', actual: last.version } })
    expect(await snapshot(store)).toEqual(before)

    armed.on = true
    const failed = await firstThrowingCommand(ledger, city.commands, 150)
    expect(await snapshot(store)).toEqual(before)

    // the dashboard had folded the events in memory before the counter threw: it must not keep them
    armed.on = false
    expect((await ledger.execute(city.commands[failed])).ok).toBe(true)
    await drive(ledger, failed + 1, 250)
    const rebuilt = await rebuildCityProjections(store)
    expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
    expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
    const events = await store.readAll()
    expect(await store.projectionState('fragile-counter')).toEqual({ position: events.at(-1)!.globalPosition, state: { events: events.length } })
  })
})

describe('inline projections on PostgreSQL under group commit', () => {
  it('store states equal to a rebuild when the city is applied in batches (executeMany)', async () => {
    const { store, ledger } = await openCity(freshSchema())
    try {
      let accepted = 0
      for (let i = 0; i < city.commands.length; i += 97) accepted += (await ledger.executeMany(city.commands.slice(i, i + 97))).filter((r) => r.ok).length
      expect(accepted).toBe(city.commands.length - city.intendedRefusals.length)
      const rebuilt = await rebuildCityProjections(store)
      expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
      expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
    } finally {
      await store.close()
    }
  })
})
