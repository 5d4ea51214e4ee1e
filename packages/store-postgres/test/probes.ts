/**
 * Probe events for the store tests: fresh ids, plain JSON data.
 */
import type { NewEvent } from '@talent-ledger/core'

/** `count` probe events numbered from `from`. */
export const probes = (count: number, from = 1): NewEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    eventId: globalThis.crypto.randomUUID(),
    type: 'StoreProbe',
    schemaVersion: 1,
    data: { n: from + i },
    metadata: {
      actor: { id: 'store-tests', role: 'auditor' },
      correlationId: `corr-${from + i}`,
      causationId: null,
      occurredOn: '2026-01-01',
      recordedAt: '2026-01-01T08:00:00.000Z',
    },
  }))
