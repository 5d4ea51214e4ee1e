/**
 * A poll-based subscription: the store kit's worker (events one at a time in commit order, the
 * checkpoint saved after each, a failed handler halting it) woken every `pollMs` (other processes
 * may append) and at once when this process appends. `caughtUp` rejects with the handler's error
 * once it has failed (same semantics as the memory store).
 */
import type { CheckpointStore, RecordedEvent, Subscription } from '@talent-ledger/core'
import { subscriptionWorker, type LogPageReader } from '@talent-ledger/core/store-kit'

/** How a subscription reads the log: a page of events after a position (synchronous here). */
export type PageReader = (after: number, limit: number) => ReadonlyArray<RecordedEvent>

/** A running subscription plus `wake`, which the store calls after a local append. */
export interface Subscriber extends Subscription {
  readonly wake: () => Promise<void>
}

/** Starts a subscriber for `name`; it begins after the stored checkpoint. */
export const startSubscriber = (
  read: PageReader,
  checkpoints: CheckpointStore,
  name: string,
  handler: (e: RecordedEvent) => Promise<void> | void,
  pollMs: number,
  onStop: () => void,
): Subscriber => {
  const worker = subscriptionWorker(read satisfies LogPageReader, checkpoints, name, handler)
  // a poll while a drain runs queues at most one more (the worker coalesces wakes), so a slow handler does not pile them up
  const timer = setInterval(() => void worker.wake(), pollMs)
  timer.unref()
  void worker.wake()
  return {
    wake: worker.wake,
    caughtUp: async () => {
      await worker.wake()
      await worker.settled()
    },
    stop: async () => {
      clearInterval(timer)
      onStop()
      await worker.stop()
    },
  }
}
