/**
 * A subscription worker. It handles events one at a time in the order `readAll` returns them,
 * saving the checkpoint after each; it reads on every wake (a local append, a NOTIFY from another
 * process) and on a slow poll that is only a safety net. A handler that throws halts it before the
 * checkpoint passes the failed event; `caughtUp` then rejects with that error (the memory and
 * SQLite stores behave the same). `caughtUp` waits until it has handled up to the newest position
 * committed when it was called: an event committed behind a still-running appender is only handed
 * out once that appender finishes (see `sql-functions.ts`), so this may take a moment.
 */
import type { CheckpointStore, RecordedEvent, Subscription } from '@talent-ledger/core'
import type { Notifier } from './notifier.js'

/** How a subscription reads the log: a page of final events after a position. */
export type PageReader = (after: number, limit: number) => Promise<ReadonlyArray<RecordedEvent>>

const PAGE = 500

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
  let position: number | null = null
  let stopped = false
  let failure: { readonly error: unknown } | null = null
  let running: Promise<void> = Promise.resolve()
  let queued = false
  const drain = async (): Promise<void> => {
    queued = false
    if (failure !== null || stopped) return
    if (position === null) position = await ctx.checkpoints.load(name)
    for (;;) {
      const page = await ctx.read(position, PAGE)
      for (const e of page) {
        if (stopped) return
        await handler(e)
        position = e.globalPosition
        await ctx.checkpoints.save(name, position)
      }
      if (page.length < PAGE) return
    }
  }
  // at most one drain waits behind the running one; the chain never rejects (the failure is kept for `caughtUp`)
  const wake = (): Promise<void> => {
    if (!queued) {
      queued = true
      running = running.then(drain).catch((error: unknown) => void (failure ??= { error }))
    }
    return running
  }
  const unlisten = ctx.notifier.onWake(() => void wake())
  const timer = setInterval(() => {
    ctx.notifier.keepListening()
    void wake()
  }, ctx.pollMs)
  timer.unref()
  void wake()
  return {
    caughtUp: async () => {
      const target = await ctx.top()
      for (;;) {
        await wake()
        if (failure !== null) throw failure.error
        if (stopped || (position ?? 0) >= target) return
        // the newest events are committed behind a running appender: wait for its commit's wake
        await ctx.notifier.next(20)
      }
    },
    stop: async () => {
      stopped = true
      clearInterval(timer)
      unlisten()
      onStop()
      await running
    },
  }
}
