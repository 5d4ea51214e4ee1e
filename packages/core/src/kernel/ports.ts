/**
 * Ports: what the core needs from the outside world, and the guarantees an adapter must give.
 * Every store adapter passes the conformance suite in `@talent-ledger/testing`.
 */
import type { NewEvent, RecordedEvent } from './envelope.js'
import type { Outbox, OutboxEntry, OutboxRecord } from './outbox.js'

/** `number`: the stream must be exactly at that version (0 = empty); `no-stream`; `any`. */
export type ExpectedVersion = number | 'no-stream' | 'any'

/** The stream was not at the expected version. */
export interface WrongExpectedVersion {
  readonly code: 'Conflict'
  readonly streamId: string
  readonly expected: ExpectedVersion
  readonly actual: number
}

/** What a successful append tells. `version` is the stream's version after it. */
export interface AppendResult {
  readonly streamId: string
  readonly version: number
  readonly lastPosition: number
  /**
   * The hash of the last event of this append (of the original one on an idempotent retry); absent
   * for no events. Optional: a caller that keeps folded streams (`folded-streams.ts`) uses it to keep
   * what it just appended without reading it back, and reads it back from a store that does not tell.
   */
  readonly lastHash?: string
}

/**
 * What `append` answers, as a plain tagged value (no fp-ts at the port: adapters and embedders
 * need none). `ok: true`: the events are stored, or were already (an idempotent retry answers the
 * original `result`). `ok: false`: the stream was not at the expected version and nothing was
 * stored; `conflict` tells where it is. Any other failure (I/O, a corrupt row) rejects the promise.
 */
export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly conflict: WrongExpectedVersion }

/** Options of one append. */
export interface AppendOptions {
  /**
   * Notices caused by these events, stored in the same transaction (all or nothing with the
   * events). Not written again when the append is an idempotent retry of a stored batch.
   */
  readonly outbox?: ReadonlyArray<OutboxEntry>
}

/** One stream's part of a group append (`appendMany`): what one `append` call would take. */
export interface StreamAppend {
  readonly streamId: string
  readonly events: ReadonlyArray<NewEvent>
  readonly expected: ExpectedVersion
  /** Notices caused by these events, stored with them (as `AppendOptions.outbox`). */
  readonly outbox?: ReadonlyArray<OutboxEntry>
}

/**
 * What `appendMany` answers. `ok: true`: every request is stored (or was already: an idempotent
 * retry answers its original result), `results[i]` answering `requests[i]`. `ok: false`: nothing
 * at all was stored, and `conflicts` lists every request whose stream was not at its expected version.
 */
export type AppendManyOutcome =
  | { readonly ok: true; readonly results: ReadonlyArray<AppendResult> }
  | { readonly ok: false; readonly conflicts: ReadonlyArray<WrongExpectedVersion> }

/** A stream's head as the store keeps it: its version and the hash of its last event. */
export interface StoredStreamHead {
  readonly streamId: string
  readonly version: number
  readonly hash: string
}

/** Options for reading the whole log. */
export interface ReadAllOptions {
  /** Return events with `globalPosition` strictly greater than this (default 0: from the start). */
  readonly after?: number
  readonly limit?: number
  /**
   * Only events of these types, where the store can filter them out before parsing (absent: every
   * type); `limit` then counts the events returned. Optional to honour: a store may return the
   * other types too, so a reader still skips what it does not read. A replay that reads a few types
   * (the city report) is spared parsing the rest. Nothing else changes: the order, and that no event
   * committed later with a lower position is skipped.
   */
  readonly types?: ReadonlySet<string>
}

/**
 * A range of streams by id, in code-point order (SQLite's BINARY, PostgreSQL's COLLATE "C"): from
 * `from` (inclusive) up to `to` (exclusive); an absent bound leaves that side open. Verifiers split
 * the streams into such ranges to check them side by side.
 */
export interface StreamRange {
  readonly from?: string
  readonly to?: string
}

/** Where an audit page starts: after this key (absent: from the first row). */
export interface AuditPage<K> {
  readonly after?: K
  readonly limit: number
  /**
   * Only the rows of streams in this range (absent: every stream), for the reads ordered by stream
   * (`events`, `outboxByStream`). A store that ignores it returns more rows, never fewer: a
   * verifier skips the rows outside its range.
   */
  readonly streams?: StreamRange
}

/** The key of an events row in audit order. */
export interface EventKey {
  readonly streamId: string
  readonly version: number
}

/** The key of an outbox row in the audit's by-stream order. */
export interface OutboxKey {
  readonly streamId: string
  readonly id: string
}

/** A row of the log as `readAll` reaches it, without its content: what a verifier needs to follow the log's order. */
export interface LogKey {
  readonly globalPosition: number
  readonly streamId: string
  readonly version: number
  readonly hash: string
}

/**
 * The store's tables read as they are, for a verifier. `readAll` shows the log in its order, so a
 * row the log's order does not reach (a position of 0 or below, a row written behind the store's
 * back) never shows there; these reads enumerate the rows themselves, whatever their position, so
 * a verifier can compare the two. Rows are decoded as on every read (a corrupt one throws).
 */
