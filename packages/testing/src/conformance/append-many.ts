/**
 * Conformance: group commit (`appendMany`). Several appends in one call are stored all or none;
 * each request keeps the guarantees of `append` (exact expected version checked against the
 * stream as the earlier requests of the call left it, idempotent retry by event id, its outbox rows
 * stored with it); a conflict anywhere stores nothing and names every conflicting request; groups
 * and single appends racing on one stream never both win a version; a reader tailing the log while
 * groups commit sees every event once, in commit order.
 */
import { describe, expect, it } from 'vitest'
import { verifyStream, type AppendManyOutcome, type AppendResult, type EventStore, type NewEvent, type OutboxEntry, type RecordedEvent, type StreamAppend } from '@talent-ledger/core'
import { expectAppended, expectIncreasingPositions, expectStreamSealed, probe, probes, uniqueStream, withStore, type EventStoreFactory } from './fixtures.js'

/** The store's `appendMany`; a store without it fails every check of this group. */
const appendManyOf = (store: EventStore): NonNullable<EventStore['appendMany']> => {
  const appendMany = store.appendMany
  if (appendMany === undefined) expect.fail('this store has no appendMany (group commit)')
  return appendMany
}

/** Asserts the group was stored and returns its results. */
const expectGroupStored = (outcome: AppendManyOutcome): ReadonlyArray<AppendResult> => {
  if (!outcome.ok) expect.fail(`the group was refused: ${JSON.stringify(outcome.conflicts)}`)
  return outcome.results
}

