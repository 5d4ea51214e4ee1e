/**
 * How our store's cost grows with the file: fill a fresh store to `target` events by appending the
 * workload's batches again and again (round r renames every stream `<id>~r<r>` and gives its events
 * new ids, so payloads and stream lengths stay realistic), and measure the append rate and the
 * latency of reading one whole stream near the start and at the end of the fill.
 */
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { freshDir } from './phases.js'
import { percentile, random, readLatencies, renamed, type GrowthPoint } from '../shared/growth.js'
import type { Workload } from '../shared/workload.js'

/** The start and end points, and how long the whole fill took. */
export interface Growth {
  readonly start: GrowthPoint
  readonly end: GrowthPoint
  readonly fillMs: number
  readonly fileBytes: number
}

/** Fills a new store to `target` events; `window` events are timed at the start and at the end. */
export const measureGrowth = async (w: Workload, target: number, window: number, reads: number, progress: (events: number) => void): Promise<Growth> => {
  const { dir, remove } = freshDir()
  const path = join(dir, 'grow.sqlite')
  const store = createSqliteEventStore({ path, durability: 'FULL' })
  const next = random(2026)
  const streams: string[] = []
  const points: GrowthPoint[] = []
  let events = 0
  let windowStart = 0
  let windowT0 = performance.now()
  let timing = true
  const t0 = performance.now()
  try {
    for (let round = 0; events < target; round++) {
      for (const batch of w.batches) {
        if (events >= target) break
        const b = renamed(batch, round)
        if (b.expected === 0) streams.push(b.streamId)
        const outcome = await store.append(b.streamId, b.events, b.expected === 0 ? 'no-stream' : b.expected)
        if (E.isLeft(outcome)) throw new Error(`growth: append to ${b.streamId} refused`)
        events += b.events.length
        if (Math.floor(events / 100_000) > Math.floor((events - b.events.length) / 100_000)) progress(events)
        const startEnd = !timing && events >= target - window
        if (startEnd) [timing, windowStart, windowT0] = [true, events, performance.now()]
        if (timing && (events - windowStart >= window || events >= target)) {
          const appendRate = ((events - windowStart) / (performance.now() - windowT0)) * 1000
          const ms = await readLatencies((id) => store.readStream(id), streams, reads, next)
          points.push({ at: events, appendRate, windowEvents: events - windowStart, readP50Ms: percentile(ms, 0.5), readP99Ms: percentile(ms, 0.99), reads })
          timing = false
          if (points.length === 2) break
        }
      }
      if (points.length === 2) break
    }
    const fileBytes = store.database.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number
    return { start: points[0]!, end: points[points.length - 1]!, fillMs: performance.now() - t0, fileBytes }
  } finally {
    await store.close()
    remove()
  }
}
