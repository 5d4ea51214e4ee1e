/**
 * Probe events: plain JSON events with fresh ids that any store accepts, for tests that are about
 * storage (appends, reads, positions, corruption) rather than the domain. The conformance suite and
 * the stores' own tests use the same shape, each under its own type and actor.
 */
import type { NewEvent } from '@talent-ledger/core'

/** Who a probe says it is: the event type and the actor id (the role is always `auditor`). */
export interface ProbeOrigin {
  readonly type: string
  readonly actorId: string
}

/** Probe number `n` from `origin`, with a fresh id; `data` defaults to `{ n }`. */
export const probeEvent = (n: number, origin: ProbeOrigin, data: unknown = { n }): NewEvent => ({
  eventId: globalThis.crypto.randomUUID(),
  type: origin.type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: { id: origin.actorId, role: 'auditor' },
    correlationId: `corr-${n}`,
    causationId: null,
    occurredOn: '2026-01-01',
    recordedAt: '2026-01-01T08:00:00.000Z',
  },
})

const STORE_TESTS: ProbeOrigin = { type: 'StoreProbe', actorId: 'store-tests' }

/** `count` store-test probe events (`StoreProbe`, data `{ n }`) numbered from `from`. */
export const storeProbes = (count: number, from = 1): NewEvent[] => Array.from({ length: count }, (_, i) => probeEvent(from + i, STORE_TESTS))
