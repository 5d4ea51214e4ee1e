/**
 * The command runner (命令执行): one generic, typed `transact(category, command)` for every
 * aggregate. Load the command's stream (folded, from the cache), load the context its category
 * reads, decide, envelope the events, append them with the expected version (and the notices they
 * cause, in the same transaction), and on a conflict start again from a fresh read: another writer
 * got there first, and deciding is pure, so a retry is always safe. A category whose decision also
 * holds a place on another stream (`Category.linked`) has those events appended with its own in one
 * `appendMany`, expecting the version its context read; a store without `appendMany` appends them
 * first, and if the command's own events are then refused on a retry, `Category.unlinked` gives the
 * place back. Model: emmett's
 * `handleCommandWithDecider`. The retry bound is set far past what ordinary contention needs
 * (eight writers on one stream all get through), so `Conflict` means something unusual.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decorrelatedJitter, type Backoff } from './backoff.js'
import { eventDecoder, foldEvents, type Category, type DomainEvent, type Foldable, type Linked, type Loaded, type StreamReader } from './category.js'
import type { RecordedEvent } from './envelope.js'
import { domainError, type DomainError } from './errors.js'
import { foldedStreams, type FoldedStreams, type StreamFold } from './folded-streams.js'
import type { AppendResult, EventStore } from './ports.js'
import { transactMany as transactManyOn } from './transact-many.js'
import type { BatchCommand, Transaction, Transactor } from './transactor.js'
import type { Upcast } from './upcasting.js'

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

export type { Stamped, Transaction, Transacted, Transactor, BatchCommand } from './transactor.js'

/** The runner's dependencies. */
export interface RunnerDeps {
  readonly store: EventStore
  /** Lifts stored events to the current schema before a category decodes them (default: none). */
  readonly upcast?: Upcast
  readonly retry?: RetryPolicy
  /** How many streams to keep folded between commands (default 50,000; 0 keeps none). */
  readonly foldedStreams?: number
}

/**
 * The runner over one store: a `Transactor` (`transact` appends what it decides, retrying on a
 * conflict; `decide` is a dry run), plus group commit, folded reads and decoding.
 */
export interface Runner extends Transactor {
  /**
   * Group commit: runs `commands` in order against one view and commits what they decide in one
   * `appendMany` (see `transact-many.ts`); each keeps its own outcome. On a store without
   * `appendMany`, each command transacts on its own, in order.
   */
  readonly transactMany: <R>(commands: ReadonlyArray<BatchCommand<R>>) => Promise<ReadonlyArray<E.Either<DomainError, R>>>
  /** A stream of `category`, folded up to its last stored event (from the cache when it can). */
  readonly load: StreamReader
  /** Decodes a stored event of `category` (after upcasting). */
  readonly decodeOf: <Ev extends DomainEvent>(category: Pick<Foldable<Ev, unknown>, 'name' | 'events'>) => (row: RecordedEvent) => Ev
}

