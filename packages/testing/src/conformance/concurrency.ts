/**
 * Conformance: writers at the same time. On one stream with the same expected version exactly one
 * appender wins each version and the rest get `Conflict`; on different streams nothing is lost; a
 * reader tailing the log while writers run sees every event once, in commit order (the guarantee
 * that lets async projections trust their checkpoint).
 */
import { describe, expect, it } from 'vitest'
import type { EventStore, NewEvent, RecordedEvent } from '@talent-ledger/core'
import {
  expectAppended,
  expectConflict,
  expectIncreasingPositions,
  expectStreamSealed,
  probe,
  probes,
  uniqueStream,
  withStore,
  type EventStoreFactory,
} from './fixtures.js'

const APPENDERS = 8

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Appends `count` single events to `streamId`, one after another with exact expected versions. */
const writeSequentially = async (store: EventStore, streamId: string, count: number, seed: number): Promise<NewEvent[]> => {
  const written: NewEvent[] = []
  for (let i = 0; i < count; i++) {
    const event = probe(seed + i)
    expectAppended(await store.append(streamId, [event], i === 0 ? 'no-stream' : i))
    written.push(event)
  }
  return written
}

/** Tails the log in small pages until `finished()` was true before a read that found nothing. */
const tail = async (store: EventStore, finished: () => boolean): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = []
  for (;;) {
    const wasFinished = finished()
    const page = await store.readAll({ after: seen.at(-1)?.globalPosition ?? 0, limit: 7 })
    seen.push(...page)
    if (page.length === 0) {
      if (wasFinished) return seen
      await pause(1)
    }
  }
}

/** Registers the concurrency checks. */
export const concurrencyConformance = (factory: EventStoreFactory): void => {
  describe('concurrency', () => {
    it(`lets exactly one of ${APPENDERS} appenders with the same expected version win, version after version`, async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        const winners: NewEvent[] = []
        for (let round = 0; round < 4; round++) {
          const expected = round === 0 ? 'no-stream' : winners.length
          const batches = Array.from({ length: APPENDERS }, (_, i) => probes(2, round * 100 + i * 10))
          const results = await Promise.all(batches.map((b) => store.append(s, b, expected)))
          const won = results.flatMap((r, i) => (r.ok ? [i] : []))
          expect(won, `round ${round}`).toHaveLength(1)
          expect(expectAppended(results[won[0]!]!).version).toBe(winners.length + 2)
          for (const r of results) if (!r.ok) expectConflict(r, s, expected, winners.length + 2)
          winners.push(...batches[won[0]!]!)
        }
        await expectStreamSealed(store, s, winners)
        expect(await store.readAll()).toHaveLength(winners.length)
      })
    })

    it('stores a batch once when its retries race each other, and all of them get the same answer', async () => {
      await withStore(factory, async (store) => {
        const s = uniqueStream()
        const batch = probes(3)
        const results = await Promise.all(Array.from({ length: APPENDERS }, () => store.append(s, batch, 'no-stream')))
        const first = expectAppended(results[0]!)
        for (const r of results) expect(expectAppended(r)).toEqual(first)
        await expectStreamSealed(store, s, batch)
        expect(await store.readAll()).toHaveLength(3)
      })
    })

    it('loses nothing when appenders write to different streams at once', async () => {
      await withStore(factory, async (store) => {
        const streams = Array.from({ length: 12 }, () => uniqueStream())
        const written = await Promise.all(streams.map((s, i) => writeSequentially(store, s, 6, i * 100)))
        for (const [i, s] of streams.entries()) await expectStreamSealed(store, s, written[i]!)
        const all = await store.readAll()
        expect(all).toHaveLength(72)
        expect(new Set(all.map((e) => e.eventId)).size).toBe(72)
        expectIncreasingPositions(all)
      })
    })

    it('shows a reader tailing the log during concurrent appends every event once, in commit order', async () => {
      await withStore(factory, async (store) => {
        let writing = true
        const reader = tail(store, () => !writing)
        const streams = Array.from({ length: 6 }, () => uniqueStream())
        await Promise.all(streams.map((s, i) => writeSequentially(store, s, 10, i * 100)))
        writing = false
        const seen = await reader
        const all = await store.readAll()
        expect(all).toHaveLength(60)
        expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId))
        expectIncreasingPositions(seen)
      })
    })
  })
}
