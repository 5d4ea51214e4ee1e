/**
 * The worker behind every store's subscriptions: it hands events to the handler one at a time in
 * commit order, saving the checkpoint after each. A store decides *when* it runs (after a local
 * append, on a poll, on a notification from another process) by calling `wake`; the worker makes
 * sure drains never overlap and that at most one waits behind the running one, so a burst of
 * wakes costs one extra read. A handler that throws halts the worker before the checkpoint passes
 * the failed event (at least once: a new subscription of the same name gets that event again);
 * `settled` then rejects with the error. No timers here: polling is the store's business.
 */
import type { RecordedEvent } from '../kernel/envelope.js'
import type { CheckpointStore } from '../kernel/ports.js'

/** How a subscription reads the log: up to `limit` events after position `after`, in commit order. */
export type LogPageReader = (after: number, limit: number) => ReadonlyArray<RecordedEvent> | Promise<ReadonlyArray<RecordedEvent>>

/** Events read per page while catching up. */
export const SUBSCRIPTION_PAGE = 500

/** A running subscription's worker, driven by its store. */
export interface SubscriptionWorker {
  /** Queues a drain behind the running one (unless one already waits); resolves when it is done, never rejects. */
  readonly wake: () => Promise<void>
  /** Waits for the drains queued so far; rejects with the handler's error once it has failed. */
  readonly settled: () => Promise<void>
  /** Stops after the event in hand and waits for the running drain. */
  readonly stop: () => Promise<void>
  /** Whether `stop` was called. */
  readonly stopped: () => boolean
  /** The position of the last event handled (the stored checkpoint before any; 0 until it is loaded). */
  readonly position: () => number
}

/** A worker for subscription `name`: it starts after the stored checkpoint on its first `wake`. */
export const subscriptionWorker = (
  read: LogPageReader,
  checkpoints: CheckpointStore,
  name: string,
  handler: (event: RecordedEvent) => Promise<void> | void,
  pageSize: number = SUBSCRIPTION_PAGE,
): SubscriptionWorker => {
  let position: number | null = null
  let stopped = false
  let failure: { readonly error: unknown } | null = null
  let running: Promise<void> = Promise.resolve()
  let queued = false
  const drain = async (): Promise<void> => {
    queued = false
    if (failure !== null || stopped) return
    if (position === null) position = await checkpoints.load(name)
    for (;;) {
      const page = await read(position, pageSize)
      for (const e of page) {
        if (stopped) return
        await handler(e)
        position = e.globalPosition
        await checkpoints.save(name, position)
      }
      if (page.length < pageSize) return
    }
  }
  // the chain never rejects (no unhandled rejections); the failure is kept for `settled`
  const wake = (): Promise<void> => {
    if (!queued) {
      queued = true
      running = running.then(drain).catch((error: unknown) => void (failure ??= { error }))
    }
    return running
  }
  return {
    wake,
    settled: async () => {
      await running
      if (failure !== null) throw failure.error
    },
    stop: async () => {
      stopped = true
      await running
    },
    stopped: () => stopped,
    position: () => position ?? 0,
  }
}
