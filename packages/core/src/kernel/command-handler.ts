/**
 * The command handler: load the stream, decide, append with the expected version, and on a
 * conflict start again from a fresh read (another writer got there first). Deciding is pure, so a
 * retry is always safe. The retry bound (`maxAttempts`, and `budgetMs` of waiting) is set far past
 * what ordinary contention needs — eight writers on one stream all get through — so `Conflict`
 * means something unusual (a stream written in a tight loop, a stuck writer), and says so.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { decorrelatedJitter, type Backoff } from './backoff.js'
import type { RecordedEvent } from './envelope.js'
import { domainError, type DomainError } from './errors.js'
import type { OutboxEntry } from './outbox.js'
import type { EventStore } from './ports.js'
import type { NewEvent } from './envelope.js'

/** The stream's state and the version it was folded up to (0: no events yet). */
export interface LoadedStream<S> {
  readonly version: number
  readonly state: S
}

/** What a decision needs for one attempt: pure `decide` over the folded stream. */
export interface Attempt<S, Ev> {
  readonly fold: (stream: ReadonlyArray<RecordedEvent>) => S
  /**
   * Loads the folded stream instead of reading it whole and calling `fold` (e.g. from a cache of
   * folded states). `fresh` is true after a conflict: then it must fold what the store holds now.
   */
  readonly load?: (fresh: boolean) => Promise<LoadedStream<S>>
  readonly decide: (state: S) => E.Either<DomainError, ReadonlyArray<Ev>>
  readonly toNewEvents: (events: ReadonlyArray<Ev>, state: S) => ReadonlyArray<NewEvent>
  /** Notices the new events cause, appended with them in one transaction (none when absent). */
  readonly outboxFor?: (newEvents: ReadonlyArray<NewEvent>, state: S) => ReadonlyArray<OutboxEntry>
}

/** The outcome of an accepted command. */
export interface Handled<Ev> {
  readonly stream: string
  /** The stream's version after the command (unchanged when nothing was appended). */
  readonly version: number
  readonly events: ReadonlyArray<Ev>
}

/** How hard to try before answering `Conflict`: at most `maxAttempts`, and no retry once `budgetMs` of back-off has been spent. */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly backoff: Backoff
  /** Total back-off, in milliseconds, after which no further attempt is made (default: none). */
  readonly budgetMs?: number
}

/**
 * Default: up to 100 attempts within 30 s of back-off, decorrelated jitter from 2 ms capped at
 * 250 ms. Eight writers on one talent need a handful of attempts each; the bound is for a stream
 * that never settles (see docs/architecture.md "Conflict").
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 100, backoff: decorrelatedJitter(), budgetMs: 30_000 }

/** The whole stream read and folded. */
const readAndFold = async <S, Ev>(store: EventStore, streamId: string, attempt: Attempt<S, Ev>): Promise<LoadedStream<S>> => {
  const recorded = await store.readStream(streamId)
  return { version: recorded.length === 0 ? 0 : recorded[recorded.length - 1]!.version, state: attempt.fold(recorded) }
}

/**
 * Runs one command against one stream. `prepare` is called on every attempt (numbered from 1) so
 * that context read from other streams (policies, organisations) is fresh after a conflict.
 */
export const handleCommand =
  <S, Ev>(
    store: EventStore,
    streamId: string,
    retry: RetryPolicy,
    prepare: (attempt: number) => Promise<E.Either<DomainError, Attempt<S, Ev>>>,
  ): TaskEither<DomainError, Handled<Ev>> =>
  async () => {
    const { maxAttempts, budgetMs } = retry
    let waitedMs = 0
    let previousMs = 0
    let attempt = 1
    for (; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        if (budgetMs !== undefined && waitedMs >= budgetMs) break
        previousMs = (await retry.backoff(attempt - 1, previousMs)) ?? 0
        waitedMs += previousMs
      }
      const plan = await prepare(attempt)
      if (E.isLeft(plan)) return plan
      const { version, state } = await (plan.right.load?.(attempt > 1) ?? readAndFold(store, streamId, plan.right))
      const decided = plan.right.decide(state)
      if (E.isLeft(decided)) return decided
      if (decided.right.length === 0) return E.right({ stream: streamId, version, events: [] })
      const newEvents = plan.right.toNewEvents(decided.right, state)
      const outbox = plan.right.outboxFor?.(newEvents, state) ?? []
      const appended = await store.append(streamId, newEvents, version === 0 ? 'no-stream' : version, outbox.length === 0 ? undefined : { outbox })
      if (appended.ok) return E.right({ stream: streamId, version: appended.result.version, events: decided.right })
    }
    const attempts = attempt - 1
    const bound = `${maxAttempts} attempts${budgetMs === undefined ? '' : ` or ${budgetMs} ms of back-off`}`
    return E.left(
      domainError(
        'Conflict',
        `stream ${streamId} kept changing under ${attempts} attempts and ${Math.round(waitedMs)} ms of back-off, past the retry bound (${bound}) that ordinary contention does not reach; nothing was stored: try again`,
        [
          { field: 'stream', message: streamId },
          { field: 'attempts', message: String(attempts) },
          { field: 'backoffMs', message: String(Math.round(waitedMs)) },
          { field: 'bound', message: bound },
        ],
      ),
    )
  }
