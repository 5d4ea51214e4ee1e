// core's verifyLedger on a store that lists its outbox by stream (`audit.outboxByStream`): the
// outbox is matched stream by stream beside the events, one page at a time, and finds what the
// whole-outbox read finds — an intact city intact, a row with no event behind it (before, between
// and after the streams), a row moved to another stream, a row missing. The by-stream read is
// built here from the memory store's rows: pure logic, so a fake port will do.
import { describe, expect, it } from 'vitest'
import { compareCodePoints, createTalentLedger, verifyLedger, type OutboxKey, type OutboxRecord } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { simulateCity } from '@talent-ledger/testing'

const city = async () => {
  const store = createMemoryEventStore()
  const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: manualClock('2026-01-01T00:00:00.000Z') })
  for (const c of simulateCity({ talents: 20, seed: 11 }).commands) await ledger.execute(c)
  return store
}

type Store = Awaited<ReturnType<typeof city>>

/** The store with its outbox listed by stream, the rows changed by `change` first. */
const byStream = (store: Store, change: (rows: OutboxRecord[]) => OutboxRecord[] = (rows) => rows) => ({
  ...store,
  audit: {
    ...store.audit,
    outboxByStream: async ({ after, limit }: { readonly after?: OutboxKey; readonly limit: number }) => {
      const order = (a: OutboxKey, b: OutboxKey) => compareCodePoints(a.streamId, b.streamId) || compareCodePoints(a.id, b.id)
      const rows = change([...(await store.outbox.list())]).sort(order)
      return rows.filter((r) => after === undefined || order(r, after) > 0).slice(0, limit)
    },
  },
})

describe('verifyLedger with the outbox listed by stream', () => {
  it('finds a simulated city intact, in pages smaller than one stream', async () => {
    const store = await city()
    const rows = await store.outbox.list()
    expect(rows.length).toBeGreaterThan(20)
    expect(await verifyLedger(byStream(store), { outboxPageSize: 7 })).toMatchObject({ ok: true, outboxRows: rows.length })
    expect(await verifyLedger(byStream(store))).toEqual(await verifyLedger(store))
  })

  it('names a row with no event behind it before, between and after the streams, a moved row and a missing one, as the whole read does', async () => {
    const store = await city()
    const rows = await store.outbox.list()
    const [first, second] = rows
    const stray = (streamId: string): OutboxRecord => ({ ...first!, id: `${first!.eventId}:webhook:employer:${streamId}`, channel: 'webhook', streamId })
    const forge = (list: OutboxRecord[]): OutboxRecord[] => [
      ...list.filter((r) => r.id !== second!.id).map((r) => (r.id === first!.id ? { ...r, streamId: 'talent-moved' } : r)),
      stray('a-before-all'),
      stray(`${first!.streamId}~between`),
      stray('zz-after-all'),
    ]
    const verified = await verifyLedger(byStream(store, forge), { outboxPageSize: 4 })
    expect(verified.ok).toBe(false)
    if (verified.ok) return
    const reasons = verified.findings.map((f) => f.reason)
    for (const s of ['a-before-all', `${first!.streamId}~between`, 'zz-after-all', 'talent-moved'])
      expect(verified.findings).toContainEqual(expect.objectContaining({ stream: s, reason: expect.stringMatching(/has no event behind it/) }))
    expect(reasons).toContainEqual(expect.stringMatching(new RegExp(`^the outbox row ${first!.id} that version \\d+ implies is missing$`)))
    expect(reasons).toContainEqual(expect.stringMatching(new RegExp(`^the outbox row ${second!.id} that version \\d+ implies is missing$`)))
  })
})
