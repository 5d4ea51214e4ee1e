/**
 * Folded streams, kept between commands. Deciding a command needs the folded state of its own
 * stream and of the policy and organisation streams; refolding each from the first event made a
 * command cost grow with the history it touches. A ledger keeps, per stream, the state it folded,
 * the version it folded up to and the hash of that last event, and later reads only the events
 * after that version (`readStream(stream, version + 1)`), checking that they chain on to the cached
 * hash. What the ledger appends itself is kept folded as it decided it, at the hash its append
 * answered, rather than read back and folded again. The cache never decides alone whether a command is accepted: the append still carries the
 * expected version, and after a conflict the handler asks for a fresh fold from the first event.
 */
import type { RecordedEvent } from './envelope.js'
import type { AppendResult, EventStore } from './ports.js'

/** What an append answered of a stream: the version it left and, from a store that tells, the last hash. */
export type AppendAnswer = Pick<AppendResult, 'version' | 'lastHash'>

/** A stream folded up to `version`, whose last event has hash `hash` (`''` and 0 when empty). */
export interface FoldedStream<S> {
  readonly version: number
  readonly hash: string
  readonly state: S
}

/** How to fold one kind of stream: its initial state, and more rows onto a state. */
export interface StreamFold<S> {
  readonly initialState: S
  readonly foldRows: (state: S, rows: ReadonlyArray<RecordedEvent>) => S
}

/** The per-ledger cache of folded streams. */
export interface FoldedStreams {
  /**
   * The stream folded up to its last stored event. With `fresh`, every event is read and folded
   * again and the cached entry replaced (after a conflict, or when the caller trusts nothing kept).
   */
  readonly load: <S>(streamId: string, fold: StreamFold<S>, fresh?: boolean) => Promise<FoldedStream<S>>
  /**
   * Keeps a stream as its caller just appended to it: `after`, the state the caller folded the
   * appended events onto and the version they bring it to, at the last hash the append answered.
   * The next load then reads only what came after (and checks it chains on to that hash) instead of
   * reading back and folding again what this ledger itself decided. Only when the store answered a
   * hash and the version `after` expects: the append expected the version the state was decided
   * on, so the stored stream is that state plus these events; otherwise (a store that answers no
   * hash, an idempotent retry of another append) nothing is kept and the next load reads them back.
   * `after.state` is called only then.
   */
  readonly appended: <S>(streamId: string, answer: AppendAnswer, after: { readonly version: number; readonly state: () => S }) => void
  /** Drops what is kept of one stream. */
  readonly forget: (streamId: string) => void
}

/** The default number of streams a ledger keeps folded (the least recently used are dropped first). */
export const DEFAULT_FOLDED_STREAMS = 50_000

const foldAll = <S>(fold: StreamFold<S>, rows: ReadonlyArray<RecordedEvent>): FoldedStream<S> => {
  const last = rows[rows.length - 1]
  return last === undefined
    ? { version: 0, hash: '', state: fold.initialState }
    : { version: last.version, hash: last.hash, state: fold.foldRows(fold.initialState, rows) }
}

/** A cache of folded streams over `store`, keeping at most `capacity` streams (0: keep none). */
export const foldedStreams = (store: EventStore, capacity: number = DEFAULT_FOLDED_STREAMS): FoldedStreams => {
  const kept = new Map<string, FoldedStream<unknown>>()

  const keep = (streamId: string, folded: FoldedStream<unknown>): void => {
    if (capacity <= 0 || folded.version === 0) return
    const current = kept.get(streamId)
    // two loads of one stream may overlap: never replace a longer fold with a shorter one
    if (current !== undefined && current.version > folded.version) return
    // least recently used first out; while there is room the order does not matter, so a stream
    // already kept is moved to the back only when the cache is full (a Map delete per command costs)
    if (current !== undefined && kept.size < capacity) kept.set(streamId, folded)
    else {
      kept.delete(streamId)
      kept.set(streamId, folded)
      if (kept.size > capacity) kept.delete(kept.keys().next().value as string)
    }
  }

  const load = async <S>(streamId: string, fold: StreamFold<S>, fresh = false): Promise<FoldedStream<S>> => {
    const cached = fresh ? undefined : (kept.get(streamId) as FoldedStream<S> | undefined)
    if (cached !== undefined) {
      const after = await store.readStream(streamId, cached.version + 1)
      const first = after[0]
      if (first === undefined) {
        keep(streamId, cached)
        return cached
      }
      // the new events must continue the chain we folded; anything else means the stream is not
      // the one we folded (replaced, restored from a backup…): fold it again from the start
      if (first.version === cached.version + 1 && first.prevHash === cached.hash) {
        const last = after[after.length - 1]!
        const next: FoldedStream<S> = { version: last.version, hash: last.hash, state: fold.foldRows(cached.state, after) }
        keep(streamId, next)
        return next
      }
    }
    const folded = foldAll(fold, await store.readStream(streamId))
    if (fresh) kept.delete(streamId)
    keep(streamId, folded)
    return folded
  }

  const appended: FoldedStreams['appended'] = (streamId, answer, after) => {
    if (answer.lastHash === undefined || answer.version !== after.version) return
    keep(streamId, { version: after.version, hash: answer.lastHash, state: after.state() })
  }

  return { load, appended, forget: (streamId) => void kept.delete(streamId) }
}
