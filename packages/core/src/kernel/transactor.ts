/**
 * What a command runs on (the runner, or a batch's view of the store): decide a command of a
 * category and record what it decides, with how its events are enveloped and the notices they
 * cause. `transact.ts` runs one command at a time; `transact-many.ts` a batch in one commit.
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { Category, DomainEvent } from './category.js'
import type { NewEvent } from './envelope.js'
import type { DomainError } from './errors.js'
import type { OutboxEntry } from './outbox.js'

/** A decided event with the envelope it is appended in. */
export interface Stamped<Ev> {
  readonly envelope: NewEvent
  readonly event: Ev
}

/** What one call adds to the decision: how its events are enveloped, and the notices they cause. */
export interface Transaction<Ev, S> {
  /** Envelopes the decided events (ids, actor, dates): once per attempt that appends. */
  readonly stamp: (events: ReadonlyArray<Ev>) => ReadonlyArray<NewEvent>
  /** Notices the events cause, appended with them in one transaction (none when absent). */
  readonly outbox?: (events: ReadonlyArray<Stamped<Ev>>, state: S) => ReadonlyArray<OutboxEntry>
}

/** The outcome of an accepted command. */
export interface Transacted<Ev> {
  readonly stream: string
  /** The stream's version after the command (unchanged when nothing was appended). */
  readonly version: number
  readonly events: ReadonlyArray<Ev>
}

/** What a command runs on: deciding without appending, and deciding with its events staged or appended. */
export interface Transactor {
  /** Decides a command of `category` on its stream and records what it decides. */
  readonly transact: <C, Ev extends DomainEvent, S, X, Env>(
    category: Category<C, Ev, S, X, Env>,
    command: C,
    env: Env,
    transaction: Transaction<Ev, S>,
  ) => Promise<E.Either<DomainError, Transacted<Ev>>>
  /** Decides without recording anything (a dry run). */
  readonly decide: <C, Ev extends DomainEvent, S, X, Env>(category: Category<C, Ev, S, X, Env>, command: C, env: Env) => Promise<E.Either<DomainError, ReadonlyArray<Ev>>>
}

/** One command of a batch: what it does on the transactor it is given. It may run again after a conflict, so it must be safe to repeat until the batch commits. */
export type BatchCommand<R> = (on: Transactor) => Promise<E.Either<DomainError, R>>