export interface StoreAudit {
  /**
   * Every events row ordered by stream id (code-point order: SQLite's BINARY, PostgreSQL's
   * COLLATE "C") then version, whatever its `globalPosition`; the page after `after`.
   */
  readonly events: (page: AuditPage<EventKey>) => Promise<ReadonlyArray<RecordedEvent>>
  /** Every outbox row, whatever its status, ordered by id as the store orders them (any stable order); the page after `after`. */
  readonly outbox: (page: AuditPage<string>) => Promise<ReadonlyArray<OutboxRecord>>
  /**
   * Optional: every outbox row ordered by stream id (code-point order, as `events`) then id; the
   * page after `after`. With it a verifier matches the outbox stream by stream beside `events`,
   * holding one stream's rows at a time instead of the whole outbox.
   */
  readonly outboxByStream?: (page: AuditPage<OutboxKey>) => Promise<ReadonlyArray<OutboxRecord>>
  /**
   * Optional: the rows `readAll` returns for the same options, in the same order, as keys only
   * (no data or metadata to parse). A store offers it only where it reads the very rows `readAll`
   * reads (the same query but for its columns); a verifier then follows the log's order without
   * decoding every event a second time (the audit's `events` read has decoded each row).
   */
  readonly logKeys?: (options: ReadAllOptions) => Promise<ReadonlyArray<LogKey>>
}

/**
 * A running subscription. Delivery is at least once, in commit order. When the handler throws, the
 * subscription halts before its checkpoint passes the failed event; `caughtUp` rejects with the
 * error, and a new subscription of the same name starts again from that event.
 */
export interface Subscription {
  /** Resolves when everything committed before the call has been handled; rejects if the handler failed. */
  readonly caughtUp: () => Promise<void>
  readonly stop: () => Promise<void>
}

/** Stored positions of named subscriptions. */
export interface CheckpointStore {
  readonly load: (name: string) => Promise<number>
  readonly save: (name: string, position: number) => Promise<void>
}

/**
 * The event log. Guarantees: `append` is atomic (all events or none) and checks the expected
 * version; appending a batch whose event ids are already in the stream returns the original result
 * (idempotent retry); `readAll` returns events in commit order and never skips an event that a
 * concurrent writer commits later with a lower position.
 */
export interface EventStore {
  readonly append: (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion,
    options?: AppendOptions,
  ) => Promise<AppendOutcome>
  /**
   * Group commit (成组提交): several appends in one transaction, all stored or none. Requests are
   * taken in order, each with the guarantees of `append` (expected version, idempotent retry by
   * event id, outbox rows with its events) checked against its stream as the requests before it in
   * the call left it, so one stream may appear several times. Optional: a store without it still
   * serves every command; the ledger's `executeMany` then runs a batch one command at a time.
   */
  readonly appendMany?: (requests: ReadonlyArray<StreamAppend>) => Promise<AppendManyOutcome>
  readonly readStream: (streamId: string, fromVersion?: number) => Promise<ReadonlyArray<RecordedEvent>>
  readonly readAll: (options?: ReadAllOptions) => Promise<ReadonlyArray<RecordedEvent>>
  /**
   * Every stream's stored head, ordered by stream id. A verifier compares them with the events it
   * reads, which names a stream whose tail was cut off (the chain alone cannot see that).
   */
  readonly streamHeads: () => Promise<ReadonlyArray<StoredStreamHead>>
  /** The tables read row by row for a verifier (see `StoreAudit`). */
  readonly audit: StoreAudit
  readonly checkpoints: CheckpointStore
  /** Notices written with the events (see `AppendOptions.outbox`), for the relay. */
  readonly outbox: Outbox
  /** Calls `handler` for every event after the stored checkpoint of `name`, then for new ones, saving the checkpoint as it goes. */
  readonly subscribe: (name: string, handler: (event: RecordedEvent) => Promise<void> | void) => Subscription
  readonly close: () => Promise<void>
}

/**
 * What `forget` achieved. `complete`: no copy of the key is left in the store's files. Otherwise
 * the key can no longer be read through the store, but its bytes may still sit in a file (a reader
 * held an old snapshot) until `completeErasures` succeeds.
 */
export interface Erasure {
  readonly complete: boolean
}

/** A forgotten key whose bytes may still be in the store's files. */
export interface PendingErasure {
  readonly subjectId: string
  /** When `forget` ran (ISO 8601 UTC). */
  readonly forgottenAt: string
}

/** What `completeErasures` did: the subjects it finished, and those a reader still blocks. */
export interface ErasureCompletion {
  readonly completed: ReadonlyArray<string>
  readonly pending: ReadonlyArray<PendingErasure>
}

/**
 * Per-subject data keys for crypto-shredding. `keyFor` creates a 32-byte key on first use;
 * after `forget` the key is gone for good and `find` answers undefined. A store that cannot always
 * wipe the bytes at once reports the erasure as pending and finishes it in `completeErasures`.
 */
export interface KeyStore {
  readonly keyFor: (subjectId: string) => Promise<Uint8Array>
  readonly find: (subjectId: string) => Promise<Uint8Array | undefined>
  readonly forget: (subjectId: string) => Promise<Erasure>
  /** Forgotten keys whose bytes may still be in the store's files, oldest first. */
  readonly pendingErasures: () => Promise<ReadonlyArray<PendingErasure>>
  /** Tries again to wipe every pending erasure. */
  readonly completeErasures: () => Promise<ErasureCompletion>
}

/** Record time. */
export interface Clock {
  /** Now, as an ISO 8601 UTC timestamp. */
  readonly now: () => string
}
