/**
 * How the city stands against one target (docs/rules.md, "Dashboard status"): its status at the
 * report date or, once the deadline has passed, at the deadline; the straight-line path from the
 * plan's start to the target; and a forecast at the deadline from the trailing 12-month rate.
 * Every figure comes from `valueOn`, the same projection read as of an earlier date, so a report
 * `--as-of` a past day says what the city could have known then. Exact ratios decide; display rounds.
 */
import { addDays, daysBetween, yearOf } from '../kernel/dates.js'
import { addRatio, atLeastRatio, compareRatio, displayRatio, ratio, scaleRatio, subRatio, type Ratio } from './exact-ratio.js'

/** A target's judgements (CLI contract), each defined in docs/rules.md. */
export const TARGET_JUDGEMENTS = ['met', 'on-track', 'at-risk', 'missed', 'no-data'] as const
export type TargetJudgement = (typeof TARGET_JUDGEMENTS)[number]

/** One yearly point of a target's path: the figure at the year's end (or the report date) and the path's. */
export interface TrajectoryPoint {
  readonly year: number
  readonly actual: number | null
  readonly required: number
}

/** What a target's progress is judged from. */
export interface TargetPlan {
  /** Start of the straight-line path (the programme's first day). */
  readonly start: string
  readonly deadline: string
  readonly target: Ratio
  /** A flat path (a share required every year): the target itself on every day. */
  readonly flat: boolean
  /** The most the figure can be (100 for a percentage): a forecast stops there. */
  readonly ceiling: Ratio | null
  /** The figure as of a date, or null when there is none (no employment figure, no skilled talent). */
  readonly valueOn: (date: string) => Ratio | null
}

export interface TargetProgress {
  readonly deadline: string
  readonly status: TargetJudgement
  readonly progress: number
  readonly forecast: number | null
  readonly trajectory: ReadonlyArray<TrajectoryPoint>
  /** Only once the deadline has passed: the figure on the deadline, which the status judges. */
  readonly actualAtDeadline?: number | null
}

const minDate = (a: string, b: string): string => (a < b ? a : b)
const maxDate = (a: string, b: string): string => (a > b ? a : b)

/** The day before the plan starts: the figure the path starts from (0 "new" talents, the stock then). */
const baselineOf = (plan: TargetPlan): string => addDays(plan.start, -1)

/** The straight-line path on `date`: from the figure the day before the start (0 when none) to the target at the deadline. */
export const requiredOn = (plan: TargetPlan, date: string): Ratio => {
  if (plan.flat) return plan.target
  const baseline = baselineOf(plan)
  const span = daysBetween(baseline, plan.deadline)
  if (span <= 0) return plan.target
  const elapsed = Math.min(span, Math.max(0, daysBetween(baseline, date)))
  // a report dated before the plan starts knows nothing later than its own date
  const from = plan.valueOn(minDate(baseline, date)) ?? ratio(0)
  return addRatio(from, scaleRatio(subRatio(plan.target, from), elapsed, span))
}

/**
 * The figure forecast at the deadline: the change over the trailing 365 days (or since the day
 * before the start, when shorter) continued at the same daily rate; the figure itself when there is no earlier one.
 * Once the deadline has passed, the figure on the deadline.
 */
export const forecastAt = (plan: TargetPlan, asOf: string): Ratio | null => {
  if (asOf >= plan.deadline) return plan.valueOn(plan.deadline)
  const now = plan.valueOn(asOf)
  if (now === null) return null
  const from = maxDate(addDays(asOf, -365), baselineOf(plan))
  const past = from < asOf ? plan.valueOn(from) : null
  if (past === null) return now
  const forecast = addRatio(now, scaleRatio(subRatio(now, past), daysBetween(asOf, plan.deadline), daysBetween(from, asOf)))
  // a figure that falls cannot fall below nothing, and a share cannot pass the whole
  if (compareRatio(forecast, ratio(0)) < 0) return ratio(0)
  return plan.ceiling !== null && compareRatio(forecast, plan.ceiling) > 0 ? plan.ceiling : forecast
}

/** The status on `asOf` (definitions in docs/rules.md). */
export const judgeTarget = (plan: TargetPlan, asOf: string): TargetJudgement => {
  const judgedOn = minDate(asOf, plan.deadline)
  const value = plan.valueOn(judgedOn)
  if (value === null) return 'no-data'
  if (atLeastRatio(value, plan.target)) return 'met'
  if (asOf >= plan.deadline) return 'missed'
  if (!plan.flat && atLeastRatio(value, requiredOn(plan, asOf))) return 'on-track'
  const forecast = forecastAt(plan, asOf)
  return forecast !== null && atLeastRatio(forecast, plan.target) ? 'on-track' : 'at-risk'
}

const shown = (r: Ratio | null): number | null => (r === null ? null : displayRatio(r))

/** Status, progress (0–1), forecast and yearly trajectory of a target as of `asOf`. */
export const targetProgress = (plan: TargetPlan, asOf: string): TargetProgress => {
  const judgedOn = minDate(asOf, plan.deadline)
  const judged = plan.valueOn(judgedOn)
  const progress = judged === null || plan.target.n <= 0n ? (judged === null ? 0 : 1) : Math.min(1, Math.max(0, Number(judged.n * plan.target.d * 10_000n / (judged.d * plan.target.n)) / 10_000))
  const trajectory: TrajectoryPoint[] = []
  for (let year = yearOf(plan.start); year <= yearOf(judgedOn); year++) {
    const on = minDate(`${year}-12-31`, judgedOn)
    if (on < plan.start) continue
    trajectory.push({ year, actual: shown(plan.valueOn(on)), required: displayRatio(requiredOn(plan, on)) })
  }
  return {
    deadline: plan.deadline,
    status: judgeTarget(plan, asOf),
    progress,
    forecast: shown(forecastAt(plan, asOf)),
    trajectory,
    ...(asOf > plan.deadline ? { actualAtDeadline: shown(judged) } : {}),
  }
}
