/**
 * What a store needs to keep projections for its callers, written once for every store: inline
 * projections (folded in the append transaction) and async ones (folded behind a checkpoint). The
 * I/O — loading and saving states, paging through the log, locking — stays in each store, because
 * one driver is synchronous (SQLite) and the other is not (PostgreSQL); the shapes, the defaults
 * and the folding live here so the stores cannot drift apart.
 */
import { decodeRecorded } from '../domain/decode.js'
import type { LedgerEvent } from '../domain/events.js'
import type { RecordedEvent } from '../kernel/envelope.js'
import type { Projection } from '../kernel/projection.js'

/** A projection's state as of a position in the log (快照). */
export interface ProjectionSnapshot<S = unknown> {
  /** Global position of the last event folded in (0: none). */
  readonly position: number
  readonly state: S
}

/** A projection the store updates in the append transaction (its state is kept under `projection.name`). */
// NOTE: `any` because each projection has its own state type; the store only folds it and moves it through JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface InlineProjection<S = any> {
  readonly projection: Projection<S, LedgerEvent>
  /** Decodes a stored event (default: core's `decodeRecorded()`, with the ledger's own upcasters). */
  readonly decode?: (row: RecordedEvent) => LedgerEvent
}

/** One inline projection as a store holds it: its decoder settled and its state, once loaded, kept in memory. */
export interface InlineProjectionEntry {
  readonly name: string
  readonly projection: Projection<unknown, LedgerEvent>
  readonly decode: (row: RecordedEvent) => LedgerEvent
  /** The state and the position it reflects; `undefined` until loaded, or after a rollback. */
  current: { position: number; state: unknown } | undefined
}

/** The entries of `list` by name, each with its decoder (default `decodeRecorded()`); throws on two with one name. */
export const inlineProjectionEntries = (list: ReadonlyArray<InlineProjection>): ReadonlyMap<string, InlineProjectionEntry> => {
  const byName = new Map<string, InlineProjectionEntry>()
  const defaultDecode = decodeRecorded()
  for (const { projection, decode } of list) {
    if (byName.has(projection.name)) throw new Error(`two inline projections are named ${projection.name}`)
    byName.set(projection.name, { name: projection.name, projection, decode: decode ?? ((row) => defaultDecode(row).event), current: undefined })
  }
  return byName
}

/** A projection's state resumed from what was stored (position 0 and a fresh state when nothing was). */
export const resumeFrom = <S>(projection: Pick<Projection<S, never>, 'initialState'>, stored: ProjectionSnapshot<S> | undefined): { position: number; state: S } => ({
  position: stored?.position ?? 0,
  state: stored?.state ?? projection.initialState(),
})

/** Folds `events` (in log order) into `current` with the entry's decoder and moves its position to the last one's. */
export const foldInto = (entry: InlineProjectionEntry, current: { position: number; state: unknown }, events: ReadonlyArray<RecordedEvent>): void => {
  for (const e of events) current.state = entry.projection.apply(current.state, entry.decode(e))
  if (events.length > 0) current.position = events[events.length - 1]!.globalPosition
}

/** Options of a store's `runAsyncProjection`. */
export interface AsyncProjectionOptions {
  /** Row and subscription name; must differ from the store's inline projection names. */
  readonly name: string
  /** Store state and checkpoint at least every this many events during a catch-up (default 500). */
  readonly saveEvery?: number
}

/** How many events an async projection folds, at most, between two saves during a catch-up, unless told. */
export const DEFAULT_ASYNC_SAVE_EVERY = 500

/** A running async projection. */
export interface AsyncProjection<S> {
  /** The in-memory state and the position it reflects (the live object: read it, do not change it). */
  readonly current: () => { readonly position: number; readonly state: S }
  /** Resolves when every event committed before the call is folded in and stored; rejects if folding failed. */
  readonly caughtUp: () => Promise<void>
  /** Stores the state and stops the subscription. */
  readonly stop: () => Promise<void>
}
