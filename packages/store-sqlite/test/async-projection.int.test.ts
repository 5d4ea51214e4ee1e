/**
 * Async projections on a SQLite file: state and checkpoint stored together, so after closing and
 * reopening the projection resumes from its checkpoint (folding only the events appended since)
 * and still equals the inline state and a rebuild; a subscription checkpoint that ran ahead of the
 * stored state is set back rather than trusted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { cityDashboardProjection } from '@talent-ledger/core'
import { countingDashboard, decodeLedgerEvent, rebuildCityProjections } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, runAsyncProjection } from '../src/index.js'
import { city, drive, openCity } from './city-fixture.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const half = Math.floor(city.commands.length / 2)

describe('an async projection on SQLite', () => {
  it('resumes from its checkpoint after closing and reopening, and equals the inline state', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const first = openCity(path)
    await drive(first.ledger, 0, half)
    const folded = { n: 0 }
    const running = runAsyncProjection(first.store, countingDashboard(folded), decodeLedgerEvent, { name: 'async-dashboard', saveEvery: 50 })
    await running.caughtUp()
    const eventsAtHalf = (await first.store.readAll()).length
    expect(folded.n).toBe(eventsAtHalf)
    await running.stop()
    await first.store.close()

    const second = openCity(path)
    await drive(second.ledger, half, city.commands.length)
    const eventsAtEnd = (await second.store.readAll()).length
    expect(eventsAtEnd).toBeGreaterThan(eventsAtHalf)
    await second.store.close()

    const third = createSqliteEventStore({ path })
    try {
      expect(await third.projectionState('async-dashboard')).toMatchObject({ position: eventsAtHalf })
      const resumed = { n: 0 }
      const again = runAsyncProjection(third, countingDashboard(resumed), decodeLedgerEvent, { name: 'async-dashboard' })
      await again.caughtUp()
      expect(resumed.n).toBe(eventsAtEnd - eventsAtHalf)
      const { dashboard } = await rebuildCityProjections(third)
      expect(again.current()).toEqual(dashboard)
      expect(await third.projectionState('async-dashboard')).toEqual(dashboard)
      expect(await third.projectionState('city-dashboard')).toEqual(dashboard)
      await again.stop()
    } finally {
      await third.close()
    }
  })

  it('folds again the events a subscription checkpoint passed without their state being stored', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const { store, ledger } = openCity(path)
    try {
      await drive(ledger, 0, 200)
      const first = runAsyncProjection(store, cityDashboardProjection, decodeLedgerEvent, { name: 'async-dashboard' })
      await first.caughtUp()
      await first.stop()
      const stored = (await store.projectionState('async-dashboard'))!.position
      await drive(ledger, 200, 300)
      // as after a crash between the subscription's checkpoint and the state's save
      const top = (await store.readAll()).length
      await store.checkpoints.save('async-dashboard', top)
      const resumed = runAsyncProjection(store, cityDashboardProjection, decodeLedgerEvent, { name: 'async-dashboard' })
      await resumed.caughtUp()
      expect(top).toBeGreaterThan(stored)
      expect(resumed.current()).toEqual((await rebuildCityProjections(store)).dashboard)
      expect(await store.checkpoints.load('async-dashboard')).toBe(top)
      await resumed.stop()
    } finally {
      await store.close()
    }
  })
})
