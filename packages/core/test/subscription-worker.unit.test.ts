/**
 * The store kit's subscription worker, on a log held in an array (pure logic: the stores' own
 * subscriptions are tested against real files and servers by the conformance suite). It hands
 * events over in order across pages, saves the checkpoint after each, resumes after a stored one,
 * lets at most one drain wait behind the running one, and halts on a failed handler before the
 * checkpoint passes the failed event.
 */
import { describe, expect, it } from 'vitest'
import type { CheckpointStore, RecordedEvent } from '../src/index.js'
import { subscriptionWorker } from '../src/store-kit/index.js'

/** Events with positions 1..n; the worker looks at nothing but `globalPosition`. */
const logOf = (n: number): RecordedEvent[] => Array.from({ length: n }, (_, i) => ({ globalPosition: i + 1 }) as RecordedEvent)

/** Checkpoints kept in `stored`, every save also listed in `saves`. */
const checkpointsIn = (stored: Map<string, number>, saves: number[] = []): CheckpointStore => ({
  load: async (name) => stored.get(name) ?? 0,
  save: async (name, position) => {
    saves.push(position)
    stored.set(name, position)
  },
})

describe('subscriptionWorker', () => {
  it('hands every event over once, in order, across pages, saving the checkpoint after each', async () => {
    const log = logOf(7)
    const stored = new Map<string, number>()
    const seen: number[] = []
    const saves: number[] = []
    const w = subscriptionWorker((after, limit) => log.slice(after, after + limit), checkpointsIn(stored, saves), 's', (e) => void seen.push(e.globalPosition), 3)
    await w.wake()
    await w.settled()
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(saves).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(w.position()).toBe(7)
    log.push(...logOf(9).slice(7))
    await w.wake()
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('starts after the stored checkpoint', async () => {
    const seen: number[] = []
    const w = subscriptionWorker((after, limit) => logOf(5).slice(after, after + limit), checkpointsIn(new Map([['s', 3]])), 's', (e) => void seen.push(e.globalPosition))
    await w.wake()
    expect(seen).toEqual([4, 5])
  })

  it('runs one drain behind the running one however often it is woken', async () => {
    let reads = 0
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const w = subscriptionWorker(
      async () => {
        reads++
        if (reads === 1) await gate
        return []
      },
      checkpointsIn(new Map()),
      's',
      () => undefined,
    )
    const first = w.wake()
    await Promise.resolve()
    const queued = [w.wake(), w.wake(), w.wake()]
    release()
    await Promise.all([first, ...queued])
    expect(reads).toBe(2)
  })

  it('halts on a failed handler before its checkpoint passes the event, and settles with the error', async () => {
    const stored = new Map<string, number>()
    const seen: number[] = []
    const w = subscriptionWorker((after, limit) => logOf(5).slice(after, after + limit), checkpointsIn(stored), 's', (e) => {
      if (e.globalPosition === 3) throw new Error('handler failed at 3')
      seen.push(e.globalPosition)
    })
    await w.wake()
    await expect(w.settled()).rejects.toThrow('handler failed at 3')
    await w.wake()
    expect(seen).toEqual([1, 2])
    expect(stored.get('s')).toBe(2)
  })

  it('stops after the event in hand', async () => {
    const seen: number[] = []
    const w = subscriptionWorker((after, limit) => logOf(5).slice(after, after + limit), checkpointsIn(new Map()), 's', async (e) => {
      seen.push(e.globalPosition)
      if (e.globalPosition === 2) void w.stop()
    })
    await w.wake()
    expect(w.stopped()).toBe(true)
    expect(seen).toEqual([1, 2])
  })
})
