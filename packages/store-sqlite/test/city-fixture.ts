/**
 * A small simulated city on a SQLite file for the projection tests: the ledger over a store with the
 * city dashboard and talent pool inline (plus any extra inline projections), and the rebuilds to
 * compare against.
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
import { createSqliteEventStore, createSqliteKeyStore, type InlineProjection, type SqliteEventStore } from '../src/index.js'

/** Fifty talents over 2026–2035: about 800 commands, a few meant to be refused. */
export const city = simulateCity({ talents: 50, seed: 20260101 })

/** Decodes a stored row the way the store's inline projections do by default. */
export const decodeEvent: (row: RecordedEvent) => LedgerEvent = (() => {
  const decode = decodeRecorded()
  return (row: RecordedEvent) => decode(row).event
})()

/** The ledger over a store at `path` with the dashboard, the pool and `extra` inline. */
export const openCity = (path: string, extra: ReadonlyArray<InlineProjection> = []) => {
  const store = createSqliteEventStore({ path, inlineProjections: [{ projection: cityDashboardProjection }, { projection: talentPoolProjection }, ...extra] })
  const keys = createSqliteKeyStore(store.database)
  const ledger = createTalentLedger({ store, keys, clock: manualClock('2026-01-01T08:00:00.000Z') })
  return { store, ledger }
}

/** Runs `commands[from, to)` through the ledger; returns how many were accepted. */
export const drive = async (ledger: TalentLedger, from: number, to: number): Promise<number> => {
  let accepted = 0
  for (const command of city.commands.slice(from, to)) if ((await ledger.execute(command)).ok) accepted++
  return accepted
}

/** The rebuilds of the two inline projections from the store's log. */
export const rebuilds = async (store: SqliteEventStore) => ({
  dashboard: await rebuild(store, cityDashboardProjection, decodeEvent),
  pool: await rebuild(store, talentPoolProjection, decodeEvent),
})

/** A projection counting the events it folds, whose `apply` throws (after counting) while `armed.on` is true. */
export const fragileCounter = (armed: { on: boolean }): Projection<{ events: number }, LedgerEvent> => ({
  name: 'fragile-counter',
  initialState: () => ({ events: 0 }),
  apply: (state, _event) => {
    // counts before it throws, like an `apply` that fails half-way through updating its state in place
    state.events++
    if (armed.on) throw new Error('the fragile projection fails on purpose')
    return state
  },
})
