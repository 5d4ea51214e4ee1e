/**
 * Issue 15's aims (and issue 14's for group commit and onboarding), one list per phase, and the verdict of a run's figures against them. Nothing
 * here is a figure: `met` is computed from what the bench measured, and an aim whose figure is
 * missing (Emmett left out, a bench that failed) is "no figure", never met.
 */
import type { PhaseId, PhaseRecord } from './record.js'

/**
 * One aim: a share of the floor's rate, a multiple of Emmett's, an absolute rate, a size against
 * the floor's, or a multiple of the phase's own baseline (8 writer processes against one).
 */
export type Aim =
  | { readonly kind: 'floor-share'; readonly atLeast: number }
  | { readonly kind: 'emmett-multiple'; readonly atLeast: number }
  | { readonly kind: 'rate'; readonly atLeast: number }
  | { readonly kind: 'size-multiple'; readonly atMost: number }
  | { readonly kind: 'scale'; readonly atLeast: number; readonly of: string }

/**
 * What the issues ask of each phase. The 8 writers of `bench:postgres` share one Node process: the
 * issue's aim for many writers is the separate processes' row, so that row has none of its own.
 */
export const AIMS: Readonly<Record<PhaseId, ReadonlyArray<Aim>>> = {
  'postgres-append-1': [
    { kind: 'floor-share', atLeast: 0.8 },
    { kind: 'emmett-multiple', atLeast: 1.6 },
  ],
  'postgres-append-many': [],
  'postgres-processes': [{ kind: 'scale', atLeast: 4, of: 'one writer' }],
  'sqlite-append-full': [{ kind: 'floor-share', atLeast: 0.8 }],
  'sqlite-append-normal': [{ kind: 'floor-share', atLeast: 0.8 }],
  'sqlite-read': [{ kind: 'floor-share', atLeast: 0.75 }],
  verify: [{ kind: 'rate', atLeast: 300_000 }],
  replay: [{ kind: 'rate', atLeast: 1_000_000 }],
  // "under a second per 100,000 events"
  report: [{ kind: 'rate', atLeast: 100_000 }],
  storage: [{ kind: 'size-multiple', atMost: 2 }],
  'command-path': [{ kind: 'floor-share', atLeast: 0.7 }],
  'group-commit': [{ kind: 'scale', atLeast: 10, of: 'one at a time' }],
  onboard: [
    { kind: 'rate', atLeast: 10_000 },
    { kind: 'floor-share', atLeast: 0.25 },
  ],
}

/** Whether a run's figures reach an aim. */
export type Verdict = 'met' | 'not met' | 'no figure'

/** Ours ÷ the floor (a share of its rate, or a multiple of its size), if both were measured. */
export const floorRatio = (r: PhaseRecord): number | undefined => (r.floor === undefined || r.floor <= 0 ? undefined : r.ours / r.floor)

/** Ours ÷ the phase's baseline (one writer, one at a time), if both were measured. */
export const baselineRatio = (r: PhaseRecord): number | undefined => (r.baseline === undefined || r.baseline <= 0 ? undefined : r.ours / r.baseline)

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
    case 'scale':
      return atLeast(baselineRatio(r), aim.atLeast)
  }
}

/**
 * The verdict on every aim of the phase together: met only when each is met; "no figure" when any
 * lacks one and none failed; "no aim" for a phase shown for context only.
 */
export const judgeAll = (aims: ReadonlyArray<Aim>, r: PhaseRecord): Verdict | 'no aim' => {
  if (aims.length === 0) return 'no aim'
  const verdicts = aims.map((a) => judge(a, r))
  if (verdicts.includes('not met')) return 'not met'
  if (verdicts.includes('no figure')) return 'no figure'
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
      return `≥ ${short(aim.atLeast)}/s`
    case 'size-multiple':
      return `≤ ${aim.atMost}× export`
    case 'scale':
      return `≥ ${aim.atLeast}× ${aim.of}`
  }
}

const ratio = (x: number): string => `${x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`

/** The figure an aim was judged on, as the table shows it beside the verdict: "0.76× floor", "3.90× one writer", "37.8 k/s". */
export const judgedFigure = (aim: Aim, r: PhaseRecord): string | undefined => {
  const x = aim.kind === 'floor-share' || aim.kind === 'size-multiple' ? floorRatio(r) : aim.kind === 'emmett-multiple' ? emmettRatio(r) : aim.kind === 'scale' ? baselineRatio(r) : judgedRate(r)
  if (x === undefined) return undefined
  switch (aim.kind) {
    case 'floor-share':
      return `${ratio(x)} floor`
    case 'size-multiple':
      return `${ratio(x)} export`
    case 'emmett-multiple':
      return `${ratio(x)} Emmett`
    case 'scale':
      return `${ratio(x)} ${aim.of}`
    case 'rate':
      return `${short(Math.round(x / 100) * 100)}/s${r.cpu === undefined ? '' : ' per CPU s'}`
  }
}
