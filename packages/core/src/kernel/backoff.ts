/**
 * Back-off between retries of a conflicting append: randomised (decorrelated jitter), so writers
 * that collided do not collide again in lockstep. Timers exist on every JavaScript platform; they are
 * declared here rather than pulling in Node or DOM typings, which keeps the core portable.
 */
declare const setTimeout: (callback: () => void, ms: number) => unknown

/**
 * Waits before retry number `attempt` (1 = first retry), given the previous wait of this command in
 * milliseconds (0 before the first retry). Resolves to how long it waited, when it knows, so the
 * handler can hold a command to a time budget without reading a clock.
 */
export type Backoff = (attempt: number, previousMs: number) => Promise<number | void>

const sleep = (ms: number): Promise<number> => new Promise((resolve) => setTimeout(() => resolve(ms), ms))

/**
 * Decorrelated jitter: a random wait in [base, min(cap, 3 × previous wait)) milliseconds. Each
 * writer's waits drift apart from the others' instead of following one shared schedule, so writers
 * that collided spread out, and a writer that keeps losing still comes back often (the cap) rather
 * than falling ever further behind the ones that won.
 */
export const decorrelatedJitter =
  (baseMs = 2, capMs = 250, random: () => number = Math.random): Backoff =>
  (_attempt, previousMs) => {
    const upper = Math.min(capMs, Math.max(baseMs, previousMs) * 3)
    return sleep(Math.min(capMs, baseMs + random() * (upper - baseMs)))
  }

/** No wait at all (deterministic tests). */
export const noBackoff: Backoff = async () => undefined
