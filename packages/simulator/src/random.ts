/**
 * A small seeded PRNG (mulberry32) and the draws the simulator needs. Every talent gets its own
 * stream derived from the seed and its index, so a talent's history does not depend on how many
 * others are simulated: 300 talents are a prefix of 30,000 with the same seed.
 */

/** A source of uniform numbers in [0, 1) with a few typed draws on top. */
export interface Random {
  /** Uniform in [0, 1). */
  readonly next: () => number
  /** Whole number in [lo, hi], both included. */
  readonly int: (lo: number, hi: number) => number
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty array. */
  readonly pick: <T>(items: ReadonlyArray<T>) => T
}

/** mulberry32: 32 bits of state, fast, good enough for test data (not for cryptography). */
const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a seed with a stream number (murmur3 finaliser) so neighbouring streams are unrelated. */
export const streamSeed = (seed: number, stream: number): number => {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** A seeded random source. */
export const seededRandom = (seed: number): Random => {
  const next = mulberry32(seed)
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  }
}

/** A weighted choice, prepared once: the cumulative weights are computed up front. */
export const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): ((r: Random) => T) => {
  const total = entries.reduce((s, [, w]) => s + w, 0)
  let acc = 0
  const cumulative = entries.map(([v, w]) => [v, (acc += w) / total] as const)
  return (r) => {
    const u = r.next()
    for (const [v, c] of cumulative) if (u < c) return v
    return cumulative[cumulative.length - 1]![0]
  }
}
