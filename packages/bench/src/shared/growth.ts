/**
 * Pieces of the growth measurements (how a store's cost grows as it fills): the workload's batches
 * renamed for each fill round, a seeded sampler of streams, and read-latency percentiles.
 */
import { randomUUID } from 'node:crypto'
import type { Batch } from './workload.js'

/** Append rate and single-stream read latency at one point of the fill. */
export interface GrowthPoint {
  /** Events in the store when the window ended. */
  readonly at: number
  /** Events per second over the append window. */
  readonly appendRate: number
  readonly windowEvents: number
  readonly readP50Ms: number
  readonly readP99Ms: number
  readonly reads: number
}

/** The value at quantile `p` of ascending `sorted`. */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

/** A small deterministic generator (mulberry32) of numbers in [0, 1), so every run samples the same streams. */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Round r of a fill: every stream renamed `<id>~r<r>` and every event given a new id (round 0 is the workload itself). */
export const renamed = (b: Batch, round: number): Batch =>
  round === 0 ? b : { streamId: `${b.streamId}~r${round}`, expected: b.expected, events: b.events.map((e) => ({ ...e, eventId: randomUUID() })) }

/** `reads` timed calls of `read` on streams sampled with `next`, in ascending milliseconds. */
export const readLatencies = async (read: (streamId: string) => Promise<unknown>, streams: ReadonlyArray<string>, reads: number, next: () => number): Promise<number[]> => {
  const ms: number[] = []
  for (let i = 0; i < reads; i++) {
    const id = streams[Math.floor(next() * streams.length)]!
    const t0 = performance.now()
    await read(id)
    ms.push(performance.now() - t0)
  }
  return ms.sort((a, b) => a - b)
}
