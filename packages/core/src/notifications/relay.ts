/**
 * The outbox relay (发件箱中继): claims due notices, renders each, hands it to its channel and records
 * what happened. Delivery is at least once: a row is marked delivered only after the channel said so,
 * and a claim is a lease, so a relay killed mid-delivery loses nothing (the lease runs out and the row
 * is claimed again, with the same idempotency key for the receiver to drop the duplicate).
 *
 * Outcomes: `delivered` marks the row; `retry` (or a thrown error, or a render that failed) schedules
 * it again with jittered exponential back-off, honouring `Retry-After`, until `maxAttempts` attempts
 * have been made, then parks it with the last reason; `rejected` parks it at once.
 *
 * NOTE: the relay claims only rows of the channels it has adapters for, so rows of other channels stay
 * free for a relay that can deliver them; nothing is parked for a configuration gap. Should a store
 * hand over a row of another channel anyway, it is left pending and untouched (counted as `skipped`)
 * until the claim's lease runs out.
 */
import type { Clock } from '../kernel/ports.js'
import type { Outbox, OutboxRecord } from '../kernel/outbox.js'
import type { DeliveryOutcome, Notice, NotificationChannel } from '../kernel/notification-channel.js'
import { addMs, retryDelayMs, type RelayBackoff } from './relay-backoff.js'

declare const setTimeout: (callback: () => void, ms: number) => unknown
declare const clearTimeout: (handle: unknown) => void

/** The part of an `AbortSignal` the relay uses (declared here: the core has no DOM or Node typings). */
export interface RelayAbortSignal {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** What the relay needs: the outbox, the channels it delivers to, and how to render a row. */
export interface RelayOptions {
  readonly outbox: Outbox
  readonly channels: ReadonlyArray<NotificationChannel>
  /** Turns a stored row into the notice to send (templates, locale); a rejection counts as a retry. */
  readonly render: (record: OutboxRecord) => Promise<Notice>
  readonly clock: Clock
  /** Attempts before a row that keeps failing is parked with its last reason (default 10). */
  readonly maxAttempts?: number
  /** Back-off between attempts (default base 1 s, cap 5 min). */
  readonly backoff?: RelayBackoff
  /** How long a claim holds its rows, in milliseconds (default 60 000). */
  readonly leaseMs?: number
  /** Rows claimed per round (default 50). */
  readonly batchSize?: number
  /** Sends in flight at once within a round (default 8). */
  readonly concurrency?: number
  /** Source of jitter in [0, 1) (default `Math.random`). */
  readonly random?: () => number
}

/** What one round did. `skipped` rows have no adapter here and stay pending. */
export interface RelayRound {
  readonly claimed: number
  readonly delivered: number
  readonly retried: number
  readonly parked: number
  readonly skipped: number
}

/** Sums over the rounds of one `run`. */
export interface RelayTotals extends RelayRound {
  readonly rounds: number
}

/** How `run` loops: until aborted, or (with `untilIdle`) until nothing it can deliver is pending. */
export interface RelayRunOptions {
  readonly signal?: RelayAbortSignal
  /** Wait between rounds that found nothing due, in milliseconds (default 1 000). */
  readonly idleMs?: number
  /** Stop once no pending row of a configured channel remains (every such row delivered or parked). */
  readonly untilIdle?: boolean
}

/** A relay over one outbox. */
export interface Relay {
  /** Claims one batch of due rows and settles each. */
  readonly runOnce: () => Promise<RelayRound>
  /** Rounds until the signal aborts (or the outbox is idle with `untilIdle`). */
  readonly run: (options?: RelayRunOptions) => Promise<RelayTotals>
}

/** Default attempts before parking. */
export const DEFAULT_MAX_ATTEMPTS = 10
/** Default claim lease (60 s). */
export const DEFAULT_LEASE_MS = 60_000

type Settled = 'delivered' | 'retried' | 'parked' | 'skipped'

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const emptyRound = (): { -readonly [K in keyof RelayTotals]: number } => ({ rounds: 0, claimed: 0, delivered: 0, retried: 0, parked: 0, skipped: 0 })

/** Waits `ms`, or less if the signal aborts. */
const sleep = (ms: number, signal?: RelayAbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
  })

/** Runs `work` over `items` with at most `limit` in flight; rejects with the first error once all have settled. */
const inPool = async <A, B>(items: ReadonlyArray<A>, limit: number, work: (a: A) => Promise<B>): Promise<B[]> => {
  const results: B[] = new Array<B>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!)
    }
  }
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  return results
}

/** Creates a relay; nothing runs until `runOnce` or `run` is called. */
export const createRelay = (o: RelayOptions): Relay => {
  const channels = new Map(o.channels.map((c) => [c.name, c] as const))
  const maxAttempts = Math.max(1, o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS
  const batchSize = o.batchSize ?? 50
  const concurrency = o.concurrency ?? 8
  const random = o.random ?? Math.random
  const backoff = o.backoff ?? {}

  const attempt = async (channel: NotificationChannel, record: OutboxRecord): Promise<DeliveryOutcome> => {
    let notice: Notice
    try {
      notice = await o.render(record)
    } catch (error) {
      return { kind: 'retry', reason: `render failed: ${reasonOf(error)}` }
    }
    try {
      return await channel.send(notice)
    } catch (error) {
      return { kind: 'retry', reason: reasonOf(error) }
    }
  }

  const settle = async (record: OutboxRecord): Promise<Settled> => {
    const channel = channels.get(record.channel)
    if (channel === undefined) return 'skipped'
    const outcome = await attempt(channel, record)
    const at = o.clock.now()
    switch (outcome.kind) {
      case 'delivered':
        await o.outbox.markDelivered(record.id, at)
        return 'delivered'
      case 'rejected':
        await o.outbox.park(record.id, `rejected: ${outcome.reason}`, at)
        return 'parked'
      case 'retry': {
        const attempts = record.attempts + 1
        if (attempts >= maxAttempts) {
          await o.outbox.park(record.id, `gave up after ${attempts} attempts: ${outcome.reason}`, at)
          return 'parked'
        }
        await o.outbox.markRetry(record.id, outcome.reason, addMs(at, retryDelayMs(backoff, attempts, random, outcome.retryAfterMs)))
        return 'retried'
      }
    }
  }

  const runOnce = async (): Promise<RelayRound> => {
    const now = o.clock.now()
    const claimed = await o.outbox.claim(now, batchSize, addMs(now, leaseMs), [...channels.keys()])
    const round = emptyRound()
    round.claimed = claimed.length
    for (const s of await inPool(claimed, concurrency, settle)) round[s]++
    const { rounds: _rounds, ...counts } = round
    return counts
  }

  /** Whether a pending row of a configured channel remains (due or not). */
  const workLeft = async (): Promise<boolean> => {
    for (const channel of channels.keys()) if ((await o.outbox.list({ status: 'pending', channel, limit: 1 })).length > 0) return true
    return false
  }

  const run = async (options: RelayRunOptions = {}): Promise<RelayTotals> => {
    const totals = emptyRound()
    const idleMs = options.idleMs ?? 1_000
    while (options.signal?.aborted !== true) {
      const round = await runOnce()
      totals.rounds++
      for (const k of ['claimed', 'delivered', 'retried', 'parked', 'skipped'] as const) totals[k] += round[k]
      if (round.claimed - round.skipped > 0) continue
      if (options.untilIdle === true && !(await workLeft())) break
      await sleep(idleMs, options.signal)
    }
    return totals
  }

  return { runOnce, run }
}
