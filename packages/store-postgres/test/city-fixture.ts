/**
 * A small simulated city in a PostgreSQL schema for the projection tests: the ledger over a store
 * with the city dashboard and talent pool inline (plus any extra inline projections), and the
 * rebuilds to compare against.
 */
import {
  cityDashboardProjection,
  createTalentLedger,
  decodeRecorded,
  rebuild,
  talentPoolProjection,
  type LedgerEvent,
  type Projection,
  type RecordedEvent,
  type TalentLedger,
} from '@talent-ledger/core'
import { manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'
import { createPostgresEventStore, createPostgresKeyStore, type InlineProjection, type PostgresEventStore } from '../src/index.js'
import { TEST_URL } from './pg-schemas.js'

/** Thirty talents over 2026–2035, a few commands meant to be refused. */
export const city = simulateCity({ talents: 30, seed: 20260101 })

/** Decodes a stored row the way the store's inline projections do by default. */
export const decodeEvent: (row: RecordedEvent) => LedgerEvent = (() => {
  const decode = decodeRecorded()
  return (row: RecordedEvent) => decode(row).event
})()

/** The ledger over a store in `schema` with the dashboard, the pool and `extra` inline (none when `extra` is null). */
export const openCity = async (schema: string, extra: ReadonlyArray<InlineProjection> | null = []) => {
  const inlineProjections = extra === null ? [] : [{ projection: cityDashboardProjection }, { projection: talentPoolProjection }, ...extra]
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 3, inlineProjections })
  const ledger = createTalentLedger({ store, keys: createPostgresKeyStore(store), clock: manualClock('2026-01-01T08:00:00.000Z') })
  return { store, ledger }
}

/** Runs `commands[from, to)` through the ledger; returns how many were accepted. */
export const drive = async (ledger: TalentLedger, from: number, to: number): Promise<number> => {
  let accepted = 0
  for (const command of city.commands.slice(from, to)) if ((await ledger.execute(command)).ok) accepted++
  return accepted
}

/** The rebuilds of the two inline projections from the store's log. */
export const rebuilds = async (store: PostgresEventStore) => ({
  dashboard: await rebuild(store, cityDashboardProjection, decodeEvent),
  pool: await rebuild(store, talentPoolProjection, decodeEvent),
})

/** A projection counting the events it folds, whose `apply` throws (after counting) while `armed.on` is true. */
export const fragileCounter = (armed: { on: boolean }): Projection<{ events: number }, LedgerEvent> => ({
  name: 'fragile-counter',
  initialState: () => ({ events: 0 }),
  apply: (state, _event) => {
    state.events++
    if (armed.on) throw new Error('the fragile projection fails on purpose')
    return state
  },
})
