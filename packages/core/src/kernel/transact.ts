/**
 * The command runner (命令执行): one generic, typed `transact(category, command)` for every
 * aggregate. Load the command's stream (folded, from the cache), load the context its category
 * reads, decide, envelope the events, append them with the expected version (and the notices they
 * cause, in the same transaction), and on a conflict start again from a fresh read: another writer
 * got there first, and deciding is pure, so a retry is always safe. Model: emmett's
 * `handleCommandWithDecider`. The retry bound is set far past what ordinary contention needs
 * (eight writers on one stream all get through), so `Conflict` means something unusual.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decorrelatedJitter, type Backoff } from './backoff.js'
import { eventDecoder, type Category, type DomainEvent, type Foldable, type Loaded, type StreamReader } from './category.js'
import type { RecordedEvent } from './envelope.js'
import { domainError, type DomainError } from './errors.js'
import { foldedStreams, type FoldedStreams, type StreamFold } from './folded-streams.js'
import type { EventStore } from './ports.js'
import { transactMany as transactManyOn } from './transact-many.js'
import type { BatchCommand, Transaction, Transacted, Transactor } from './transactor.js'
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

/** The runner over one store. */
export interface Runner {
  /** Decides a command of `category` on its stream and appends what it decides (retrying on conflict). */
  readonly transact: <C, Ev extends DomainEvent, S, X, Env>(
    category: Category<C, Ev, S, X, Env>,
    command: C,
    env: Env,
    transaction: Transaction<Ev, S>,
  ) => Promise<E.Either<DomainError, Transacted<Ev>>>
  /** Decides without appending: what `transact` would decide now (a dry run). */
  readonly decide: <C, Ev extends DomainEvent, S, X, Env>(category: Category<C, Ev, S, X, Env>, command: C, env: Env) => Promise<E.Either<DomainError, ReadonlyArray<Ev>>>
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

  const loadWith =
    (fresh: boolean): StreamReader =>
    async (category, id) => {
      const { version, state } = await folded.load(category.streamOf(id), foldOf(category), fresh)
      return { version, state }
    }

  /** One attempt's decision: the stream and context loaded (`fresh` after a conflict), then decided. */
  const attempt = async <C, Ev extends DomainEvent, S, X, Env>(category: Category<C, Ev, S, X, Env>, command: C, env: Env, fresh: boolean) => {
    const read = loadWith(fresh)
    const loaded: Loaded<S> = await read(category, category.idOf(command))
    const context = await category.context(command, loaded.state, env, read)
    return { loaded, decided: category.decide(command, loaded.state, context) }
  }

  const transact: Runner['transact'] = async (category, command, env, transaction) => {
    const stream = category.streamOf(category.idOf(command))
    const { maxAttempts, budgetMs } = retry
    let waitedMs = 0
    let previousMs = 0
    let n = 1
    for (; n <= maxAttempts; n++) {
      if (n > 1) {
        if (budgetMs !== undefined && waitedMs >= budgetMs) break
        previousMs = (await retry.backoff(n - 1, previousMs)) ?? 0
        waitedMs += previousMs
      }
      const { loaded, decided } = await attempt(category, command, env, n > 1)
      if (E.isLeft(decided)) return decided
      if (decided.right.length === 0) return E.right({ stream, version: loaded.version, events: [] })
      const envelopes = transaction.stamp(decided.right)
      const outbox = transaction.outbox?.(envelopes.map((envelope, i) => ({ envelope, event: decided.right[i]! })), loaded.state) ?? []
      const appended = await deps.store.append(stream, envelopes, loaded.version === 0 ? 'no-stream' : loaded.version, outbox.length === 0 ? undefined : { outbox })
      if (appended.ok) return E.right({ stream, version: appended.result.version, events: decided.right })
    }
    return E.left(conflict(stream, n - 1, waitedMs, retry))
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
        load: async (category, id, fresh) => loadWith(fresh)(category, id),
        wait: async (n) => {
          if (n > retry.maxAttempts || (retry.budgetMs !== undefined && waitedMs >= retry.budgetMs)) return false
          previousMs = (await retry.backoff(n - 1, previousMs)) ?? 0
          waitedMs += previousMs
          return true
        },
        conflict: (stream, attempts) => conflict(stream, attempts, waitedMs, retry),
      },
      commands,
    )
  }

  return { transact, decide, transactMany, load: loadWith(false), decodeOf }
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
