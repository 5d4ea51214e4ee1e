/**
 * Conformance: subscriptions and checkpoints. A subscription hands its handler every event once, in
 * commit order — those stored before it started and those appended while it runs — and saves its
 * checkpoint as it goes; a new subscription under the same name resumes after that checkpoint;
 * `caughtUp()` waits for everything committed before the call; `stop()` ends delivery.
 */
import { describe, expect, it } from 'vitest'
import type { EventStore, RecordedEvent } from '@talent-ledger/core'
import { expectAppended, probes, uniqueStream, withStore, type EventStoreFactory } from './fixtures.js'

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `condition` until it holds, failing after `ms`. */
const waitFor = async (condition: () => boolean, what: string, ms = 5_000): Promise<void> => {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) expect.fail(`timed out waiting for ${what}`)
    await pause(2)
  }
}

/** Appends `count` probes to a new stream in batches of two. */
const appendStream = async (store: EventStore, count: number, seed = 0): Promise<void> => {
  const s = uniqueStream()
  for (let v = 0; v < count; v += 2) expectAppended(await store.append(s, probes(Math.min(2, count - v), seed + v), v))
}

/** A handler that records what it saw, optionally taking its time. */
const recorder = (delayMs = 0) => {
  const seen: RecordedEvent[] = []
  const handler = async (e: RecordedEvent): Promise<void> => {
    seen.push(e)
    if (delayMs > 0) await pause(delayMs)
  }
  return { seen, handler, ids: () => seen.map((e) => e.eventId) }
}

const idsOf = (events: ReadonlyArray<RecordedEvent>): string[] => events.map((e) => e.eventId)

/** Registers the subscription and checkpoint checks. */
export const subscriptionConformance = (factory: EventStoreFactory): void => {
  describe('checkpoints', () => {
    it('loads 0 for an unknown name and what was saved for a known one', async () => {
      await withStore(factory, async (store) => {
        expect(await store.checkpoints.load('never-saved')).toBe(0)
        await store.checkpoints.save('profile', 7)
        await store.checkpoints.save('pool', 3)
        await store.checkpoints.save('profile', 12)
        expect(await store.checkpoints.load('profile')).toBe(12)
        expect(await store.checkpoints.load('pool')).toBe(3)
        expect(await store.checkpoints.load('人才库')).toBe(0)
      })
    })
  })

  describe('subscriptions', () => {
    it('hands every event to the handler once, in commit order, before and after it starts', async () => {
      await withStore(factory, async (store) => {
        await appendStream(store, 5, 0)
        await appendStream(store, 4, 10)
        const r = recorder()
        const sub = store.subscribe('every-event', r.handler)
        // writers in parallel while the subscription runs
        await Promise.all([appendStream(store, 6, 20), appendStream(store, 6, 30), appendStream(store, 3, 40)])
        await sub.caughtUp()
        const all = await store.readAll()
        expect(all).toHaveLength(24)
        expect(r.ids()).toEqual(idsOf(all))
        await sub.stop()
        expect(await store.checkpoints.load('every-event')).toBe(all.at(-1)!.globalPosition)
      })
    })

    it('resolves caughtUp only after every event committed before the call was handled', async () => {
      await withStore(factory, async (store) => {
        const r = recorder(3)
        const sub = store.subscribe('slow', r.handler)
        await sub.caughtUp()
        expect(r.seen).toEqual([])
        await appendStream(store, 8)
        await sub.caughtUp()
        expect(r.ids()).toEqual(idsOf(await store.readAll()))
        await appendStream(store, 4, 100)
        await sub.caughtUp()
        expect(r.seen).toHaveLength(12)
        await sub.stop()
      })
    })

    it('resumes after the stored checkpoint under the same name; another name starts from the beginning', async () => {
      await withStore(factory, async (store) => {
        await appendStream(store, 4)
        const first = recorder()
        const sub1 = store.subscribe('resumable', first.handler)
        await sub1.caughtUp()
        await sub1.stop()
        await appendStream(store, 3, 10)
        const second = recorder()
        const sub2 = store.subscribe('resumable', second.handler)
        await sub2.caughtUp()
        const all = await store.readAll()
        expect(first.ids()).toEqual(idsOf(all.slice(0, 4)))
        expect(second.ids()).toEqual(idsOf(all.slice(4)))
        const fresh = recorder()
        const sub3 = store.subscribe('another-name', fresh.handler)
        await sub3.caughtUp()
        expect(fresh.ids()).toEqual(idsOf(all))
        await Promise.all([sub2.stop(), sub3.stop()])
        expect(await store.checkpoints.load('resumable')).toBe(all.at(-1)!.globalPosition)
      })
    })

    it('stops delivering once stop() resolves, and a resumed subscription picks up where it left off', async () => {
      await withStore(factory, async (store) => {
        const r = recorder(2)
        const sub = store.subscribe('stoppable', r.handler)
        await appendStream(store, 20)
        await waitFor(() => r.seen.length >= 1, 'the first event')
        await sub.stop()
        const handled = r.seen.length
        await appendStream(store, 4, 100)
        const witness = store.subscribe('witness', () => undefined)
        await witness.caughtUp()
        await witness.stop()
        await pause(30)
        expect(r.seen).toHaveLength(handled)
        // nothing lost across the stop: the checkpoint is an event the first run handled (or 0)
        const checkpoint = await store.checkpoints.load('stoppable')
        if (checkpoint !== 0) expect(r.seen.map((e) => e.globalPosition)).toContain(checkpoint)
        const rest = recorder()
        const resumed = store.subscribe('stoppable', rest.handler)
        await resumed.caughtUp()
        await resumed.stop()
        const all = await store.readAll()
        expect(rest.ids()).toEqual(idsOf(all.filter((e) => e.globalPosition > checkpoint)))
        expect(r.seen.filter((e) => e.globalPosition <= checkpoint).map((e) => e.eventId)).toEqual(
          idsOf(all.filter((e) => e.globalPosition <= checkpoint)),
        )
      })
    })

    it('halts on a failing handler before its checkpoint passes the failed event; a new run gets that event again', async () => {
      await withStore(factory, async (store) => {
        await appendStream(store, 6)
        const all = await store.readAll()
        const failAt = all[3]!.eventId
        const seen: string[] = []
        const sub = store.subscribe('fragile', (e) => {
          if (e.eventId === failAt) throw new Error('receiver down')
          seen.push(e.eventId)
        })
        await expect(sub.caughtUp()).rejects.toThrow('receiver down')
        await sub.stop()
        expect(seen).toEqual(idsOf(all.slice(0, 3)))
        expect(await store.checkpoints.load('fragile')).toBe(all[2]!.globalPosition)
        const again = recorder()
        const retry = store.subscribe('fragile', again.handler)
        await retry.caughtUp()
        await retry.stop()
        expect(again.ids()).toEqual(idsOf(all.slice(3)))
      })
    })
  })
}
