/**
 * The relay's guarantee as a property: whatever the channel answers, in any order, after enough
 * rounds every row is delivered or parked (never both), its attempts equal the sends made for it and
 * never exceed `maxAttempts`, and the receiver got a row more than once only when the channel failed
 * after handing it over (the one duplicate at-least-once delivery allows).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRelay } from '@talent-ledger/core'
import { createMemoryEventStore, manualClock } from '@talent-ledger/store-memory'
import { plainRender, seedNotices } from '@talent-ledger/testing'
import { fakeChannel, type Step } from './fake-channel.js'

const step = fc.constantFrom<Step>('delivered', 'retry', 'retry-after', 'rejected', 'throw', 'lost-ack')

describe('relay property', () => {
  it('every row ends delivered or parked, attempts counted right, duplicates only after a lost acknowledgement', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        async (scripts, maxAttempts, concurrency, batchSize) => {
          const clock = manualClock('2026-03-01T09:00:00.000Z')
          const store = createMemoryEventStore({ clock })
          const entries = await seedNotices(store, { channel: 'webhook', events: scripts.length })
          const scriptOf = new Map(entries.map((e, i) => [e.id, scripts[i]!]))
          const channel = fakeChannel('webhook', (key) => scriptOf.get(key)!)
          const relay = createRelay({ outbox: store.outbox, channels: [channel], render: plainRender, clock, maxAttempts, concurrency, batchSize, backoff: { baseMs: 10, capMs: 1_000 } })
          const bound = scripts.length * (maxAttempts + 1) + 2
          for (let round = 0; round < bound && (await store.outbox.counts()).pending > 0; round++) {
            await relay.runOnce()
            clock.set(new Date(Date.parse('2026-03-02T00:00:00.000Z') + round * 86_400_000).toISOString()) // every retry is due
          }
          expect((await store.outbox.counts()).pending).toBe(0)
          for (const row of await store.outbox.list()) {
            const script = scriptOf.get(row.id)!
            const sends = channel.sends.get(row.id) ?? 0
            const used = Array.from({ length: sends }, (_, i) => script[i] ?? 'delivered')
            const receipts = channel.received.filter((k) => k === row.id).length
            const lostAcks = used.filter((s) => s === 'lost-ack').length
            expect(row.attempts).toBe(sends)
            expect(row.attempts).toBeLessThanOrEqual(maxAttempts)
            expect(receipts).toBeLessThanOrEqual(1 + lostAcks)
            if (row.status === 'delivered') {
              expect(used.at(-1)).toBe('delivered')
              expect(row.deliveredAt).not.toBeNull()
              expect(receipts).toBe(1 + lostAcks)
            } else {
              expect(row.status).toBe('parked')
              expect(row.deliveredAt).toBeNull()
              expect(used.at(-1) === 'rejected' || row.attempts === maxAttempts).toBe(true)
              expect(receipts).toBe(lostAcks)
            }
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
