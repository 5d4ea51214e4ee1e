/**
 * A poll-based subscription worker. It handles events one at a time in commit order, saving the
 * checkpoint after each; it looks for new events every `pollMs` (other processes may append) and
 * at once when this process appends. A handler that throws halts it before the checkpoint passes
 * the failed event; `caughtUp` then rejects with that error (same semantics as the memory store).
 */
import type { CheckpointStore, RecordedEvent, Subscription } from '@talent-ledger/core'

/** How a subscription reads the log: a page of events after a position. */
export type PageReader = (after: number, limit: number) => ReadonlyArray<RecordedEvent>

const PAGE = 500

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
  let position: number | null = null
  let stopped = false
  let failure: { readonly error: unknown } | null = null
  let running: Promise<void> = Promise.resolve()
  const drain = async (): Promise<void> => {
    if (failure !== null || stopped) return
    if (position === null) position = await checkpoints.load(name)
    for (;;) {
      const page = read(position, PAGE)
      for (const e of page) {
        if (stopped) return
        await handler(e)
        position = e.globalPosition
        await checkpoints.save(name, position)
      }
      if (page.length < PAGE) return
    }
  }
  // the chain never rejects (no unhandled rejections); the failure is kept for `caughtUp`
  const wake = (): Promise<void> => (running = running.then(drain).catch((error: unknown) => void (failure ??= { error })))
  let idle = true
  const timer = setInterval(() => {
    // polls only when the last wake is done, so a slow handler does not queue up wakes
    if (!idle) return
    idle = false
    void wake().then(() => void (idle = true))
  }, pollMs)
  timer.unref()
  void wake()
  return {
    wake,
    caughtUp: async () => {
      await wake()
      await running
      if (failure !== null) throw failure.error
    },
    stop: async () => {
      stopped = true
      clearInterval(timer)
      onStop()
      await running
    },
  }
}