/** One webhook notice per event. */
const noticesFor = (streamId: string, events: ReadonlyArray<NewEvent>): OutboxEntry[] =>
  events.map((e) => ({
    id: `${e.eventId}:webhook:bureau`,
    eventId: e.eventId,
    streamId,
    channel: 'webhook' as const,
    recipient: 'bureau',
    template: 'conformance-probe',
    locale: 'zh-CN' as const,
    payload: { type: e.type },
  }))

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Registers the group-commit checks. */
export const appendManyConformance = (factory: EventStoreFactory): void => {
  describe('appendMany (group commit)', () => {
    it('stores every request of a group, one stream several times, with a result per request', () =>
      withStore(factory, async (store) => {
        const [a, b] = [uniqueStream(), uniqueStream()]
        const b0 = probe(0)
        expectAppended(await store.append(b, [b0], 'no-stream'))
        const [a1, b1, a2] = [probes(2, 1), probes(1, 10), probes(3, 20)]
        const results = expectGroupStored(
          await appendManyOf(store)([
            { streamId: a, events: a1, expected: 'no-stream' },
            { streamId: b, events: b1, expected: 1 },
            { streamId: a, events: a2, expected: 2 },
          ]),
        )
        expect(results.map((r) => [r.streamId, r.version])).toEqual([[a, 2], [b, 2], [a, 5]])
        const all = await store.readAll()
        expect(all.map((e) => e.eventId)).toEqual([b0, ...a1, ...b1, ...a2].map((e) => e.eventId))
        expectIncreasingPositions(all)
        expect(results.map((r) => r.lastPosition)).toEqual([all[2]!.globalPosition, all[3]!.globalPosition, all[6]!.globalPosition])
        await expectStreamSealed(store, a, [...a1, ...a2])
      }))

    it('stores nothing of a group when any request conflicts, and names every conflict', () =>
      withStore(factory, async (store) => {
        const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()]
        expectAppended(await store.append(b, probes(2), 'no-stream'))
        const outbox = noticesFor(a, probes(1, 5))
        const outcome = await appendManyOf(store)([
          { streamId: a, events: probes(1, 5), expected: 'no-stream', outbox },
          { streamId: b, events: [probe(7)], expected: 1 },
          { streamId: a, events: [probe(8)], expected: 1 },
          { streamId: c, events: [probe(9)], expected: 3 },
        ])
        expect(outcome).toEqual({
          ok: false,
          conflicts: [
            { code: 'Conflict', streamId: b, expected: 1, actual: 2 },
            { code: 'Conflict', streamId: c, expected: 3, actual: 0 },
          ],
        })
        expect(await store.readStream(a)).toEqual([])
        expect(await store.readAll()).toHaveLength(2)
        expect(await store.outbox.list()).toEqual([])
        // the store is usable after the rolled-back group
        expectGroupStored(await appendManyOf(store)([{ streamId: a, events: [probe(10)], expected: 'no-stream' }]))
        expect(await store.readStream(a)).toHaveLength(1)
      }))

    it('stores no part of a group one of whose events cannot be stored', () =>
      withStore(factory, async (store) => {
        const [a, b] = [uniqueStream(), uniqueStream()]
        const outcome = await appendManyOf(store)([
          { streamId: a, events: probes(2), expected: 'no-stream' },
          { streamId: b, events: [probe(3, { n: BigInt(3) })], expected: 'no-stream' },
        ]).then(
          (r) => (r.ok ? 'stored' : 'refused'),
          () => 'rejected',
        )
        expect(outcome).not.toBe('stored')
        expect(await store.readAll()).toEqual([])
        expectGroupStored(await appendManyOf(store)([{ streamId: a, events: probes(2), expected: 'no-stream' }]))
      }))

    it('answers a retried group with the original results and stores nothing new', () =>
      withStore(factory, async (store) => {
        const [a, b] = [uniqueStream(), uniqueStream()]
        const first = probes(2)
        const group: StreamAppend[] = [
          { streamId: a, events: first, expected: 'no-stream', outbox: noticesFor(a, first) },
          { streamId: b, events: probes(1, 5), expected: 'no-stream' },
        ]
        const original = expectGroupStored(await appendManyOf(store)(group))
        expect(expectGroupStored(await appendManyOf(store)(group))).toEqual(original)
        // one request already stored, one new: the stored one answers its original result
        const next = probes(1, 9)
        const mixed = expectGroupStored(await appendManyOf(store)([group[0]!, { streamId: a, events: next, expected: 2 }]))
        expect(mixed[0]).toEqual(original[0])
        expect(mixed[1]!.version).toBe(3)
        expect(await store.readAll()).toHaveLength(4)
        expect(await store.outbox.list()).toHaveLength(2)
      }))

    it('stores the notices of every request with the group, in request order', () =>
      withStore(factory, async (store) => {
        const [a, b] = [uniqueStream(), uniqueStream()]
        const [ea, eb] = [probes(2), probes(1, 5)]
        expectGroupStored(
          await appendManyOf(store)([
            { streamId: a, events: ea, expected: 'no-stream', outbox: noticesFor(a, ea) },
            { streamId: b, events: eb, expected: 'no-stream', outbox: noticesFor(b, eb) },
          ]),
        )
        const rows = await store.outbox.list()
        expect(rows.map((r) => r.id)).toEqual([...noticesFor(a, ea), ...noticesFor(b, eb)].map((n) => n.id))
        expect(rows.every((r) => r.status === 'pending')).toBe(true)
      }))

    it('lets a group and single appends racing on one stream win each version once', () =>
      withStore(factory, async (store) => {
        const s = uniqueStream()
        const other = uniqueStream()
        expectAppended(await store.append(s, [probe(0)], 'no-stream'))
        const group = appendManyOf(store)([
          { streamId: other, events: probes(1, 50), expected: 'no-stream' },
          { streamId: s, events: probes(2, 60), expected: 1 },
        ])
        const singles = Array.from({ length: 4 }, (_, i) => store.append(s, [probe(70 + i)], 1))
        const [g, ...rest] = await Promise.all([group, ...singles])
        const winners = [g!.ok, ...rest.map((r) => (r as { ok: boolean }).ok)].filter(Boolean)
        expect(winners).toHaveLength(1)
        const stored = await store.readStream(s)
        expect(stored.map((e) => e.version)).toEqual(g!.ok ? [1, 2, 3] : [1, 2])
        expect(await store.readStream(other)).toHaveLength(g!.ok ? 1 : 0)
      }))

    it("commits every one of several groups writing the same streams in opposite orders with 'any'", () =>
      withStore(factory, async (store) => {
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()]
        for (const s of streams) expectAppended(await store.append(s, [probe(0)], 'no-stream'))
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, g) =>
            appendManyOf(store)((g % 2 === 0 ? streams : [...streams].reverse()).map((s, i) => ({ streamId: s, events: [probe(100 * g + i)], expected: 'any' as const }))),
          ),
        )
        for (const o of outcomes) expectGroupStored(o)
        for (const s of streams) {
          const stored = await store.readStream(s)
          expect(stored.map((e) => e.version)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1))
          expect(verifyStream(s, stored)).toBeNull()
        }
      }))

    it('shows a reader tailing the log while groups commit every event once, in commit order', () =>
      withStore(factory, async (store) => {
        let writing = true
        const seen: RecordedEvent[] = []
        const reader = (async () => {
          for (;;) {
            const wasWriting = writing
            const page = await store.readAll({ after: seen.at(-1)?.globalPosition ?? 0, limit: 5 })
            seen.push(...page)
            if (page.length === 0) {
              if (!wasWriting) return
              await pause(1)
            }
          }
        })()
        const writers = Array.from({ length: 4 }, async (_, w) => {
          const streams = [uniqueStream(), uniqueStream()]
          for (let round = 0; round < 5; round++)
            expectGroupStored(
              await appendManyOf(store)(streams.map((s, i) => ({ streamId: s, events: [probe(w * 1000 + round * 10 + i)], expected: round === 0 ? 'no-stream' : round }))),
            )
        })
        await Promise.all(writers)
        writing = false
        await reader
        const all = await store.readAll()
        expect(all).toHaveLength(40)
        expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId))
        expectIncreasingPositions(seen)
      }))
  })
}
