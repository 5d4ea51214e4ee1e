/**
 * How our store's cost grows with the file: fill a fresh store to `target` events by appending the
 * workload's batches again and again (round r renames every stream `<id>~r<r>` and gives its events
 * new ids, so payloads and stream lengths stay realistic), and measure the append rate and the
 * latency of reading one whole stream near the start and at the end of the fill.
 * With `batch` > 1, that many appends share one SQLite transaction (each append is still checked
 * against its expected version, inside a savepoint): the fill is then bound by the store's own
 * work (sealing, inserting, indexing) rather than by one commit per append, which is how a
 * 10 M-event file can be filled in minutes instead of hours.
 */
import { join } from 'node:path'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import { freshDir } from './phases.js'
import { percentile, random, readLatencies, renamed, type GrowthPoint } from '../shared/growth.js'
import type { Workload } from '../shared/workload.js'

/** How the fill appends: appends per transaction, and the file's durability mode. */
export interface GrowthOptions {
  readonly batch: number
  readonly durability: 'FULL' | 'NORMAL'
}

/** The start and end points, and how long the whole fill took. */
export interface Growth {
  readonly start: GrowthPoint
  readonly end: GrowthPoint
  readonly fillMs: number
  readonly fileBytes: number
}

/** The sizes at which a window ends: the first `window` events, every `every` events, and `target`. */
const windowEnds = (target: number, window: number, every: number): number[] => {
  const ends = [window]
  for (let at = every; at < target; at += every) if (at > window) ends.push(at)
  if (target > window) ends.push(target)
  return ends
}

/**
 * Fills a new store to `target` events. A window of `window` events is timed at the start, before
 * every multiple of `every` and at the end; after each window `reads` single-stream reads are timed
 * and the point goes to `onPoint` at once, so a fill stopped early still leaves its figures.
 */
export const measureGrowth = async (
  w: Workload,
  target: number,
  window: number,
  reads: number,
  progress: (events: number) => void,
  options: GrowthOptions = { batch: 1, durability: 'FULL' },
  every = Infinity,
  onPoint: (point: GrowthPoint) => void = () => undefined,
): Promise<Growth> => {
  const { dir, remove } = freshDir()
  const path = join(dir, 'grow.sqlite')
  const store = createSqliteEventStore({ path, durability: options.durability })
  const db = store.database
  let inBatch = 0
  const commit = (): void => {
    if (inBatch > 0) db.exec('COMMIT')
    inBatch = 0
  }
  const next = random(2026)
  const streams: string[] = []
  const points: GrowthPoint[] = []
  const ends = windowEnds(target, window, every)
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
        if (options.batch > 1 && inBatch === 0) db.exec('BEGIN IMMEDIATE')
        const outcome = await store.append(b.streamId, b.events, b.expected === 0 ? 'no-stream' : b.expected)
        if (options.batch > 1 && ++inBatch >= options.batch) commit()
        if (!outcome.ok) throw new Error(`growth: append to ${b.streamId} refused`)
        events += b.events.length
        if (Math.floor(events / 100_000) > Math.floor((events - b.events.length) / 100_000)) progress(events)
        const end = ends[0]!
        if (!timing && events >= end - window) [timing, windowStart, windowT0] = [true, events, performance.now()]
        if (timing && events >= end) {
          commit()
          const appendRate = ((events - windowStart) / (performance.now() - windowT0)) * 1000
          const ms = await readLatencies((id) => store.readStream(id), streams, reads, next)
          const point = { at: events, appendRate, windowEvents: events - windowStart, readP50Ms: percentile(ms, 0.5), readP99Ms: percentile(ms, 0.99), reads }
          points.push(point)
          onPoint(point)
          timing = false
          while (ends.length > 0 && ends[0]! <= events) ends.shift()
        }
      }
    }
    commit()
    const fileBytes = store.database.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number
    return { start: points[0]!, end: points[points.length - 1]!, fillMs: performance.now() - t0, fileBytes }
  } finally {
    await store.close()
    remove()
  }
}
