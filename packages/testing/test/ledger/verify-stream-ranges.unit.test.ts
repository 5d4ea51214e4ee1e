// core's verifyLedger with its first pass split into ranges of streams (`streamPass`, as the CLI
// runs it in worker threads): for any number of ranges it answers exactly as one pass does — on an
// intact city, and on a city with a changed event, a head without events, outbox rows with no event
// behind them before, inside and after the ranges' bounds, a moved and a missing row — whether the
// store reads by range or ignores the range and lists everything. `streamRanges` covers every
// stream id, each head in exactly one range. Ranges run one after another here: pure logic.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareCodePoints,
  createTalentLedger,
  streamRanges,
  verifyLedger,
  verifyStreamRange,
  type AuditPage,
  type EventKey,
  type OutboxKey,
  type OutboxRecord,
  type RecordedEvent,
  type StoredStreamHead,
  type StreamPassRunner,
  type StreamRange,
} from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'

const city = async () => {
  const store = createMemoryEventStore()
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-01-01T00:00:00.000Z') })
  for (const c of simulateCity({ talents: 20, seed: 7 }).commands) await ledger.execute(c)
  return store
}

type Store = Awaited<ReturnType<typeof city>>

const inRange = (id: string, r: StreamRange | undefined): boolean =>
  r === undefined || ((r.from === undefined || compareCodePoints(id, r.from) >= 0) && (r.to === undefined || compareCodePoints(id, r.to) < 0))

interface Forgery {
  readonly events?: (rows: RecordedEvent[]) => RecordedEvent[]
  readonly heads?: (heads: StoredStreamHead[]) => StoredStreamHead[]
  readonly outbox?: (rows: OutboxRecord[]) => OutboxRecord[]
}

/** The store with its outbox listed by stream and its rows forged; `ranged`: its reads honour `AuditPage.streams` (else every row comes back). */
const forged = (store: Store, forgery: Forgery, ranged: boolean) => {
  const keep = (id: string, page: AuditPage<unknown>) => !ranged || inRange(id, page.streams)
  const eventOrder = (a: EventKey, b: EventKey) => compareCodePoints(a.streamId, b.streamId) || a.version - b.version
  const outboxOrder = (a: OutboxKey, b: OutboxKey) => compareCodePoints(a.streamId, b.streamId) || compareCodePoints(a.id, b.id)
  return {
    ...store,
    streamHeads: async () => (forgery.heads ?? ((h) => h))([...(await store.streamHeads())]).sort((a, b) => compareCodePoints(a.streamId, b.streamId)),
    audit: {
      ...store.audit,
      events: async (page: AuditPage<EventKey>) =>
        (forgery.events ?? ((r) => r))([...store.all()])
          .sort(eventOrder)
          .filter((e) => keep(e.streamId, page) && (page.after === undefined || eventOrder(e, page.after) > 0))
          .slice(0, page.limit),
      outboxByStream: async (page: AuditPage<OutboxKey>) =>
        (forgery.outbox ?? ((r) => r))([...(await store.outbox.list())])
          .sort(outboxOrder)
          .filter((r) => keep(r.streamId, page) && (page.after === undefined || outboxOrder(r, page.after) > 0))
          .slice(0, page.limit),
    },
  }
}

/** The first pass over `n` ranges, one after another, as a host's workers would answer. */
const inRanges =
  (audit: Parameters<typeof verifyStreamRange>[0], n: number): StreamPassRunner =>
  async (heads) => {
    const answers = []
    for (const { range, heads: own } of streamRanges(heads, n)) answers.push(await verifyStreamRange(audit, own, range, { pageSize: 60, outboxPageSize: 50 }))
    return answers
  }

