/**
 * Upcasting: events keep the `schemaVersion` they were written with; readers lift old versions to
 * the current shape before decoding. The log itself is never rewritten (its hashes cover the old form).
 */
import type { RecordedEvent } from './envelope.js'

/** Lifts `type` data from `fromVersion` to `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string
  readonly fromVersion: number
  readonly upcast: (data: unknown) => unknown
}

/** A function that lifts an event to the newest schema version known to the upcasters. */
export type Upcast = (event: RecordedEvent) => RecordedEvent

/** Builds the upcast function from a list of single-step upcasters. */
export const upcasterChain = (upcasters: ReadonlyArray<Upcaster>): Upcast => {
  // by type, then version: most types never changed, and their events pass on one lookup, no key built
  const byType = new Map<string, Map<number, Upcaster>>()
  for (const u of upcasters) {
    const steps = byType.get(u.type) ?? new Map<number, Upcaster>()
    byType.set(u.type, steps.set(u.fromVersion, u))
  }
  return (event) => {
    const steps = byType.get(event.type)
    if (steps === undefined) return event
    let current = event
    for (;;) {
      const step = steps.get(current.schemaVersion)
      if (step === undefined) return current
      current = { ...current, schemaVersion: current.schemaVersion + 1, data: step.upcast(current.data) }
    }
  }
}
