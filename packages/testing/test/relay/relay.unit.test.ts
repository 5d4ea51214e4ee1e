/**
 * The relay's rules over the memory store's outbox, with a scripted channel: what each outcome does
 * to a row (delivered, retried with back-off and Retry-After, parked), what a thrown error or a failed
 * render counts as, rows of an unconfigured channel, the claim lease, and how `run` stops.
 */
import { describe, expect, it } from 'vitest'
import { createRelay, retryDelayMs, type OutboxRecord, type RelayOptions } from '@talent-ledger/core'
import { createMemoryEventStore, manualClock } from '@talent-ledger/store-memory'
import { plainRender, seedNotices } from '@talent-ledger/testing'
import { fakeChannel, type Step } from './fake-channel.js'

const T0 = '2026-03-01T09:00:00.000Z'

const setup = async (script: (key: string) => ReadonlyArray<Step>, events = 3, extra: Partial<RelayOptions> = {}) => {
  const clock = manualClock(T0)
  const store = createMemoryEventStore({ clock })
  const entries = await seedNotices(store, { channel: 'webhook', events })
  const channel = fakeChannel('webhook', script)
  const relay = createRelay({ outbox: store.outbox, channels: [channel], render: plainRender, clock, random: () => 0.5, backoff: { baseMs: 1_000, capMs: 8_000 }, ...extra })
  const row = async (id: string): Promise<OutboxRecord> => (await store.outbox.list()).find((r) => r.id === id)!
  return { clock, store, entries, channel, relay, row }
}

