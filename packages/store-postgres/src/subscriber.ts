/**
 * A subscription: the store kit's worker (events one at a time in the order `readAll` returns
 * them, the checkpoint saved after each, a failed handler halting it), woken on every local append
 * and NOTIFY from another process, and by a slow poll that is only a safety net. `caughtUp` rejects
 * with the handler's error once it has failed (the memory and SQLite stores behave the same), and
 * waits until it has handled up to the newest position committed when it was called: an event
 * committed behind a still-running appender is only handed out once that appender finishes (see
 * `sql-functions.ts`), so this may take a moment.
 */
import type { CheckpointStore, RecordedEvent, Subscription } from '@talent-ledger/core'
import { subscriptionWorker } from '@talent-ledger/core/store-kit'
import type { Notifier } from './notifier.js'

/** How a subscription reads the log: a page of final events after a position. */
export type PageReader = (after: number, limit: number) => Promise<ReadonlyArray<RecordedEvent>>

/** What a subscriber needs from its store. */
export interface SubscriberContext {
  readonly read: PageReader
  /** The newest committed position, final or not. */
  readonly top: () => Promise<number>
  readonly checkpoints: CheckpointStore
  readonly notifier: Notifier
  readonly pollMs: number
}

/** Starts a subscriber for `name`; it begins after the stored checkpoint. */
export const startSubscriber = (
  ctx: SubscriberContext,
  name: string,
  handler: (e: RecordedEvent) => Promise<void> | void,
  onStop: () => void,
): Subscription => {
  const worker = subscriptionWorker(ctx.read, ctx.checkpoints, name, handler)
  const unlisten = ctx.notifier.onWake(() => void worker.wake())
  const timer = setInterval(() => {
    ctx.notifier.keepListening()
    void worker.wake()
  }, ctx.pollMs)
  timer.unref()
  void worker.wake()
  return {
    caughtUp: async () => {
      const target = await ctx.top()
      for (;;) {
        await worker.wake()
        await worker.settled()
        if (worker.stopped() || worker.position() >= target) return
        // the newest events are committed behind a running appender: wait for its commit's wake
        await ctx.notifier.next(20)
      }
    },
    stop: async () => {
      clearInterval(timer)
      unlisten()
      onStop()
      await worker.stop()
    },
  }
}
