/**
 * Back-off between retries of a conflicting append: exponential with full jitter, so writers that
 * collided do not collide again in lockstep. Timers exist on every JavaScript platform; they are
 * declared here rather than pulling in Node or DOM typings, which keeps the core portable.
 */
declare const setTimeout: (callback: () => void, ms: number) => unknown

/** Waits before retry number `attempt` (1 = first retry). */
export type Backoff = (attempt: number) => Promise<void>

/** Full-jitter exponential back-off: a random wait in [0, min(cap, base·2^attempt)) milliseconds. */
export const jitteredBackoff =
  (baseMs = 2, capMs = 200, random: () => number = Math.random): Backoff =>
  (attempt) =>
    new Promise((resolve) => setTimeout(resolve, random() * Math.min(capMs, baseMs * 2 ** attempt)))

/** No wait at all (deterministic tests). */
export const noBackoff: Backoff = async () => undefined
