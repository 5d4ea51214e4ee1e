/**
 * How a store decides what an append answers, the same in every adapter: whether the stream's
 * head is where the caller expected it, the two outcomes of the port (`AppendOutcome`), and the
 * error for a retried batch whose first event is stored in another stream (a caller's bug, not a
 * conflict: the same event id cannot belong to two streams).
 */
import type { AppendOutcome, AppendResult, ExpectedVersion } from '../kernel/ports.js'

/** Whether a stream at version `actual` (0: no events) satisfies `expected`. */
export const versionMatches = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === 0 : expected === actual)

/** The outcome of an append that stored its events (or found them stored: an idempotent retry). */
export const appendedOutcome = (result: AppendResult): AppendOutcome => ({ ok: true, result })

/** The outcome of an append refused because `streamId` is at `actual`, not at `expected`; nothing was stored. */
export const conflictOutcome = (streamId: string, expected: ExpectedVersion, actual: number): AppendOutcome => ({
  ok: false,
  conflict: { code: 'Conflict', streamId, expected, actual },
})

/** The error of a batch whose first event `eventId` is already stored in `storedIn`, not in `streamId`. */
export const eventInAnotherStream = (eventId: string, storedIn: string, streamId: string): Error =>
  new Error(`event ${eventId} is already stored in stream ${storedIn}, not ${streamId}`)