describe('relay outcomes', () => {
  it('delivers every due row once and marks it delivered with one attempt', async () => {
    const { store, entries, channel, relay } = await setup(() => [])
    expect(await relay.runOnce()).toEqual({ claimed: 3, delivered: 3, retried: 0, parked: 0, skipped: 0 })
    expect(channel.received).toEqual(entries.map((e) => e.id))
    const rows = await store.outbox.list()
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(entries.map(() => ['delivered', 1, null]))
    expect(await relay.runOnce()).toEqual({ claimed: 0, delivered: 0, retried: 0, parked: 0, skipped: 0 })
  })

  it('a retry is scheduled with full-jitter back-off and delivered once due', async () => {
    const { clock, entries, channel, relay, row } = await setup(() => ['retry', 'retry'], 1)
    expect((await relay.runOnce()).retried).toBe(1)
    const first = await row(entries[0]!.id)
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' })
    // random 0.5 × min(8 000, 1 000·2^0) = 500 ms after the attempt
    expect(Date.parse(first.nextAttemptAt!) - Date.parse(T0)).toBeGreaterThanOrEqual(500)
    expect(Date.parse(first.nextAttemptAt!) - Date.parse(T0)).toBeLessThan(510)
    expect((await relay.runOnce()).claimed).toBe(0) // not due yet
    clock.set(first.nextAttemptAt!)
    expect((await relay.runOnce()).retried).toBe(1)
    const second = await row(entries[0]!.id)
    expect(Date.parse(second.nextAttemptAt!) - Date.parse(first.nextAttemptAt!)).toBeGreaterThanOrEqual(1_000) // 0.5 × 2 000
    clock.set(second.nextAttemptAt!)
    expect((await relay.runOnce()).delivered).toBe(1)
    expect(await row(entries[0]!.id)).toMatchObject({ status: 'delivered', attempts: 3 })
    expect(channel.received).toEqual([entries[0]!.id])
  })

  it("honours the receiver's Retry-After when it is longer than the drawn wait", async () => {
    const { entries, relay, row } = await setup(() => ['retry-after'], 1)
    await relay.runOnce()
    const r = await row(entries[0]!.id)
    expect(Date.parse(r.nextAttemptAt!) - Date.parse(T0)).toBeGreaterThanOrEqual(120_000)
    expect(retryDelayMs({ baseMs: 1_000, capMs: 8_000 }, 1, () => 0.99, 10)).toBe(990) // a shorter Retry-After does not shorten the wait
    expect(retryDelayMs({ baseMs: 1_000, capMs: 8_000 }, 30, () => 0.999_999)).toBeLessThan(8_000) // the cap holds
  })

  it('a rejection parks the row at once with the reason', async () => {
    const { entries, relay, row, channel } = await setup(() => ['rejected'], 1)
    expect((await relay.runOnce()).parked).toBe(1)
    expect(await row(entries[0]!.id)).toMatchObject({ status: 'parked', attempts: 1, lastError: 'rejected: HTTP 404', nextAttemptAt: null })
    expect(channel.received).toEqual([])
  })

  it('a thrown error counts as a retry with its message; a failing render too', async () => {
    const { entries, relay, row } = await setup(() => ['throw'], 1)
    await relay.runOnce()
    expect(await row(entries[0]!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection refused' })
    const broken = await setup(() => [], 1, { render: async () => Promise.reject(new Error('template missing')) })
    await broken.relay.runOnce()
    expect(await broken.row(broken.entries[0]!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'render failed: template missing' })
    expect(broken.channel.sends.size).toBe(0)
  })

  it('parks after maxAttempts with the last reason', async () => {
    const { clock, entries, relay, row } = await setup(() => ['retry', 'throw', 'retry', 'throw'], 1, { maxAttempts: 3 })
    for (const next of ['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z']) {
      await relay.runOnce()
      clock.set(next)
    }
    expect(await row(entries[0]!.id)).toMatchObject({ status: 'parked', attempts: 3, lastError: 'gave up after 3 attempts: HTTP 503' })
  })
})

describe('relay configuration and leases', () => {
  it('claims only rows of channels it has adapters for, leaving the others pending, unleased and untouched', async () => {
    const clock = manualClock(T0)
    const store = createMemoryEventStore({ clock })
    const mail = await seedNotices(store, { channel: 'email', events: 2 })
    await seedNotices(store, { channel: 'webhook', events: 1 })
    const relay = createRelay({ outbox: store.outbox, channels: [fakeChannel('webhook', () => [])], render: plainRender, clock })
    expect(await relay.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, parked: 0, skipped: 0 })
    const pending = await store.outbox.list({ status: 'pending' })
    expect(pending.map((r) => [r.id, r.attempts, r.lastError])).toEqual(mail.map((m) => [m.id, 0, null]))
    expect(await relay.run({ untilIdle: true, idleMs: 1 })).toMatchObject({ rounds: 1, delivered: 0 }) // nothing it can deliver
    // not leased either: a relay with the e-mail adapter takes them at once
    expect((await store.outbox.claim(clock.now(), 10, clock.now(), ['email'])).map((r) => r.id)).toEqual(mail.map((m) => m.id))
  })

  it('a row claimed by a relay that died is claimed again once the lease runs out, not before', async () => {
    const { clock, store, entries, channel, relay } = await setup(() => [], 1, { leaseMs: 30_000 })
    await store.outbox.claim(clock.now(), 10, '2026-03-01T09:00:30.000Z') // the dead relay's claim
    expect((await relay.runOnce()).claimed).toBe(0)
    clock.set('2026-03-01T09:00:30.000Z')
    expect((await relay.runOnce()).delivered).toBe(1)
    expect(channel.received).toEqual([entries[0]!.id])
  })

  it('keeps at most `concurrency` sends in flight', async () => {
    const clock = manualClock(T0)
    const store = createMemoryEventStore({ clock })
    await seedNotices(store, { channel: 'nats', events: 12 })
    const channel = fakeChannel('nats', () => [], 'delivered', 5)
    const relay = createRelay({ outbox: store.outbox, channels: [channel], render: plainRender, clock, concurrency: 3, batchSize: 12 })
    expect((await relay.runOnce()).delivered).toBe(12)
    expect(channel.maxInFlight()).toBe(3)
  })

  it('run stops when idle (untilIdle) and when its signal aborts', async () => {
    const { channel, relay } = await setup(() => ['retry'], 4, { backoff: { baseMs: 1, capMs: 1 } })
    const totals = await relay.run({ untilIdle: true, idleMs: 5 })
    expect(totals).toMatchObject({ delivered: 4, retried: 4, parked: 0 })
    expect(channel.received).toHaveLength(4)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const idle = await relay.run({ signal: controller.signal, idleMs: 10_000 })
    expect(idle.delivered).toBe(0)
  })
})
