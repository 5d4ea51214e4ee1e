/**
 * Issue 15's aims, one list per phase, and the verdict of a run's figures against them. Nothing
 * here is a figure: `met` is computed from what the bench measured, and an aim whose figure is
 * missing (Emmett left out, a bench that failed) is "no figure", never met.
 */
import type { PhaseId, PhaseRecord } from './record.js'

/** One aim: a share of the floor's rate, a multiple of Emmett's, an absolute rate, or a size against the floor's. */
export type Aim =
  | { readonly kind: 'floor-share'; readonly atLeast: number }
  | { readonly kind: 'emmett-multiple'; readonly atLeast: number }
  | { readonly kind: 'rate'; readonly atLeast: number }
  | { readonly kind: 'size-multiple'; readonly atMost: number }

/** What issue 15 asks of each phase. */
export const AIMS: Readonly<Record<PhaseId, ReadonlyArray<Aim>>> = {
  'postgres-append-1': [
    { kind: 'floor-share', atLeast: 0.8 },
    { kind: 'emmett-multiple', atLeast: 1.6 },
  ],
  'postgres-append-many': [{ kind: 'floor-share', atLeast: 0.8 }],
  'sqlite-append-full': [{ kind: 'floor-share', atLeast: 0.8 }],
  'sqlite-append-normal': [{ kind: 'floor-share', atLeast: 0.8 }],
  'sqlite-read': [{ kind: 'floor-share', atLeast: 0.75 }],
  verify: [{ kind: 'rate', atLeast: 300_000 }],
  replay: [{ kind: 'rate', atLeast: 1_000_000 }],
  storage: [{ kind: 'size-multiple', atMost: 2 }],
  'command-path': [{ kind: 'floor-share', atLeast: 0.7 }],
}

/** Whether a run's figures reach an aim. */
export type Verdict = 'met' | 'not met' | 'no figure'

/** Ours ÷ the floor (a share of its rate, or a multiple of its size), if both were measured. */
export const floorRatio = (r: PhaseRecord): number | undefined => (r.floor === undefined || r.floor <= 0 ? undefined : r.ours / r.floor)

/** Ours ÷ Emmett, if Emmett was measured. */
export const emmettRatio = (r: PhaseRecord): number | undefined => (r.emmett === undefined || r.emmett <= 0 ? undefined : r.ours / r.emmett)

/**
 * The rate an absolute aim is judged on: events per CPU second where the bench measured CPU time
 * (what one core to itself would do; a shared machine's load moves the wall clock far more), else
 * events per wall-clock second.
 */
export const judgedRate = (r: PhaseRecord): number => r.cpu?.ours ?? r.ours

const atLeast = (x: number | undefined, bound: number): Verdict => (x === undefined ? 'no figure' : x >= bound ? 'met' : 'not met')

/** The verdict of `r` on one aim. */
export const judge = (aim: Aim, r: PhaseRecord): Verdict => {
  switch (aim.kind) {
    case 'floor-share':
      return atLeast(floorRatio(r), aim.atLeast)
    case 'emmett-multiple':
      return atLeast(emmettRatio(r), aim.atLeast)
    case 'rate':
      return atLeast(judgedRate(r), aim.atLeast)
    case 'size-multiple': {
      const x = floorRatio(r)
      return x === undefined ? 'no figure' : x <= aim.atMost ? 'met' : 'not met'
    }
  }
}

/** The verdict on every aim of the phase together: met only when each is met; "no figure" when any lacks one and none failed. */
export const judgeAll = (aims: ReadonlyArray<Aim>, r: PhaseRecord): Verdict => {
  const verdicts = aims.map((a) => judge(a, r))
  if (verdicts.includes('not met')) return 'not met'
  if (verdicts.includes('no figure') || verdicts.length === 0) return 'no figure'
  return 'met'
}

const short = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000} M` : n >= 1000 ? `${n / 1000} k` : String(n))

/** An aim as the table shows it. */
export const describeAim = (aim: Aim): string => {
  switch (aim.kind) {
    case 'floor-share':
      return `≥ ${aim.atLeast}× floor`
    case 'emmett-multiple':
      return `≥ ${aim.atLeast}× Emmett`
    case 'rate':
      return `≥ ${short(aim.atLeast)} ev/s`
    case 'size-multiple':
      return `≤ ${aim.atMost}× export`
  }
}