/** A runner over `deps.store`, with its own cache of folded streams. */
export const createRunner = (deps: RunnerDeps): Runner => {
  const retry = deps.retry ?? defaultRetryPolicy
  const upcast = deps.upcast ?? ((e: RecordedEvent) => e)
  const folded: FoldedStreams = foldedStreams(deps.store, deps.foldedStreams)
  // one fold and one decoder per category, made once: a command costs no closure allocation
  const folds = new WeakMap<object, StreamFold<unknown>>()

  const decodeOf = <Ev extends DomainEvent>(category: Pick<Foldable<Ev, unknown>, 'name' | 'events'>) => eventDecoder(category, upcast)

  const foldOf = <Ev extends DomainEvent, S>(category: Foldable<Ev, S>): StreamFold<S> => {
    const kept = folds.get(category) as StreamFold<S> | undefined
    if (kept !== undefined) return kept
    const decode = decodeOf(category)
    const made: StreamFold<S> = {
      initialState: category.initialState,
      foldRows: (from, rows) => {
        let state = from
        for (const row of rows) state = category.evolve(state, decode(row))
        return state
      },
    }
    folds.set(category, made as StreamFold<unknown>)
    return made
  }

  // made once each, not a reader per attempt
  const loadWith =
    (fresh: boolean): StreamReader =>
    async (category, id) => {
      // a copy of the two fields: every `Loaded` a decision reads has one shape (the batch's own are of it too)
      const { version, state } = await folded.load(category.streamOf(id), foldOf(category), fresh)
      return { version, state }
    }
  const readKept = loadWith(false)
  const readFresh = loadWith(true)

  /** One attempt's decision: the stream and context loaded (`fresh` after a conflict), then decided. */
  const attempt = async <C, Ev extends DomainEvent, S, X, Env>(category: Category<C, Ev, S, X, Env>, command: C, env: Env, fresh: boolean) => {
    const read = fresh ? readFresh : readKept
    const loaded: Loaded<S> = await read(category, category.idOf(command))
    const context = await category.context(command, loaded.state, env, read)
    return { loaded, context, decided: category.decide(command, loaded.state, context) }
  }

  /** Keeps the stream a command just appended to folded as decided (see `FoldedStreams.appended`). */
  const keepAppended = <Ev extends DomainEvent, S>(category: Foldable<Ev, S>, stream: string, loaded: Loaded<S>, events: ReadonlyArray<Ev>, result: AppendResult): void =>
    folded.appended(stream, result, { version: loaded.version + events.length, state: () => foldEvents(category, events, loaded.state) })

  /** Gives back the place a refused decision held on its linked stream (whatever that stream's version now). */
  const release = async <C>(unlinked: ((command: C, held: Linked, refusal: DomainError) => ReadonlyArray<DomainEvent>) | undefined, command: C, held: Linked | null, refusal: DomainError, stamp: Transaction<DomainEvent, unknown>['stamp']) => {
    if (held === null || unlinked === undefined) return
    const events = unlinked(command, held, refusal)
    if (events.length > 0) await deps.store.append(held.streamId, stamp(events), 'any')
  }

  const transact: Runner['transact'] = async (category, command, env, transaction) => {
    const stream = category.streamOf(category.idOf(command))
    const { maxAttempts, budgetMs } = retry
    let waitedMs = 0
    let previousMs = 0
    // the linked events this call appended (a place held on another stream), if any
    let held: Linked | null = null
    let n = 1
    for (; n <= maxAttempts; n++) {
      if (n > 1) {
        if (budgetMs !== undefined && waitedMs >= budgetMs) break
        previousMs = (await retry.backoff(n - 1, previousMs)) ?? 0
        waitedMs += previousMs
      }
      const { loaded, context, decided } = await attempt(category, command, env, n > 1)
      if (E.isLeft(decided)) {
        await release(category.unlinked, command, held, decided.left, transaction.stamp)
        return decided
      }
      if (decided.right.length === 0) return E.right({ stream, version: loaded.version, events: [] })
      const link = category.linked?.(command, loaded.state, context, decided.right) ?? null
      const expected = loaded.version === 0 ? 'no-stream' : loaded.version
      if (link !== null && link.events.length > 0 && deps.store.appendMany !== undefined) {
        // both streams in one transaction: the place is held only if the command's own events are stored
        // (stamped linked events first, as a batch stages them, so both paths envelope alike)
        const linkedEnvelopes = transaction.stamp(link.events)
        const envelopes = transaction.stamp(decided.right)
        const outbox = transaction.outbox?.(envelopes.map((envelope, i) => ({ envelope, event: decided.right[i]! })), loaded.state) ?? []
        const both = await deps.store.appendMany([
          { streamId: link.streamId, events: linkedEnvelopes, expected: link.expectedVersion === 0 ? 'no-stream' : link.expectedVersion },
          { streamId: stream, events: envelopes, expected, ...(outbox.length === 0 ? {} : { outbox }) },
        ])
        if (both.ok) {
          keepAppended(category, stream, loaded, decided.right, both.results[1]!)
          return E.right({ stream, version: both.results[1]!.version, events: decided.right })
        }
        continue
      }
      if (link !== null && link.events.length > 0) {
        const linked = await deps.store.append(link.streamId, transaction.stamp(link.events), link.expectedVersion === 0 ? 'no-stream' : link.expectedVersion)
        // the other stream moved since it was read: decide again on fresh reads of both
        if (!linked.ok) continue
        held = link
      }
      const envelopes = transaction.stamp(decided.right)
      const outbox = transaction.outbox?.(envelopes.map((envelope, i) => ({ envelope, event: decided.right[i]! })), loaded.state) ?? []
      const appended = await deps.store.append(stream, envelopes, expected, outbox.length === 0 ? undefined : { outbox })
      if (appended.ok) {
        keepAppended(category, stream, loaded, decided.right, appended.result)
        return E.right({ stream, version: appended.result.version, events: decided.right })
      }
    }
    const refusal = conflict(stream, n - 1, waitedMs, retry)
    await release(category.unlinked, command, held, refusal, transaction.stamp)
    return E.left(refusal)
  }

  const decide: Runner['decide'] = async (category, command, env) => (await attempt(category, command, env, false)).decided

  const transactMany: Runner['transactMany'] = async (commands) => {
    const store = deps.store
    const { appendMany } = store
    if (appendMany === undefined) {
      const one: Transactor = { transact, decide }
      const results = []
      for (const command of commands) results.push(await command(one))
      return results
    }
    let waitedMs = 0
    let previousMs = 0
    return transactManyOn(
      {
        store: { ...store, appendMany },
        load: (category, id, fresh) => (fresh ? readFresh : readKept)(category, id),
        wait: async (n) => {
          if (n > retry.maxAttempts || (retry.budgetMs !== undefined && waitedMs >= retry.budgetMs)) return false
          previousMs = (await retry.backoff(n - 1, previousMs)) ?? 0
          waitedMs += previousMs
          return true
        },
        conflict: (stream, attempts) => conflict(stream, attempts, waitedMs, retry),
        appended: (answer, after) => folded.appended(answer.streamId, answer, { version: after.version, state: () => after.state }),
      },
      commands,
    )
  }

  return { transact, decide, transactMany, load: readKept, decodeOf }
}

const conflict = (stream: string, attempts: number, waitedMs: number, { maxAttempts, budgetMs }: RetryPolicy): DomainError => {
  const bound = `${maxAttempts} attempts${budgetMs === undefined ? '' : ` or ${budgetMs} ms of back-off`}`
  return domainError(
    'Conflict',
    `stream ${stream} kept changing under ${attempts} attempts and ${Math.round(waitedMs)} ms of back-off, past the retry bound (${bound}) that ordinary contention does not reach; nothing was stored: try again`,
    [
      { field: 'stream', message: stream },
      { field: 'attempts', message: String(attempts) },
      { field: 'backoffMs', message: String(Math.round(waitedMs)) },
      { field: 'bound', message: bound },
    ],
  )
}
