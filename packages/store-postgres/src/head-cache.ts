/**
 * Stream heads the store has seen (its own appends, reads that reached a stream's end), so that an
 * append with an exact expected version usually needs no query to learn the hash it chains from.
 * Only a hint: `append_events` moves a head only if it is still the one given, and reports the
 * actual head otherwise. Bounded; the least recently used heads are dropped first.
 */
import type { ExpectedVersion } from '@talent-ledger/core'

/** A stream head: the version and hash of its last event (`{0, ''}` for an empty stream). */
export interface Head {
  readonly version: number
  readonly hash: string
}

/** The head of an empty stream. */
export const EMPTY_HEAD: Head = { version: 0, hash: '' }

/** A bounded map of stream heads. */
export class HeadCache {
  private readonly heads = new Map<string, Head>()

  constructor(private readonly capacity = 10_000) {}

  /** The head to seal against for `expected`, when known without asking the server. */
  known(streamId: string, expected: ExpectedVersion): Head | undefined {
    if (expected === 'no-stream' || expected === 0) return EMPTY_HEAD
    const head = this.heads.get(streamId)
    if (head === undefined || (expected !== 'any' && head.version !== expected)) return undefined
    return head
  }

  /** Notes the head of `streamId`. */
  remember(streamId: string, head: Head): void {
    this.heads.delete(streamId)
    this.heads.set(streamId, head)
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!)
  }

  /** Drops what is known of `streamId`. */
  forget(streamId: string): void {
    this.heads.delete(streamId)
  }
}
