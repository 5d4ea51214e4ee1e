/**
 * Conformance: reading back. `readStream` returns a stream in version order (from a version when
 * asked); `readAll` returns the whole log in commit order with strictly increasing positions and
 * pages with `after`/`limit` without losing or repeating an event, with a filter by type too
 * (which a store may honour or not, but never by losing an event of those types); data and
 * metadata come back exactly as appended, whatever the script or nesting.
 */
import { describe, expect, it } from 'vitest'
import type { EventStore, NewEvent, RecordedEvent } from '@talent-ledger/core'
import {
  expectAppended,
  expectIncreasingPositions,
  expectStreamSealed,
  probe,
  probes,
  uniqueStream,
  withStore,
  type EventStoreFactory,
} from './fixtures.js'

/** Data that trips up serialisers: scripts, escapes, astral characters, nesting, every JSON kind. */
const awkwardData = {
  name: '张伟',
  note: '高技能人才 — “特级技师” 🏭 café naïve עברית',
  escapes: 'quote " backslash \\ slash / newline \n tab \t bell \u0007',
  numbers: { int: 42, negative: -7, fraction: 0.1, small: 1e-7, big: 9007199254740991, zero: 0 },
  flags: [true, false, null],
  empty: { object: {}, array: [], string: '' },
  deep: { a: { b: { c: { d: [{ e: ['五', { f: '级' }] }] } } } },
  '键 with spaces.and.dots': 'value',
}

/** What `fill` appended: per stream, and all of it in the order it was committed. */
interface Filled {
  readonly byStream: Map<string, NewEvent[]>
  readonly committed: NewEvent[]
}

/** Appends batches of one or two probes round-robin over `streams`, one append at a time. */
const fill = async (store: EventStore, streams: string[], rounds: number): Promise<Filled> => {
  const byStream = new Map<string, NewEvent[]>(streams.map((s) => [s, []]))
  const committed: NewEvent[] = []
  for (let r = 0; r < rounds; r++)
    for (const s of streams) {
      const batch = probes(1 + (r % 2), committed.length + 1)
      expectAppended(await store.append(s, batch, byStream.get(s)!.length))
      byStream.get(s)!.push(...batch)
      committed.push(...batch)
    }
  return { byStream, committed }
}

/** Reads the whole log in pages of `limit`, checking each page's size. */
const readPaged = async (store: EventStore, limit: number): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = []
  for (;;) {
    const page = await store.readAll({ after: out.at(-1)?.globalPosition ?? 0, limit })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length === 0) return out
  }
}

/** Registers the read checks. */
export const readingConformance = (factory: EventStoreFactory): void => {
  describe('reading', () => {
    it('reads an unknown stream and an empty log as empty', async () => {
      await withStore(factory, async (store) => {
        expect(await store.readStream(uniqueStream())).toEqual([])
        expect(await store.readAll()).toEqual([])
        expect(await store.readAll({ after: 10, limit: 5 })).toEqual([])
      })
    })

    it('reads a stream in version order, from a given version when asked', async () => {
      await withStore(factory, async (store) => {
        const [s, other] = [uniqueStream(), uniqueStream()]
        const { byStream } = await fill(store, [s, other], 4)
        const mine = byStream.get(s)!
        expect((await store.readStream(s)).map((e) => e.eventId)).toEqual(mine.map((e) => e.eventId))
        const from3 = await store.readStream(s, 3)
        expect(from3.map((e) => e.version)).toEqual(mine.slice(2).map((_, i) => i + 3))
        expect(from3.map((e) => e.eventId)).toEqual(mine.slice(2).map((e) => e.eventId))
        expect(await store.readStream(s, mine.length + 1)).toEqual([])
        await expectStreamSealed(store, s, mine)
        await expectStreamSealed(store, other, byStream.get(other)!)
      })
    })

    it('reads the log in commit order with strictly increasing positions', async () => {
      await withStore(factory, async (store) => {
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()]
        const { committed } = await fill(store, streams, 3)
        const all = await store.readAll()
        expect(all.map((e) => e.eventId)).toEqual(committed.map((e) => e.eventId))
        expectIncreasingPositions(all)
        for (const s of streams) expect(all.filter((e) => e.streamId === s)).toEqual(await store.readStream(s))
      })
    })

    it('pages with after and limit, losing and repeating nothing', async () => {
      await withStore(factory, async (store) => {
        await fill(store, [uniqueStream(), uniqueStream()], 5)
        const all = await store.readAll()
        expect(all).toHaveLength(14)
        for (const limit of [1, 4, 14, 100]) expect(await readPaged(store, limit)).toEqual(all)
        const cut = all[6]!.globalPosition
        expect(await store.readAll({ after: cut })).toEqual(all.slice(7))
        expect(await store.readAll({ after: cut, limit: 3 })).toEqual(all.slice(7, 10))
        expect(await store.readAll({ limit: 2 })).toEqual(all.slice(0, 2))
        expect(await store.readAll({ after: all.at(-1)!.globalPosition })).toEqual([])
      })
    })

    it('reads by type, in pages, every event of those types in log order (others only as the log has them)', async () => {
      await withStore(factory, async (store) => {
        const kinds = ['ProbeA', 'ProbeB', 'ProbeC']
        const s = uniqueStream()
        const events = probes(12).map((e, i) => ({ ...e, type: kinds[i % 3]! }))
        for (let i = 0; i < events.length; i += 2) expectAppended(await store.append(s, events.slice(i, i + 2), i))
        const all = await store.readAll()
        const wanted = new Set(['ProbeA', 'ProbeC'])
        for (const limit of [1, 3, 100]) {
          const read: RecordedEvent[] = []
          for (;;) {
            const page = await store.readAll({ after: read.at(-1)?.globalPosition ?? 0, limit, types: wanted })
            expect(page.length).toBeLessThanOrEqual(limit)
            read.push(...page)
            if (page.length < limit) break
          }
          // a store that filters returns exactly those; one that does not, the whole log: both in order, nothing lost
          expect(read.filter((e) => wanted.has(e.type))).toEqual(all.filter((e) => wanted.has(e.type)))
          expect(all.filter((e) => read.some((r) => r.eventId === e.eventId))).toEqual(read)
        }
        expect(await store.readAll({ after: all.at(-1)!.globalPosition, types: wanted })).toEqual([])
      })
    })

    it('returns data and metadata exactly as appended (unicode, escapes, nested JSON)', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream('人才-stream')
        const event: NewEvent = {
          ...probe(1, awkwardData),
          type: 'Probe类型',
          schemaVersion: 3,
          metadata: {
            actor: { id: '组织-7', role: 'employer' },
            correlationId: 'corr-相关-🔗',
            causationId: 'cause-原因',
            occurredOn: '2024-02-29',
            recordedAt: '2026-11-28T10:00:00.123Z',
          },
        }
        const plain = probe(2, ['a', 1, null, { '中': '文' }])
        expectAppended(await store.append(s, [event, plain], 'no-stream'))
        const [first, second] = await store.readStream(s)
        expect(first!.data).toStrictEqual(awkwardData)
        expect(first!.metadata).toStrictEqual(event.metadata)
        expect([first!.type, first!.schemaVersion, first!.streamId]).toEqual(['Probe类型', 3, s])
        expect(second!.data).toStrictEqual(plain.data)
        await expectStreamSealed(store, s, [event, plain])
        expect((await store.readAll())[0]!.data).toStrictEqual(awkwardData)
      })
    })
  })
}
