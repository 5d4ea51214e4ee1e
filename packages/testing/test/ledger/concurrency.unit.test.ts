// Optimistic concurrency: the handler retries on a stale expected version and answers Conflict
// only when the stream keeps changing.
import { describe, expect, it } from 'vitest'
import { verifyStream, type EventStore } from '@talent-ledger/core'
import { createMemoryEventStore } from '@talent-ledger/store-memory'
import { bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const honour = (i: number) => ({ type: 'ConferHonor', actor: bureau, data: { talentId: 't-1', title: `技术能手 ${i}`, grade: 'municipal', on: '2026-04-01' } })

/** A store whose first `conflicts` appends answer Conflict, as if another writer had just won. */
const flaky = (inner: EventStore, conflicts: number): EventStore => {
  let left = conflicts
  return {
    ...inner,
    append: async (stream, events, expected) => {
      if (left > 0) {
        left--
        return { ok: false, conflict: { code: 'Conflict', streamId: stream, expected, actual: -1 } }
      }
      return inner.append(stream, events, expected)
    },
  }
}

describe('command handler concurrency', () => {
  it('concurrent commands on one talent all land, with contiguous versions and an intact chain', async () => {
    const store = createMemoryEventStore()
    const a = setup({ store }).ledger
    const b = setup({ store }).ledger
    await a.execute(registerEmployer)
    await a.execute(registerTalent())
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).execute(honour(i))))
    expect(results.every((r) => r.ok)).toBe(true)
    const stream = await store.readStream('talent-t-1')
    expect(stream.map((e) => e.version)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(verifyStream('talent-t-1', stream)).toBeNull()
  })

  it('retries after a conflict and succeeds', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store: flaky(store, 3) })
    expect((await ledger.execute(registerEmployer)).ok).toBe(true)
    expect(store.all()).toHaveLength(1)
  })

  it('answers Conflict and stores nothing when the stream keeps changing', async () => {
    const store = createMemoryEventStore()
    const { ledger } = setup({ store: flaky(store, 1000) })
    const result = await ledger.execute(registerEmployer)
    expect(result).toMatchObject({ ok: false, error: { code: 'Conflict' } })
    expect(store.all()).toHaveLength(0)
  })
})
