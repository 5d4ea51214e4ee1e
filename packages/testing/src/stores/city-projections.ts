/**
 * Pieces a store's projection tests share, whatever the store: a simulated city's commands driven
 * through the ledger, the city dashboard and talent pool rebuilt from the store's log (what inline
 * and async projections must equal), a dashboard that counts what it folds, and a projection that
 * fails on demand with the way to find the command it fails on (for rollback tests).
 */
import { expect } from 'vitest'
import {
  cityDashboardProjection,
  decodeRecorded,
  rebuild,
  talentPoolProjection,
  type DashboardState,
  type EventStore,
  type LedgerEvent,
  type Projection,
  type RecordedEvent,
  type TalentLedger,
} from '@talent-ledger/core'

/** Decodes a stored row the way a store's inline projections do by default (`decodeRecorded()`, the ledger's own upcasters). */
export const decodeLedgerEvent: (row: RecordedEvent) => LedgerEvent = (() => {
  const decode = decodeRecorded()
  return (row: RecordedEvent) => decode(row).event
})()

/** A function running `commands[from, to)` through a ledger and answering how many were accepted. */
export const commandDriver =
  (commands: ReadonlyArray<unknown>) =>
  async (ledger: TalentLedger, from: number, to: number): Promise<number> => {
    let accepted = 0
    for (const command of commands.slice(from, to)) if ((await ledger.execute(command)).ok) accepted++
    return accepted
  }

/** The city dashboard and the talent pool rebuilt from the whole log of `store`. */
export const rebuildCityProjections = async (store: EventStore) => ({
  dashboard: await rebuild(store, cityDashboardProjection, decodeLedgerEvent),
  pool: await rebuild(store, talentPoolProjection, decodeLedgerEvent),
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

/** The city dashboard, counting in `folded.n` the events it folds (to see how far a resumed projection replays). */
export const countingDashboard = (folded: { n: number }): Projection<DashboardState, LedgerEvent> => ({
  ...cityDashboardProjection,
  apply: (state, event) => {
    folded.n++
    return cityDashboardProjection.apply(state, event)
  },
})

/**
 * Runs `commands` from index `from` on until one throws (as every append does while a `fragileCounter`
 * is armed; refused or no-op commands append nothing); asserts that one was the fragile projection
 * failing and that there was one, and returns its index.
 */
export const firstThrowingCommand = async (ledger: TalentLedger, commands: ReadonlyArray<unknown>, from: number): Promise<number> => {
  let failed = from
  for (; failed < commands.length; failed++) {
    const thrown = await ledger.execute(commands[failed]).then(() => null, (error: unknown) => error)
    if (thrown !== null) {
      expect(String(thrown)).toContain('fails on purpose')
      break
    }
  }
  expect(failed).toBeLessThan(commands.length)
  return failed
}
