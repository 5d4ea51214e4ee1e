/**
 * What the store benchmarks ask of each store: append a batch with its expected version, read a
 * stream, read the log a page at a time. Each contender answers with core's `RecordedEvent`, so the
 * replay and the hash verification downstream are the same code for all of them, on SQLite and on
 * PostgreSQL.
 */
import type { RecordedEvent } from '@talent-ledger/core'
import type { Batch } from './workload.js'

/** One store under test, open on its own fresh file or schema. */
export interface Contender {
  readonly name: string
  /**
   * True when the store itself checks every envelope it reads with core's `RecordedEvent` codec
   * (ours): the replay then decodes only the event data (`decodeStored`); the others hand back parsed
   * JSON, so the replay checks the envelope too (`decodeRecorded`). Either way each envelope is
   * checked once.
   */
  readonly checksEnvelopes: boolean
  /**
   * True for the floor (the raw driver on a minimal table, no hash chain): it has no hashes to
   * verify and hands back envelopes without ids, so only its append and read phases are timed.
   */
  readonly floor?: boolean
  /** Appends one command's events; throws when the expected version does not match. */
  readonly append: (batch: Batch) => Promise<void>
  /** The stream's events in version order. */
  readonly readStream: (streamId: string) => Promise<ReadonlyArray<RecordedEvent>>
  /** Up to `limit` events after global position `after`, in position order. */
  readonly readAll: (after: number, limit: number) => Promise<ReadonlyArray<RecordedEvent>>
  /** Closes the store and removes what it created (the PostgreSQL contenders drop their schema). */
  readonly close: () => Promise<void>
}

/** Opens a contender on a new SQLite file at `where`, or in a new PostgreSQL schema named `where`. */
export type OpenContender = (where: string) => Promise<Contender>
