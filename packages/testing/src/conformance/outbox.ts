/**
 * Conformance: the outbox and stream heads. Notices given to `append` are stored with the events
 * (none for a refused append, none again for an idempotent retry); `claim` leases due rows so a
 * second relay does not get them until the lease runs out; delivered, retried and parked rows move
 * as the port says; retention compacts delivered rows (only those delivered before its time, whole,
 * once, in as many calls as the limit makes it) to their columns and the hash of their payload;
 * `streamHeads` matches the last event of every stream.
 */
import { describe, expect, it } from 'vitest'
import { payloadSha256Of, type EventStore, type NewEvent, type OutboxEntry } from '@talent-ledger/core'
import { expectAppended, expectConflict, probes, uniqueStream, withStore, type EventStoreFactory } from './fixtures.js'

const T0 = '2026-03-01T08:00:00.000Z'
const T1 = '2026-03-01T08:00:30.000Z'
const T2 = '2026-03-01T08:01:00.000Z'

/** One notice per (event, recipient) on the webhook channel. */
const noticesFor = (streamId: string, events: ReadonlyArray<NewEvent>, recipients = ['bureau']): OutboxEntry[] =>
  events.flatMap((e) =>
    recipients.map((recipient) => ({
      id: `${e.eventId}:webhook:${recipient}`,
      eventId: e.eventId,
      streamId,
      channel: 'webhook' as const,
      recipient,
      template: 'conformance-probe',
      locale: 'zh-CN' as const,
      payload: { type: e.type, 级别: '高级技师', amount: 300_000 },
    })),
  )

/** Appends two events with three notices each and returns the notices. */
const seeded = async (store: EventStore): Promise<OutboxEntry[]> => {
  const stream = uniqueStream('outbox')
  const events = probes(2)
  const outbox = noticesFor(stream, events, ['bureau', 'talent:42', 'employer:org-7'])
  expectAppended(await store.append(stream, events, 'no-stream', { outbox }))
  return outbox
}

