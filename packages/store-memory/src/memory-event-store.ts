/**
 * The EventStore port in memory: for tests and demos. Same guarantees as the durable stores —
 * atomic appends with expected-version checks, idempotent retries by event id, `readAll` in commit
 * order, subscriptions behind stored checkpoints — but nothing survives the process.
 */
import {
  compareCodePoints,
  type AppendManyOutcome,
  type AppendOptions,
  type AppendOutcome,
  type Clock,
  type CheckpointStore,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type OutboxEntry,
  type ReadAllOptions,
  type RecordedEvent,
  type StoreAudit,
  type StreamAppend,
  type Subscription,
} from '@talent-ledger/core'
import { appendInOrder, appendedOutcome, conflictOutcome, deepFreeze, sealEvents, subscriptionWorker, versionMatches, type SubscriptionWorker } from '@talent-ledger/core/store-kit'
import { createMemoryOutbox } from './memory-outbox.js'

/** The in-memory store, with a view of its log for tests. */
export interface MemoryEventStore extends EventStore {
  readonly appendMany: NonNullable<EventStore['appendMany']>
  /** Every event in commit order (a copy). */
  readonly all: () => RecordedEvent[]
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
  const subscribers = new Set<SubscriptionWorker>()

  const checkpoints: CheckpointStore = {
    load: async (name) => checkpointValues.get(name) ?? 0,
    save: async (name, position) => void checkpointValues.set(name, position),
  }

  /** One append into the log; the outbox rows of what it stored go to `notices`, for the caller to add once its whole group holds. */
  const appendOne = ({ streamId, events, expected, outbox: entries }: StreamAppend, notices: OutboxEntry[]): AppendOutcome => {
    const stream = streams.get(streamId) ?? []
    const actual = stream.length
    // a retried batch whose ids are already stored returns the original outcome
    const first = events[0]
    const existing = first === undefined ? undefined : stream.find((e) => e.eventId === first.eventId)
    if (existing !== undefined) {
      const last = stream.find((e) => e.eventId === events[events.length - 1]!.eventId) ?? existing
      return appendedOutcome({ streamId, version: last.version, lastPosition: last.globalPosition, lastHash: last.hash })
    }
    if (!versionMatches(expected, actual)) return conflictOutcome(streamId, expected, actual)
    if (events.length === 0) return appendedOutcome({ streamId, version: actual, lastPosition: log.length })
    const head = { streamId, version: actual, hash: stream[actual - 1]?.hash ?? '' }
    // NOTE: sealed from a copy, so a caller changing its objects later cannot change the log
    const sealed = sealEvents(head, structuredClone(events), (i) => log.length + i + 1).map(deepFreeze)
    // a new array per append: a group that is rolled back puts the old one back
    streams.set(streamId, [...stream, ...sealed])
    log.push(...sealed)
    notices.push(...(entries ?? []))
    return appendedOutcome({ streamId, version: actual + sealed.length, lastPosition: log.length, lastHash: sealed[sealed.length - 1]!.hash })
  }

  /** Adds the outbox rows of a committed append or group and wakes the subscribers (when it stored events). */
  const committed = (notices: ReadonlyArray<OutboxEntry>, stored: boolean): void => {
    if (!stored) return
    outbox.add(notices, now())
    for (const s of subscribers) void s.wake()
  }

  const append = async (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion,
    appendOptions: AppendOptions = {},
  ): Promise<AppendOutcome> => {
    const notices: OutboxEntry[] = []
    const before = log.length
    const outcome = appendOne({ streamId, events, expected, ...(appendOptions.outbox === undefined ? {} : { outbox: appendOptions.outbox }) }, notices)
    committed(notices, log.length > before)
    return outcome
  }

  const appendMany = async (requests: ReadonlyArray<StreamAppend>): Promise<AppendManyOutcome> => {
    const before = log.length
    const heads = new Map<string, RecordedEvent[] | undefined>()
    const notices: OutboxEntry[] = []
    let outcome: AppendManyOutcome
    try {
      outcome = appendInOrder(requests, (r) => {
        if (!heads.has(r.streamId)) heads.set(r.streamId, streams.get(r.streamId))
        return appendOne(r, notices)
      })
    } catch (error) {
      rollBack(before, heads)
      throw error
    }
    if (!outcome.ok) rollBack(before, heads)
    else committed(notices, log.length > before)
    return outcome
  }

  /** Puts the log and the touched streams back as they were before a group. */
  const rollBack = (length: number, heads: ReadonlyMap<string, RecordedEvent[] | undefined>): void => {
    log.length = length
    for (const [streamId, stream] of heads) {
      if (stream === undefined) streams.delete(streamId)
      else streams.set(streamId, stream)
    }
  }

  const readStream = async (streamId: string, fromVersion = 1): Promise<ReadonlyArray<RecordedEvent>> =>
    (streams.get(streamId) ?? []).filter((e) => e.version >= fromVersion)

  const readAll = async (options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> => {
    const after = options.after ?? 0
    const { types } = options
    if (types === undefined) return log.slice(after, options.limit === undefined ? undefined : after + options.limit)
    const found: RecordedEvent[] = []
    for (let i = after; i < log.length && (options.limit === undefined || found.length < options.limit); i++) if (types.has(log[i]!.type)) found.push(log[i]!)
    return found
  }

  const subscribe = (name: string, handler: (e: RecordedEvent) => Promise<void> | void): Subscription => {
    const s = subscriptionWorker((after, limit) => log.slice(after, after + limit), checkpoints, name, handler)
    subscribers.add(s)
    void s.wake()
    return {
      caughtUp: async () => {
        await s.wake()
        await s.settled()
      },
      stop: async () => {
        subscribers.delete(s)
        await s.stop()
      },
    }
  }

  const streamHeads = async () =>
    [...streams.entries()]
      .map(([streamId, events]) => ({ streamId, version: events.length, hash: events[events.length - 1]!.hash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))

  // nothing but `append` writes here, so the rows are the log's; read in the audit's order all the same
  const audit: StoreAudit = {
    events: async ({ after, limit, streams: range }) =>
      [...streams.keys()]
        .filter((id) => (range?.from === undefined || compareCodePoints(id, range.from) >= 0) && (range?.to === undefined || compareCodePoints(id, range.to) < 0))
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

  return { append, appendMany, readStream, readAll, streamHeads, audit, checkpoints, outbox, subscribe, close: async () => undefined, all: () => [...log] }
}
