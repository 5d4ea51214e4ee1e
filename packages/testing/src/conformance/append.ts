/**
 * Conformance: appending. Versions start at 1 and run without gaps; the expected version is checked
 * exactly (`number`, `'no-stream'`, `'any'`) and a refusal is a typed `Conflict` naming the actual
 * version; a batch is stored whole or not at all; a retried batch (same event ids) returns the
 * original result and stores nothing new.
 */
import { describe, expect, it } from 'vitest'
import {
  expectAppended,
  expectConflict,
  expectStreamSealed,
  probe,
  probes,
  uniqueStream,
  withStore,
  type EventStoreFactory,
} from './fixtures.js'

/** Registers the append checks. */
export const appendConformance = (factory: EventStoreFactory): void => {
  describe('append', () => {
    it('numbers versions from 1 without gaps and reports the version and last position', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        const first = probes(3)
        const a = expectAppended(await store.append(s, first, 'no-stream'))
        expect(a.streamId).toBe(s)
        expect(a.version).toBe(3)
        const second = probes(2, 4)
        const b = expectAppended(await store.append(s, second, 3))
        expect(b.version).toBe(5)
        const stored = await store.readStream(s)
        expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
        expect(a.lastPosition).toBe(stored[2]!.globalPosition)
        expect(b.lastPosition).toBe(stored[4]!.globalPosition)
        await expectStreamSealed(store, s, [...first, ...second])
      })
    })

    it('accepts an exact expected version, 0 meaning the stream is empty', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        expectAppended(await store.append(s, [probe(1)], 0))
        expectAppended(await store.append(s, [probe(2)], 1))
        expect((await store.readStream(s)).map((e) => e.version)).toEqual([1, 2])
      })
    })

    it('refuses a stale or future expected version with Conflict and the actual version', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        expectConflict(await store.append(s, [probe(1)], 1), s, 1, 0)
        expectAppended(await store.append(s, probes(2), 0))
        expectConflict(await store.append(s, [probe(3)], 1), s, 1, 2)
        expectConflict(await store.append(s, [probe(3)], 0), s, 0, 2)
        expectConflict(await store.append(s, [probe(3)], 7), s, 7, 2)
        expect(await store.readStream(s)).toHaveLength(2)
      })
    })

    it("'no-stream' succeeds only on an empty stream", async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        expectAppended(await store.append(s, [probe(1)], 'no-stream'))
        expectConflict(await store.append(s, [probe(2)], 'no-stream'), s, 'no-stream', 1)
        expect(await store.readStream(s)).toHaveLength(1)
      })
    })

    it("'any' appends whatever the version", async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        const events = probes(3)
        expect(expectAppended(await store.append(s, [events[0]!], 'any')).version).toBe(1)
        expect(expectAppended(await store.append(s, events.slice(1), 'any')).version).toBe(3)
        await expectStreamSealed(store, s, events)
      })
    })

    it('stores nothing of a refused batch and leaves other streams alone', async () => {
      await withStore(factory, async (store) => {
        const [s, other] = [uniqueStream(), uniqueStream()]
        expectAppended(await store.append(other, [probe(0)], 'no-stream'))
        expectAppended(await store.append(s, [probe(1)], 'no-stream'))
        expectConflict(await store.append(s, probes(4, 2), 'no-stream'), s, 'no-stream', 1)
        expect(await store.readStream(s)).toHaveLength(1)
        expect(await store.readStream(other)).toHaveLength(1)
        expect(await store.readAll()).toHaveLength(2)
      })
    })

    it('stores no part of a batch that cannot be stored', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        // a BigInt has no JSON form, so the last event cannot be sealed; the first two must not be kept
        const batch = [probe(1), probe(2), probe(3, { n: BigInt(3) })]
        const outcome = await store.append(s, batch, 'no-stream').then(
          (r) => (r.ok ? 'stored' : 'refused'),
          () => 'rejected',
        )
        expect(outcome).not.toBe('stored')
        expect(await store.readStream(s)).toEqual([])
        expect(await store.readAll()).toEqual([])
        expectAppended(await store.append(s, probes(2), 'no-stream'))
      })
    })

    it('returns the original result for a retried batch and stores nothing new', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        expectAppended(await store.append(s, [probe(0)], 'no-stream'))
        const batch = probes(3, 1)
        const original = expectAppended(await store.append(s, batch, 1))
        expect(expectAppended(await store.append(s, batch, 1))).toEqual(original)
        expect(expectAppended(await store.append(s, batch, 'any'))).toEqual(original)
        // the retry of a writer whose first answer was lost arrives after the stream moved on
        expectAppended(await store.append(s, [probe(9)], 4))
        expect(expectAppended(await store.append(s, batch, 1))).toEqual(original)
        expect((await store.readStream(s)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
        expect(await store.readAll()).toHaveLength(5)
      })
    })

    it('keeps its own copy: changing an appended or a returned event changes nothing stored', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        const event = probe(1, { nested: { list: [1, 2] }, name: 'before' })
        const pristine = structuredClone(event)
        expectAppended(await store.append(s, [event], 'no-stream'))
        const data = event.data as { nested: { list: number[] }; name: string }
        data.name = 'after'
        data.nested.list.push(3)
        const read = await store.readStream(s)
        try {
          // a store may hand out frozen events instead of copies: then this throws, which is fine
          ;(read[0]!.data as { name: string }).name = 'changed by a reader'
        } catch {
          // frozen
        }
        await expectStreamSealed(store, s, [pristine])
      })
    })
  })
}
