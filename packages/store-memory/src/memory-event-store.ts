/**
 * The EventStore port in memory: for tests and demos. Same guarantees as the durable stores —
 * atomic appends with expected-version checks, idempotent retries by event id, `readAll` in commit
 * order, subscriptions behind stored checkpoints — but nothing survives the process.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  compareCodePoints,
  sealEvents,
  type AppendOptions,
  type AppendResult,
  type Clock,
  type CheckpointStore,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StoreAudit,
  type Subscription,
  type WrongExpectedVersion,
} from '@talent-ledger/core'
import { createMemoryOutbox } from './memory-outbox.js'

/** The in-memory store, with a view of its log for tests. */
export interface MemoryEventStore extends EventStore {
  /** Every event in commit order (a copy). */
  readonly all: () => RecordedEvent[]
}

/** Freezes a stored event all the way down, so a reader cannot change what its hash covers. */
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

const versionMatches = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === 0 : expected === actual)

/**
 * A subscription's worker: handles events one at a time, in order, saving the checkpoint after each.
 * A handler that throws halts it before the checkpoint moves past the failed event (at least once:
 * a new subscription of the same name gets that event again); `caughtUp` then rejects with the error.
 */
const subscriber = (
  store: { readonly after: (position: number) => RecordedEvent[] },
  checkpoints: CheckpointStore,
  name: string,
  handler: (e: RecordedEvent) => Promise<void> | void,
) => {
  let position: number | null = null
  let stopped = false
  let failure: { readonly error: unknown } | null = null
  let running: Promise<void> = Promise.resolve()
  const drain = async (): Promise<void> => {
    if (failure !== null) return
    if (position === null) position = await checkpoints.load(name)
    for (const e of store.after(position)) {
      if (stopped) return
      await handler(e)
      position = e.globalPosition
      await checkpoints.save(name, position)
    }
  }
  // the chain never rejects (no unhandled rejections); the failure is kept for `caughtUp`
  const wake = (): Promise<void> => (running = running.then(drain).catch((error: unknown) => void (failure ??= { error })))
  const settled = async (): Promise<void> => {
    await running
    if (failure !== null) throw failure.error
  }
  return { wake, stop: () => void (stopped = true), settled, drained: () => running }
}

/** Options of `createMemoryEventStore`. */
export interface MemoryEventStoreOptions {
  /** Record time of outbox rows (default: the system clock). */
  readonly clock?: Clock
}

/** Creates an empty in-memory event store. */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): MemoryEventStore => {
  const now = options.clock?.now ?? (() => new Date().toISOString())
  const outbox = createMemoryOutbox()
  const log: RecordedEvent[] = []
  const streams = new Map<string, RecordedEvent[]>()
  const checkpointValues = new Map<string, number>()
  const subscribers = new Set<ReturnType<typeof subscriber>>()

  const checkpoints: CheckpointStore = {
    load: async (name) => checkpointValues.get(name) ?? 0,
    save: async (name, position) => void checkpointValues.set(name, position),
  }

  const append = async (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion,
    appendOptions: AppendOptions = {},
  ): Promise<E.Either<WrongExpectedVersion, AppendResult>> => {
    const stream = streams.get(streamId) ?? []
    const actual = stream.length
    // a retried batch whose ids are already stored returns the original outcome
    const first = events[0]
    const existing = first === undefined ? undefined : stream.find((e) => e.eventId === first.eventId)
    if (existing !== undefined) {
      const last = stream.find((e) => e.eventId === events[events.length - 1]!.eventId) ?? existing
      return E.right({ streamId, version: last.version, lastPosition: last.globalPosition })
    }
    if (!versionMatches(expected, actual)) return E.left({ code: 'Conflict', streamId, expected, actual })
    if (events.length === 0) return E.right({ streamId, version: actual, lastPosition: log.length })
    const head = { streamId, version: actual, hash: stream[actual - 1]?.hash ?? '' }
    // NOTE: sealed from a copy, so a caller changing its objects later cannot change the log
    const sealed = sealEvents(head, structuredClone(events), (i) => log.length + i + 1).map(deepFreeze)
    streams.set(streamId, [...stream, ...sealed])
    log.push(...sealed)
    outbox.add(appendOptions.outbox ?? [], now())
    for (const s of subscribers) void s.wake()
    return E.right({ streamId, version: actual + sealed.length, lastPosition: log.length })
  }

  const readStream = async (streamId: string, fromVersion = 1): Promise<ReadonlyArray<RecordedEvent>> =>
    (streams.get(streamId) ?? []).filter((e) => e.version >= fromVersion)

  const readAll = async (options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> => {
    const after = options.after ?? 0
    return log.slice(after, options.limit === undefined ? undefined : after + options.limit)
  }

  const subscribe = (name: string, handler: (e: RecordedEvent) => Promise<void> | void): Subscription => {
    const s = subscriber({ after: (p) => log.slice(p) }, checkpoints, name, handler)
    subscribers.add(s)
    void s.wake()
    return {
      caughtUp: async () => {
        await s.wake()
        await s.settled()
      },
      stop: async () => {
        s.stop()
        subscribers.delete(s)
        await s.drained()
      },
    }
  }

  const streamHeads = async () =>
    [...streams.entries()]
      .map(([streamId, events]) => ({ streamId, version: events.length, hash: events[events.length - 1]!.hash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))

  // nothing but `append` writes here, so the rows are the log's; read in the audit's order all the same
  const audit: StoreAudit = {
    events: async ({ after, limit }) =>
      [...streams.keys()]
        .sort(compareCodePoints)
        .flatMap((id) => streams.get(id)!)
        .filter((e) => after === undefined || compareCodePoints(e.streamId, after.streamId) > 0 || (e.streamId === after.streamId && e.version > after.version))
        .slice(0, limit),
    outbox: async ({ after, limit }) =>
      outbox
        .rows()
        .sort((a, b) => compareCodePoints(a.id, b.id))
        .filter((r) => after === undefined || compareCodePoints(r.id, after) > 0)
        .slice(0, limit),
  }

  return { append, readStream, readAll, streamHeads, audit, checkpoints, outbox, subscribe, close: async () => undefined, all: () => [...log] }
}
