/** The delivery-status summary the CLI prints, folded from outbox rows. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliveryStatusOf, type OutboxRecord } from '../../src/index.js'

const row = (id: string, over: Partial<OutboxRecord>): OutboxRecord => ({
  id, eventId: id.split(':')[0]!, streamId: 'talent-t-1', channel: 'email', recipient: 'talent:t-1', template: 'level-certified', locale: 'zh-CN',
  payload: {}, status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, createdAt: '2026-04-01T08:00:00.000Z', deliveredAt: null, ...over,
})

describe('deliveryStatusOf', () => {
  it('an empty outbox', () => {
    expect(deliveryStatusOf([], '2026-04-01T08:00:00.000Z', ['webhook', 'email', 'nats'])).toEqual({
      total: 0,
      counts: { pending: 0, delivered: 0, parked: 0 },
      byChannel: { webhook: { pending: 0, delivered: 0, parked: 0 }, email: { pending: 0, delivered: 0, parked: 0 }, nats: { pending: 0, delivered: 0, parked: 0 } },
      retrying: 0,
      oldestPending: null,
      parkedReasons: [],
    })
  })

  it('counts by status and channel, finds the oldest pending, groups parked reasons', () => {
    const rows = [
      row('a:email:talent:t-1', { status: 'delivered', attempts: 1, deliveredAt: '2026-04-01T08:00:01.000Z' }),
      row('b:webhook:employer:p', { channel: 'webhook', attempts: 2, lastError: 'HTTP 503', createdAt: '2026-04-01T07:59:00.000Z' }),
      row('c:nats:bureau', { channel: 'nats', createdAt: '2026-04-01T08:00:00.000Z' }),
      row('d:email:talent:t-2', { status: 'parked', attempts: 1, lastError: 'no address for talent:t-2' }),
      row('e:email:talent:t-3', { status: 'parked', attempts: 1, lastError: 'no address for talent:t-2' }),
      row('f:webhook:employer:q', { channel: 'webhook', status: 'parked', attempts: 8, lastError: 'HTTP 410' }),
    ]
    const s = deliveryStatusOf(rows, '2026-04-01T08:10:00.500Z', ['webhook', 'email', 'nats'])
    expect(s.total).toBe(6)
    expect(s.counts).toEqual({ pending: 2, delivered: 1, parked: 3 })
    expect(s.byChannel.webhook).toEqual({ pending: 1, delivered: 0, parked: 1 })
    expect(s.byChannel.email).toEqual({ pending: 0, delivered: 1, parked: 2 })
    expect(s.retrying).toBe(1)
    expect(s.oldestPending).toEqual({ id: 'b:webhook:employer:p', createdAt: '2026-04-01T07:59:00.000Z', ageSeconds: 660 })
    expect(s.parkedReasons).toEqual([{ reason: 'no address for talent:t-2', count: 2 }, { reason: 'HTTP 410', count: 1 }])
  })

  it('counts the channels asked for even at zero, then any other channel a row names', () => {
    const s = deliveryStatusOf([row('a:sms:talent:t-1', { channel: 'sms' }), row('b:email:talent:t-1', {})], '2026-04-01T08:00:00.000Z', ['webhook', 'email'])
    expect(Object.keys(s.byChannel)).toEqual(['webhook', 'email', 'sms'])
    expect(s.byChannel['sms']).toEqual({ pending: 1, delivered: 0, parked: 0 })
    expect(s.byChannel['webhook']).toEqual({ pending: 0, delivered: 0, parked: 0 })
    expect(Object.keys(deliveryStatusOf([], '2026-04-01T08:00:00.000Z').byChannel)).toEqual([])
  })

  it('does not depend on the order of the rows, and its counts add up', () => {
    const status = fc.constantFrom('pending', 'delivered', 'parked') as fc.Arbitrary<OutboxRecord['status']>
    const rows = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1 }), status, channel: fc.constantFrom('webhook', 'email', 'nats', 'sms'), minute: fc.integer({ min: 0, max: 59 }), lastError: fc.option(fc.constantFrom('a', 'b')) }),
      { selector: (r) => r.id },
    )
    fc.assert(
      fc.property(rows, (rs) => {
        const records = rs.map((r) => row(r.id, { status: r.status, channel: r.channel, lastError: r.lastError, createdAt: `2026-04-01T08:${String(r.minute).padStart(2, '0')}:00.000Z` }))
        const s = deliveryStatusOf(records, '2026-04-01T09:00:00.000Z', ['webhook', 'email', 'nats'])
        expect(deliveryStatusOf([...records].reverse(), '2026-04-01T09:00:00.000Z', ['webhook', 'email', 'nats'])).toEqual(s)
        expect(Object.values(s.byChannel).reduce((n, c) => n + c.pending + c.delivered + c.parked, 0)).toBe(s.total)
        expect(s.counts.pending + s.counts.delivered + s.counts.parked).toBe(s.total)
        expect(s.parkedReasons.reduce((n, r) => n + r.count, 0)).toBe(s.counts.parked)
      }),
    )
  })
})
