/**
 * The decider: one aggregate's behaviour as three pure parts. `decide` never throws: it answers a
 * command with the events that record it, an empty array when it is already so, or a refusal.
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type { DomainError } from './errors.js'

/** A domain event before it is stored: its type and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T
  readonly data: D
}

/** Pure behaviour of one aggregate kind. */
export interface Decider<C, E, S> {
  readonly initialState: S
  readonly evolve: (state: S, event: E) => S
  readonly decide: (command: C, state: S) => Either<DomainError, ReadonlyArray<E>>
}

/** Folds events into state from the decider's initial state. */
export const fold =
  <C, E, S>(decider: Decider<C, E, S>) =>
  (events: Iterable<E>, from: S = decider.initialState): S => {
    let state = from
    for (const e of events) state = decider.evolve(state, e)
    return state
  }