const forgeries = async (store: Store): Promise<Record<string, Forgery>> => {
  const rows = await store.outbox.list()
  const [first, second] = rows
  const events = store.all()
  const victim = events[Math.floor(events.length / 2)]!
  const stray = (streamId: string): OutboxRecord => ({ ...first!, id: `${first!.eventId}:webhook:employer:${streamId}`, channel: 'webhook', streamId })
  const heads = await store.streamHeads()
  // the stream ids the ranges of 2–5 start at: a stray just before each lies in the range before it
  // (each once: an id is unique in the outbox, and pages start after a key)
  const bounds = [...new Set([2, 3, 5].flatMap((n) => streamRanges(heads, n).flatMap((r) => (r.range.from === undefined ? [] : [r.range.from]))))]
  return {
    intact: {},
    'a changed event': { events: (list) => list.map((e) => (e === victim ? { ...e, data: { ...(e.data as object), forged: true } } : e)) },
    'a head without events, one cut short': {
      heads: (list) => [...list.map((h) => (h.streamId === victim.streamId ? { ...h, version: h.version + 1 } : h)), { streamId: 'talent-ghost', version: 2, hash: 'a'.repeat(64) }],
    },
    'outbox rows with no event behind them, a moved and a missing row': {
      outbox: (list) => [
        ...list.filter((r) => r.id !== second!.id).map((r) => (r.id === first!.id ? { ...r, streamId: 'talent-moved' } : r)),
        stray('a-before-all'),
        stray('zz-after-all'),
        ...bounds.map((b) => stray(`${b.slice(0, -1)}`)),
        ...bounds.map((b) => stray(`${b}~`)),
      ],
    },
  }
}

describe('verifyLedger over ranges of streams', () => {
  it('answers as one pass does, for 2, 3 and 5 ranges, a store that reads by range or not, intact or forged', { timeout: 300_000 }, async () => {
    const store = await city()
    for (const [name, forgery] of Object.entries(await forgeries(store)))
      // a store that ignores the range: the forgery that puts rows either side of the ranges' bounds
      for (const ranged of name.startsWith('outbox') ? [true, false] : [true]) {
        const s = forged(store, forgery, ranged)
        const one = await verifyLedger(s, { pageSize: 60, outboxPageSize: 50 })
        expect(one.ok, name).toBe(name === 'intact')
        for (const n of [2, 3, 5]) expect(await verifyLedger(s, { streamPass: inRanges(s.audit, n) }), `${name}, ${n} ranges`).toEqual(one)
      }
  })

  it('answers as one pass does on a store that lists its outbox whole', async () => {
    const store = await city()
    const one = await verifyLedger(store)
    expect(one.ok).toBe(true)
    for (let n = 2; n <= 4; n++) expect(await verifyLedger(store, { streamPass: inRanges(store.audit, n) })).toEqual(one)
  })

  it('refuses a runner whose ranges leave streams out', async () => {
    const store = await city()
    const gap: StreamPassRunner = async (heads) => {
      const [a, b] = streamRanges(heads, 3)
      return [await verifyStreamRange(store.audit, a!.heads, a!.range), await verifyStreamRange(store.audit, [], { from: b!.range.to! })]
    }
    await expect(verifyLedger(store, { streamPass: gap })).rejects.toThrow(/cover every stream/)
  })
})

describe('streamRanges', () => {
  it('covers every stream id, in order, each head in exactly one range', () => {
    const heads = fc.uniqueArray(fc.record({ streamId: fc.string({ unit: 'binary', maxLength: 6 }), version: fc.nat(50), hash: fc.constant('0'.repeat(64)) }), { selector: (h) => h.streamId })
    fc.assert(
      fc.property(heads, fc.integer({ min: 1, max: 6 }), (list, n) => {
        const sorted = [...list].sort((a, b) => compareCodePoints(a.streamId, b.streamId))
        const ranges = streamRanges(sorted, n)
        expect(ranges.length).toBeGreaterThanOrEqual(1)
        expect(ranges.length).toBeLessThanOrEqual(n)
        expect(ranges[0]!.range.from).toBeUndefined()
        expect(ranges[ranges.length - 1]!.range.to).toBeUndefined()
        ranges.forEach((r, i) => i > 0 && expect(r.range.from).toBe(ranges[i - 1]!.range.to))
        expect(ranges.flatMap((r) => r.heads)).toEqual(sorted)
        for (const r of ranges) for (const h of r.heads) expect(inRange(h.streamId, r.range)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
