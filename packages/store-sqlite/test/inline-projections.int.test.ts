/**
 * Inline projections on a SQLite file: a simulated city driven through the ledger with the city
 * dashboard and talent pool updated in the append transaction. After reopening, the stored states
 * equal a rebuild from the log and an async projection's state; an append that fails (wrong
 * expected version, a projection that throws) changes neither the log nor any projection state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cityDashboardProjection, createTalentLedger, dashboardReport, talentPoolProjection, type CommandResult, type NewEvent } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { decodeLedgerEvent, firstThrowingCommand, fragileCounter, rebuildCityProjections } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore, runAsyncProjection, type SqliteEventStore } from '../src/index.js'
import { city, drive, openCity } from './city-fixture.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** Log length and every stored projection state: what a failed append must leave as it was. */
const snapshot = async (store: SqliteEventStore) => ({
  events: (await store.readAll()).length,
  dashboard: await store.projectionState('city-dashboard'),
  pool: await store.projectionState('talent-pool'),
  counter: await store.projectionState('fragile-counter'),
})

describe('inline projections on SQLite', () => {
  const built = tempStorePath()
  beforeAll(async () => {
    const { store, ledger } = openCity(built.path)
    expect(await drive(ledger, 0, city.commands.length)).toBe(city.commands.length - city.intendedRefusals.length)
    await store.close()
  })
  afterAll(built.cleanup)

  it('stores states equal to a rebuild from the log and to async projections, after reopening', async () => {
    // reopened without inline projections: what is read is exactly what the appends stored
    const store = createSqliteEventStore({ path: built.path })
    try {
      const rebuilt = await rebuildCityProjections(store)
      expect(rebuilt.dashboard.position).toBe((await store.readAll()).length)
      expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
      expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
      expect(dashboardReport(rebuilt.dashboard.state, city.summary.to).highSkilledTotal).toBe(city.summary.highSkilled)

      const dashboard = runAsyncProjection(store, cityDashboardProjection, decodeLedgerEvent, { name: 'async-city-dashboard' })
      const pool = runAsyncProjection(store, talentPoolProjection, decodeLedgerEvent, { name: 'async-talent-pool' })
      await Promise.all([dashboard.caughtUp(), pool.caughtUp()])
      expect(dashboard.current()).toEqual(rebuilt.dashboard)
      expect(pool.current()).toEqual(rebuilt.pool)
      expect(await store.projectionState('async-city-dashboard')).toEqual(rebuilt.dashboard)
      await Promise.all([dashboard.stop(), pool.stop()])
    } finally {
      await store.close()
    }
  })
})

describe('inline projections added to a file that already has events', () => {
  it('catch up from the log on first use, then follow the appends', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const plain = createSqliteEventStore({ path })
    await drive(createTalentLedger({ store: plain, keys: createSqliteKeyStore(plain.database), clock: manualClock('2026-01-01T08:00:00.000Z') }), 0, 150)
    expect(await plain.projectionState('city-dashboard')).toBeUndefined()
    await plain.close()
    const { store, ledger } = openCity(path)
    try {
      expect(await store.projectionState('talent-pool')).toEqual((await rebuildCityProjections(store)).pool)
      await drive(ledger, 150, 250)
      const rebuilt = await rebuildCityProjections(store)
      expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
      expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
    } finally {
      await store.close()
    }
  })
})

describe('a failed append with inline projections', () => {
  it('changes neither the log nor a projection state when the expected version is wrong', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const { store, ledger } = openCity(path)
    try {
      await drive(ledger, 0, 200)
      const [last] = (await store.readAll()).slice(-1)
      const before = await snapshot(store)
      const copy: NewEvent = { eventId: globalThis.crypto.randomUUID(), type: last!.type, schemaVersion: last!.schemaVersion, data: last!.data, metadata: last!.metadata }
      const outcome = await store.append(last!.streamId, [copy], last!.version - 1)
      expect(outcome).toMatchObject({ ok: false, conflict: { code: 'Conflict', actual: last!.version } })
      expect(await snapshot(store)).toEqual(before)
    } finally {
      await store.close()
    }
  })

  it('rolls back the events and every projection when one projection throws, and recovers after', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const armed = { on: false }
    const { store, ledger } = openCity(path, [{ projection: fragileCounter(armed) }])
    try {
      await drive(ledger, 0, 300)
      const before = await snapshot(store)
      expect(before.counter).toEqual({ position: before.events, state: { events: before.events } })
      armed.on = true
      // the next command that appends throws (refused or no-op commands append nothing)
      const failed = await firstThrowingCommand(ledger, city.commands, 300)
      expect(await snapshot(store)).toEqual(before)

      // the dashboard had folded the events in memory before the counter threw: it must not keep them
      armed.on = false
      expect((await ledger.execute(city.commands[failed])).ok).toBe(true)
      await drive(ledger, failed + 1, 400)
      const rebuilt = await rebuildCityProjections(store)
      expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
      expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
      const events = (await store.readAll()).length
      expect(await store.projectionState('fragile-counter')).toEqual({ position: events, state: { events } })
    } finally {
      await store.close()
    }
  })
})

describe('inline projections under group commit', () => {
  it('answers as one command at a time and stores states equal to a rebuild when the city is applied in batches (executeMany)', async () => {
    const single = tempStorePath()
    cleanups.push(single.cleanup)
    const one = openCity(single.path)
    const expected: CommandResult[] = []
    for (const c of city.commands) expected.push(await one.ledger.execute(c))
    await one.store.close()
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const { store, ledger } = openCity(path)
    try {
      const results: CommandResult[] = []
      for (let i = 0; i < city.commands.length; i += 97) results.push(...(await ledger.executeMany(city.commands.slice(i, i + 97))))
      expect(results).toEqual(expected)
      expect(results.filter((r) => r.ok).length).toBe(city.commands.length - city.intendedRefusals.length)
      const rebuilt = await rebuildCityProjections(store)
      expect(rebuilt.dashboard.position).toBe((await store.readAll()).length)
      expect(await store.projectionState('city-dashboard')).toEqual(rebuilt.dashboard)
      expect(await store.projectionState('talent-pool')).toEqual(rebuilt.pool)
    } finally {
      await store.close()
    }
  })
})
