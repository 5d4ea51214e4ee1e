// The ledger keeps folded streams between commands and reads only the events after the version it
// folded. Those events must chain on to the hash it folded: a stream that is not the one it folded
// (here the store is swapped for another holding a different history) is folded again from the start.
// What it appends itself (one command, or a group) it keeps folded as decided, at the hash the append
// answered, so it does not read it back; a store that answers no hash has it read back.
import { describe, expect, it } from 'vitest'
import type { AppendResult, EventStore } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { assess, registerEmployer, registerTalent, setup } from './fixtures.js'

/** An EventStore that forwards to whichever store `current` names. */
const switchable = (first: EventStore) => {
  let current = first
  const reads: Array<number | undefined> = []
  const store: EventStore = {
    append: (...args) => current.append(...args),
    // group commit as the current store does it (each of these has one)
    appendMany: (...args) => current.appendMany!(...args),
    readStream: (stream, from) => {
      if (stream === 'talent-t-1') reads.push(from)
      return current.readStream(stream, from)
    },
    readAll: (...args) => current.readAll(...args),
    streamHeads: () => current.streamHeads(),
    get audit() {
      return current.audit
    },
    get checkpoints() {
      return current.checkpoints
    },
    get outbox() {
      return current.outbox
    },
    subscribe: (...args) => current.subscribe(...args),
    close: () => current.close(),
  }
  return { store, reads, switchTo: (next: EventStore) => void (current = next) }
}

describe('folded streams kept by the ledger', () => {
  it('folds a stream again when the events after its cached version do not chain on to it', async () => {
    const keys = createMemoryKeyStore()
    const one = createMemoryEventStore()
    const other = createMemoryEventStore()
    // the other store: the same talent with two certificates (a longer, different history)
    const writer = setup({ store: other, keys }).ledger
    for (const c of [registerEmployer, registerTalent(), assess('a-1', 'intermediate', '2026-03-01'), assess('a-2', 'senior', '2026-04-01')])
      expect((await writer.execute(c)).ok).toBe(true)

    const { store, reads, switchTo } = switchable(one)
    const { ledger } = setup({ store, keys })
    for (const c of [registerEmployer, registerTalent()]) expect((await ledger.execute(c)).ok).toBe(true)
    expect(await ledger.execute(assess('a-9', 'intermediate', '2026-03-01'))).toMatchObject({ ok: true, version: 3 })
    // the ledger has folded talent-t-1 of `one` up to version 1 or 3; now the store holds `other`
    switchTo(other)
    reads.length = 0
    // `other` already has a-2 (senior): a fold of `other` refuses a second senior certificate from a-3
    const result = await ledger.execute(assess('a-3', 'senior', '2026-04-02'))
    // read after the cached version, found events that do not chain on, read it all: no conflict, no retry
    expect(reads).toHaveLength(2)
    expect(reads[1]).toBeUndefined()
    expect(result).toEqual(await setup({ store: other, keys }).ledger.execute(assess('a-3', 'senior', '2026-04-02')))
    expect((await ledger.talentState('t-1')).certificates.map((c) => c.level)).toEqual(['intermediate', 'senior'])
  })

  it('keeps what it appended folded: the next command reads only what came after, one at a time and after a group', async () => {
    const { store, reads } = switchable(createMemoryEventStore())
    const { ledger } = setup({ store })
    for (const c of [registerEmployer, registerTalent()]) expect((await ledger.execute(c)).ok).toBe(true)
    reads.length = 0
    expect(await ledger.execute(assess('a-1', 'intermediate', '2026-03-01'))).toMatchObject({ ok: true, version: 3 })
    // registered at version 1 by this ledger: read from version 2 (nothing), never from the start
    expect(reads).toEqual([2])
    reads.length = 0
    const [accepted, refused] = await ledger.executeMany([assess('a-2', 'senior', '2026-04-01'), assess('a-3', 'senior', '2026-04-02')])
    if (!accepted!.ok || refused!.ok) throw new Error('the group should accept a-2 and refuse a-3 (a second senior certificate)')
    expect(reads).toEqual([4])
    reads.length = 0
    // the group's final state is kept: the same refusal again, read from after the group's last event only
    expect(await ledger.execute(assess('a-4', 'senior', '2026-04-03'))).toMatchObject({ ok: false, error: { code: refused!.error.code } })
    expect(reads).toEqual([accepted!.version + 1])
  })

  it('reads back what it appended when the store answers no hash of the last event', async () => {
    const { store: inner, reads } = switchable(createMemoryEventStore())
    const withoutHash = (r: AppendResult): AppendResult => ({ streamId: r.streamId, version: r.version, lastPosition: r.lastPosition })
    const store: EventStore = {
      ...inner,
      append: async (...args) => {
        const outcome = await inner.append(...args)
        return outcome.ok ? { ok: true, result: withoutHash(outcome.result) } : outcome
      },
    }
    const { ledger } = setup({ store })
    for (const c of [registerEmployer, registerTalent()]) expect((await ledger.execute(c)).ok).toBe(true)
    reads.length = 0
    expect(await ledger.execute(assess('a-1', 'intermediate', '2026-03-01'))).toMatchObject({ ok: true, version: 3 })
    // nothing kept after the registration's append: the whole stream is read
    expect(reads).toEqual([undefined])
  })
})