/** Registers the outbox and stream-head tests. */
export const outboxConformance = (factory: EventStoreFactory): void => {
  describe('outbox', () => {
    it('stores the notices of an append with it, pending, in the order given', () =>
      withStore(factory, async (store) => {
        const outbox = await seeded(store)
        const rows = await store.outbox.list()
        expect(rows.map(({ id, eventId, streamId, channel, recipient, template, locale, payload }) => ({ id, eventId, streamId, channel, recipient, template, locale, payload }))).toEqual(outbox)
        for (const r of rows) expect(r).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, deliveredAt: null })
        expect(await store.outbox.counts()).toEqual({ pending: 6, delivered: 0, parked: 0 })
      }))

    it('stores no notice for a refused append and none twice for a retried one', () =>
      withStore(factory, async (store) => {
        const stream = uniqueStream('outbox')
        const events = probes(1)
        const outbox = noticesFor(stream, events)
        expectAppended(await store.append(stream, events, 'no-stream', { outbox }))
        const refused = probes(1, 2)
        expectConflict(await store.append(stream, refused, 0, { outbox: noticesFor(stream, refused) }), stream, 0, 1)
        expectAppended(await store.append(stream, events, 'no-stream', { outbox }))
        expect((await store.outbox.list()).map((r) => r.id)).toEqual(outbox.map((o) => o.id))
      }))

    it('leases claimed rows until the lease runs out, and claims oldest first up to the limit', () =>
      withStore(factory, async (store) => {
        const outbox = await seeded(store)
        const first = await store.outbox.claim(T0, 4, T1)
        expect(first.map((r) => r.id)).toEqual(outbox.slice(0, 4).map((o) => o.id))
        expect((await store.outbox.claim(T0, 10, T1)).map((r) => r.id)).toEqual(outbox.slice(4).map((o) => o.id))
        expect(await store.outbox.claim(T0, 10, T1)).toEqual([])
        expect((await store.outbox.claim(T1, 10, T2)).length).toBe(6)
      }))

    it('claims only rows of the channels asked for, leaving the others free', () =>
      withStore(factory, async (store) => {
        const stream = uniqueStream('outbox')
        const events = probes(2)
        const webhook = noticesFor(stream, events)
        const email = webhook.map((n) => ({ ...n, id: n.id.replace(':webhook:', ':email:'), channel: 'email' as const }))
        expectAppended(await store.append(stream, events, 'no-stream', { outbox: [...webhook, ...email] }))
        expect((await store.outbox.claim(T0, 10, T1, ['email'])).map((r) => r.id)).toEqual(email.map((n) => n.id))
        expect((await store.outbox.claim(T0, 10, T1, ['nats'])).map((r) => r.id)).toEqual([])
        expect((await store.outbox.claim(T0, 10, T1, ['webhook', 'nats'])).map((r) => r.id)).toEqual(webhook.map((n) => n.id))
      }))

    it('moves rows to delivered, retry and parked, and requeues parked ones', () =>
      withStore(factory, async (store) => {
        const [a, b, c] = await seeded(store)
        await store.outbox.claim(T0, 10, T1)
        await store.outbox.markDelivered(a!.id, T0)
        await store.outbox.markRetry(b!.id, 'HTTP 503', T2)
        await store.outbox.park(c!.id, 'no address for bureau', T0)
        const byId = new Map((await store.outbox.list()).map((r) => [r.id, r]))
        expect(byId.get(a!.id)).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: T0, nextAttemptAt: null })
        expect(byId.get(b!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503', nextAttemptAt: T2 })
        expect(byId.get(c!.id)).toMatchObject({ status: 'parked', attempts: 1, lastError: 'no address for bureau' })
        // the retried row is not due before its time; the delivered and parked rows never are
        const due = (await store.outbox.claim(T1, 10, T2)).map((r) => r.id)
        expect(due).not.toContain(b!.id)
        expect(due).not.toContain(a!.id)
        expect(due).not.toContain(c!.id)
        expect((await store.outbox.claim(T2, 10, T2)).map((r) => r.id)).toContain(b!.id)
        await store.outbox.markDelivered(a!.id, T2)
        expect((await store.outbox.list({ status: 'delivered' })).map((r) => [r.id, r.attempts, r.deliveredAt])).toEqual([[a!.id, 1, T0]])
        expect(await store.outbox.list({ status: 'parked' })).toHaveLength(1)
        expect(await store.outbox.requeue()).toBe(1)
        expect(await store.outbox.counts()).toEqual({ pending: 5, delivered: 1, parked: 0 })
      }))
  })

  describe('outbox retention', () => {
    it('compacts delivered rows delivered before the time given, keeping their columns and the hash of their payload', () =>
      withStore(factory, async (store) => {
        const outbox = await seeded(store)
        const [a, b, c, d, e] = outbox
        await store.outbox.claim(T0, 10, T1)
        await store.outbox.markDelivered(a!.id, T0)
        await store.outbox.markDelivered(b!.id, T1)
        await store.outbox.markDelivered(c!.id, T2)
        await store.outbox.park(d!.id, 'no address for bureau', T0)
        await store.outbox.markRetry(e!.id, 'HTTP 503', T2)
        const before = new Map((await store.outbox.list()).map((r) => [r.id, r]))
        // delivered at T0 and T1, not at T2 (the bound is exclusive); never pending or parked rows
        expect(await store.outbox.compact(T2)).toBe(2)
        const after = await store.outbox.list()
        expect(after.map((r) => r.id)).toEqual(outbox.map((o) => o.id))
        for (const r of after) {
          const was = before.get(r.id)!
          if (r.id === a!.id || r.id === b!.id) {
            const { payload: _gone, ...kept } = was
            expect(r).toEqual({ ...kept, payload: {}, payloadSha256: payloadSha256Of(was.payload) })
          } else expect(r).toEqual(was)
        }
        expect(await store.outbox.counts()).toEqual({ pending: 2, delivered: 3, parked: 1 })
        // idempotent: nothing is left to compact before T2
        expect(await store.outbox.compact(T2)).toBe(0)
        expect(await store.outbox.list()).toEqual(after)
      }))

    it('compacts at most the limit per call, oldest delivery first, and goes on where it stopped', () =>
      withStore(factory, async (store) => {
        const outbox = await seeded(store)
        await store.outbox.claim(T0, 10, T1)
        // delivered newest first: retention takes them by delivery time, not by the order written
        const times = ['2026-03-01T08:05:00.000Z', '2026-03-01T08:04:00.000Z', '2026-03-01T08:03:00.000Z', '2026-03-01T08:02:00.000Z']
        for (const [i, at] of times.entries()) await store.outbox.markDelivered(outbox[i]!.id, at)
        const compacted = async () => (await store.outbox.list()).filter((r) => r.payloadSha256 !== undefined).map((r) => r.id)
        expect(await store.outbox.compact('2026-03-02T00:00:00.000Z', 3)).toBe(3)
        expect((await compacted()).sort()).toEqual([outbox[1]!.id, outbox[2]!.id, outbox[3]!.id].sort())
        expect(await store.outbox.compact('2026-03-02T00:00:00.000Z', 3)).toBe(1)
        expect(await store.outbox.compact('2026-03-02T00:00:00.000Z')).toBe(0)
        expect(await compacted()).toHaveLength(4)
        expect(await store.outbox.counts()).toEqual({ pending: 2, delivered: 4, parked: 0 })
      }))

    it('leaves a compacted row delivered for good: not claimed, requeued or delivered again', () =>
      withStore(factory, async (store) => {
        const [a] = await seeded(store)
        await store.outbox.claim(T0, 10, T1)
        await store.outbox.markDelivered(a!.id, T0)
        expect(await store.outbox.compact(T1)).toBe(1)
        const [compacted] = await store.outbox.list({ status: 'delivered' })
        expect(await store.outbox.requeue([a!.id])).toBe(0)
        await store.outbox.markDelivered(a!.id, T2)
        await store.outbox.markRetry(a!.id, 'HTTP 503', T2)
        await store.outbox.park(a!.id, 'gone', T2)
        expect((await store.outbox.claim(T2, 10, T2)).map((r) => r.id)).not.toContain(a!.id)
        expect(await store.outbox.list({ status: 'delivered' })).toEqual([compacted])
      }))
  })

  describe('stream heads', () => {
    it('lists every stream with the version and hash of its last event, ordered by stream id', () =>
      withStore(factory, async (store) => {
        const streams = [uniqueStream('heads-b'), uniqueStream('heads-a'), uniqueStream('heads-c')]
        for (const [i, s] of streams.entries()) expectAppended(await store.append(s, probes(i + 1), 'no-stream'))
        const expected = await Promise.all(
          streams.map(async (s) => {
            const events = await store.readStream(s)
            const last = events[events.length - 1]!
            return { streamId: s, version: last.version, hash: last.hash }
          }),
        )
        expected.sort((x, y) => (x.streamId < y.streamId ? -1 : 1))
        expect((await store.streamHeads()).map(({ streamId, version, hash }) => ({ streamId, version, hash }))).toEqual(expected)
      }))
  })
}
