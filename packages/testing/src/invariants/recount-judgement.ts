/**
 * A target's status and forecast judged again, for `dashboardMatchesRecount`, from the figures a
 * recount gives and the definitions of docs/rules.md ("Dashboard status, trajectory and forecast")
 * alone — exact fractions of big integers, no code of the core's projection: the straight-line path
 * from the day before the plan starts to the target at the deadline (flat for a share required every
 * year), the forecast from the trailing 365 days' change (kept between 0 and the ceiling), and the
 * status that follows (`met`, `missed`, `on-track`, `at-risk`, `no-data`).
 */
import { addDays } from '../arbitraries/dates.js'

/** An exact figure `n / d` (`d > 0`), or null when there is none. */
export type Exact = readonly [bigint, bigint] | null
type Q = readonly [bigint, bigint]

const cmp = (a: Q, b: Q): number => {
  const l = a[0] * b[1]
  const r = b[0] * a[1]
  return l < r ? -1 : l > r ? 1 : 0
}
const plus = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]]
const minus = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]]
const times = (a: Q, num: number, den: number): Q => [a[0] * BigInt(num), a[1] * BigInt(den)]
const days = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** A policy's figure (30, 29.995, 80000) as an exact fraction, read from its decimal digits (at most nine: policy figures are short decimals). */
export const exactTarget = (x: number): Q => {
  const places = Math.min(9, (String(x).split('.')[1] ?? '').length)
  const scale = 10 ** places
  return [BigInt(Math.round(x * scale)), BigInt(scale)]
}

/** What one target is judged on. */
export interface JudgedPlan {
  readonly start: string
  readonly deadline: string
  readonly target: Q
  readonly flat: boolean
  readonly ceiling: Q | null
  readonly value: (date: string) => Exact
}

const baseline = (p: JudgedPlan): string => addDays(p.start, -1)

/** The path on `date`. */
export const recountRequired = (p: JudgedPlan, date: string): Q => {
  if (p.flat) return p.target
  const span = days(baseline(p), p.deadline)
  if (span <= 0) return p.target
  const elapsed = Math.min(span, Math.max(0, days(baseline(p), date)))
  const from = p.value(date < baseline(p) ? date : baseline(p)) ?? [0n, 1n]
  return plus(from, times(minus(p.target, from), elapsed, span))
}

/** The forecast at the deadline as of `asOf`. */
export const recountForecast = (p: JudgedPlan, asOf: string): Exact => {
  if (asOf >= p.deadline) return p.value(p.deadline)
  const now = p.value(asOf)
  if (now === null) return null
  const yearAgo = addDays(asOf, -365)
  const from = yearAgo > baseline(p) ? yearAgo : baseline(p)
  const past = from < asOf ? p.value(from) : null
  if (past === null) return now
  const f = plus(now, times(minus(now, past), days(asOf, p.deadline), days(from, asOf)))
  if (cmp(f, [0n, 1n]) < 0) return [0n, 1n]
  return p.ceiling !== null && cmp(f, p.ceiling) > 0 ? p.ceiling : f
}

/** The status as of `asOf`. */
export const recountStatus = (p: JudgedPlan, asOf: string): string => {
  const judged = p.value(asOf < p.deadline ? asOf : p.deadline)
  if (judged === null) return 'no-data'
  if (cmp(judged, p.target) >= 0) return 'met'
  if (asOf >= p.deadline) return 'missed'
  if (!p.flat && cmp(judged, recountRequired(p, asOf)) >= 0) return 'on-track'
  const f = recountForecast(p, asOf)
  return f !== null && cmp(f, p.target) >= 0 ? 'on-track' : 'at-risk'
}

/** A figure as the report shows it: rounded to two decimals. */
export const shownExact = (v: Exact): number | null => {
  if (v === null) return null
  const [n, d] = v
  return Number((n * 200n + (n >= 0n ? d : -d)) / (2n * d)) / 100
}
