/**
 * A small simulated city in a PostgreSQL schema for the projection tests: the ledger over a store
 * with the city dashboard and talent pool inline (plus any extra inline projections), and the
 * city's commands to drive through it (the rebuilds to compare against are `rebuildCityProjections`).
 */
import { cityDashboardProjection, createTalentLedger, talentPoolProjection } from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'
import { commandDriver } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore, createPostgresKeyStore, type InlineProjection } from '../src/index.js'
import { TEST_URL } from './pg-schemas.js'

/** Thirty talents over 2026–2035, a few commands meant to be refused. */
export const city = simulateCity({ talents: 30, seed: 20260101 })

/** The ledger over a store in `schema` with the dashboard, the pool and `extra` inline (none when `extra` is null). */
export const openCity = async (schema: string, extra: ReadonlyArray<InlineProjection> | null = []) => {
  const inlineProjections = extra === null ? [] : [{ projection: cityDashboardProjection }, { projection: talentPoolProjection }, ...extra]
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 3, inlineProjections })
  const ledger = createTalentLedger({ store, keys: createPostgresKeyStore(store), clock: manualClock('2026-01-01T08:00:00.000Z') })
  return { store, ledger }
}

/** Runs `commands[from, to)` of the city through the ledger; returns how many were accepted. */
export const drive = commandDriver(city.commands)

