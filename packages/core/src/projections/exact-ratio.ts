/**
 * Exact ratios of integers for judging targets (DOMAIN.md §1): a share of 602 / 2,007 is 29.995 %,
 * which a rounded percentage would call 30 % and so "met". Comparisons cross-multiply big integers;
 * only display rounds.
 */

/** `n / d` with `d > 0`. */
export interface Ratio {
  readonly n: bigint
  readonly d: bigint
}

/** The ratio of two integers (`d` must be positive). */
export const ratio = (n: number | bigint, d: number | bigint = 1n): Ratio => ({ n: BigInt(n), d: BigInt(d) })

/** A policy's decimal figure (35, 29.5) as an exact ratio: policy figures are short decimals. */
export const ratioOfDecimal = (x: number): Ratio => {
  const places = Math.min(9, (String(x).split('.')[1] ?? '').length)
  const scale = 10 ** places
  return ratio(Math.round(x * scale), scale)
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export const compareRatio = (a: Ratio, b: Ratio): number => {
  const left = a.n * b.d
  const right = b.n * a.d
  return left < right ? -1 : left > right ? 1 : 0
}

export const atLeastRatio = (a: Ratio, b: Ratio): boolean => compareRatio(a, b) >= 0
export const addRatio = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d })
export const subRatio = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d })
/** `a × num / den`, `den > 0`. */
export const scaleRatio = (a: Ratio, num: number, den: number): Ratio => ({ n: a.n * BigInt(num), d: a.d * BigInt(den) })

/** For display only: the value rounded to two decimals. */
export const displayRatio = (a: Ratio): number => {
  // integer part and hundredths from big integers, so large counts lose nothing before rounding
  const hundredths = (a.n * 200n + (a.n >= 0n ? a.d : -a.d)) / (2n * a.d)
  return Number(hundredths) / 100
}
