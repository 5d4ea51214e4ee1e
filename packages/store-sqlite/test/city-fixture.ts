/**
 * A small simulated city on a SQLite file for the projection tests: the ledger over a store with the
 * city dashboard and talent pool inline (plus any extra inline projections), and the city's
 * commands to drive through it (the rebuilds to compare against are `rebuildCityProjections`).
 */
import { cityDashboardProjection, createTalentLedger, talentPoolProjection } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'
import { commandDriver } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore, type InlineProjection } from '../src/index.js'

/** Fifty talents over 2026–2035: about 800 commands, a few meant to be refused. */
export const city = simulateCity({ talents: 50, seed: 20260101 })

/** The ledger over a store at `path` with the dashboard, the pool and `extra` inline. */
export const openCity = (path: string, extra: ReadonlyArray<InlineProjection> = []) => {
  const store = createSqliteEventStore({ path, inlineProjections: [{ projection: cityDashboardProjection }, { projection: talentPoolProjection }, ...extra] })
  const keys = createSqliteKeyStore(store.database)
  const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-01-01T08:00:00.000Z') })
  return { store, ledger }
}

/** Runs `commands[from, to)` of the city through the ledger; returns how many were accepted. */
export const drive = commandDriver(city.commands)

