/**
 * Invariant 7 — the city dashboard (DOMAIN.md §1) equals a recount from the talents themselves: as
 * of several dates, `dashboardReport` over `cityDashboardProjection` gives the same skilled,
 * high-skilled and new-high-skilled totals, and the same count of each certified level by district,
 * as folding each talent's own events up to that date and reading its level.
 * Every target's `met`, `status` (on-track and at-risk included), `progress`, `forecast`, trajectory
 * (figure and path each year) and, for the skilled share, employment year (with `carriedFrom`) also
 * equal the recount, judged here with exact integers from docs/rules.md's definitions alone
 * (recount-judgement.ts). The money figures (DOMAIN.md §16: grants, amounts and flagged amounts by
 * kind, year and district, and totals by kind) equal the grants in each talent's own folded state.
 * The honour figures (DOMAIN.md §14) are recounted the same way: per catalogued honour and year, the
 * talents given it by the date, those high-skilled on the day they were given it (their own events up
 * to that day), and the last list reported for a year that has ended by the date.
 * The carriers' outputs (DOMAIN.md §10) are recounted from each talent's enrolments and certificates
 * (carrier-outputs-recount.ts).
 * The cooperation figures (DOMAIN.md §11: agreements and teachers) are recounted likewise (recount-cooperation.ts).
 * NOTE: talents without a certificate (level "none") are not compared: the dashboard counts a talent
 * whatever its registration date, while a recount as of a date would not.
 */
import {
  benefitFigures,
  benefitFiguresProjection,
  cityDashboardProjection,
  cooperationFigures,
  cooperationFiguresProjection,
  dashboardReport,
  honourFigures,
  honourFiguresProjection,
  isHighSkilled,
  isSkilled,
  project,
  type TalentEvent,
  type TalentState,
} from '@talent-ledger/core'
import { addDays } from '../arbitraries/dates.js'
import { recountCarrierOutputs } from './carrier-outputs-recount.js'
import { highestCertified } from './eligibility.js'
import { defineInvariant } from './invariant.js'
import { cooperationDifferences } from './recount-cooperation.js'
import { expectedPolicyOn } from './policies.js'
import type { PureRun, TalentCategoryUnderTest } from './pure-ledger.js'
import { exactTarget, recountForecast, recountRequired, recountStatus, shownExact, type Exact, type JudgedPlan } from './recount-judgement.js'

/** Dates worth a report: around each certification and revocation, and the ends of the log (at most 12). */
const reportDates = (run: PureRun): string[] => {
  const dates = new Set<string>()
  for (const { event, occurredOn } of run.log)
    if (event.type === 'LevelCertified' || event.type === 'CertificateRevoked' || event.type === 'PriorCertificateRecorded') {
      dates.add(occurredOn)
      dates.add(addDays(occurredOn, -1))
    }
  const sorted = [...dates].sort()
  const step = Math.max(1, Math.ceil(sorted.length / 10))
  const all = run.log.map((l) => l.occurredOn).sort()
  return [...new Set([...sorted.filter((_, i) => i % step === 0), all[0] ?? '2026-01-01', all[all.length - 1] ?? '2026-12-31'])]
}

interface Recount {
  skilled: number
  highSkilled: number
  newHighSkilled: number
  byDistrict: Record<string, Record<string, number>>
  /** Each talent's state folded from its own events up to the date. */
  states: Map<string, TalentState>
}

/** Counts levels from each talent's events up to `asOf`. */
const recount = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string, period?: { readonly from: string; readonly to: string }): Recount => {
  // a report judges every date against the targets in force on its own date: `period` is those
  const policy = period ?? expectedPolicyOn(run.policies, asOf).document.targets.newHighSkilled
  const states = new Map<string, TalentState>()
  for (const { stream, event, occurredOn } of run.log) {
    if (!stream.startsWith('talent-') || occurredOn > asOf) continue
    states.set(stream, talent.evolve(states.get(stream) ?? talent.initialState, event as TalentEvent))
  }
  const counts: Recount = { skilled: 0, highSkilled: 0, newHighSkilled: 0, byDistrict: {}, states }
  for (const [stream, s] of states) {
    const level = highestCertified(s)
    if (level === null) continue
    const district = run.talents[stream.slice('talent-'.length)]?.district ?? ''
    const row = (counts.byDistrict[district] ??= {})
    row[level] = (row[level] ?? 0) + 1
    if (isSkilled(level)) counts.skilled++
    if (isHighSkilled(level)) counts.highSkilled++
    const first = s.certificates.filter((c) => c.revoked === null && isHighSkilled(c.level)).map((c) => c.on).sort()[0]
    if (first !== undefined && first >= policy.from && first <= policy.to) counts.newHighSkilled++
  }
  return counts
}

/** The employed persons used for a date: the latest year reported up to the date's year (the last report of a year wins). */
const employmentByYear = new WeakMap<PureRun, Map<number, number>>()
const employmentOn = (run: PureRun, date: string): { year: number; persons: number } | null => {
  let byYear = employmentByYear.get(run)
  if (byYear === undefined) {
    employmentByYear.set(run, (byYear = new Map<number, number>()))
    for (const { event } of run.log) if (event.type === 'EmploymentStatisticsReported') byYear.set(event.data.year, event.data.employedPersons)
  }
  const years = [...byYear.keys()].filter((y) => y <= Number(date.slice(0, 4)))
  if (years.length === 0) return null
  const year = Math.max(...years)
  return { year, persons: byYear.get(year)! }
}

/** An exact share in percent, or null without a whole. */
const share = (part: number, whole: number | null | undefined): Exact => (whole === null || whole === undefined || whole === 0 ? null : [BigInt(part) * 100n, BigInt(whole)])
const count = (n: number): Exact => [BigInt(n), 1n]
const reaches = (v: Exact, target: number): boolean => {
  const [tn, td] = exactTarget(target)
  return v !== null && v[0] * td >= tn * v[1]
}
/** Progress 0–1, cut to four decimals, as docs/rules.md says. */
const progressOf = (v: Exact, target: number): number => {
  const [tn, td] = exactTarget(target)
  return v === null ? 0 : tn <= 0n ? 1 : Math.min(1, Number((v[0] * td * 10_000n) / (v[1] * tn)) / 10_000)
}

/** Carriers designated in the period by a date, from the city stream's own events (the last designation of an id wins). */
const carrierDates = new WeakMap<PureRun, ReadonlyArray<string>>()
const carriersOn = (run: PureRun, date: string, period: { readonly from: string; readonly to: string }): number => {
  let dates = carrierDates.get(run)
  if (dates === undefined) {
    const on = new Map<string, string>()
    for (const { event } of run.log) if (event.type === 'CarrierDesignated') on.set(event.data.carrierId, event.data.on)
    carrierDates.set(run, (dates = [...on.values()]))
  }
  return dates.filter((d) => d <= date && d >= period.from && d <= period.to).length
}

/** Recounts memoised for one run, by date and the target period they count new high-skilled in. */
type RecountOn = (date: string, period: { readonly from: string; readonly to: string }) => Recount

/** Every target's judgement recounted as of `asOf`; differences are described in `found`. */
const recountTargets = (run: PureRun, countOn: RecountOn, asOf: string, report: ReturnType<typeof dashboardReport>, found: string[]): void => {
  const targets = expectedPolicyOn(run.policies, asOf).document.targets
  const on = (date: string): Recount => countOn(date, targets.newHighSkilled)
  const yearEnd = `${asOf.slice(0, 4)}-12-31`
  const percent = exactTarget(100)
  const cases: ReadonlyArray<{ id: string; target: number; deadline: string; flat: boolean; ceiling: typeof percent | null; value: (d: string) => Exact }> = [
    { id: 'new-high-skilled-2030', target: targets.newHighSkilled.count, deadline: targets.newHighSkilled.to, flat: false, ceiling: null, value: (d) => count(on(d).newHighSkilled) },
    { id: 'skilled-share', target: targets.skilledSharePercent, deadline: yearEnd, flat: true, ceiling: percent, value: (d) => share(on(d).skilled, employmentOn(run, d)?.persons) },
    { id: 'high-skilled-share', target: targets.highSkilledSharePercent, deadline: targets.highSkilledShareBy, flat: false, ceiling: percent, value: (d) => share(on(d).highSkilled, on(d).skilled) },
    { id: 'high-skilled-2035', target: targets.highSkilledTotal.count, deadline: targets.highSkilledTotal.by, flat: false, ceiling: null, value: (d) => count(on(d).highSkilled) },
    { id: 'carriers', target: targets.carriers.count, deadline: targets.carriers.to, flat: false, ceiling: null, value: (d) => count(carriersOn(run, d, targets.carriers)) },
  ]
  for (const c of cases) {
    const t = report.targets.find((x) => x.id === c.id)
    if (t === undefined) {
      found.push(`as of ${asOf}, no target ${c.id}`)
      continue
    }
    const plan: JudgedPlan = { start: targets.newHighSkilled.from, deadline: c.deadline, target: exactTarget(c.target), flat: c.flat, ceiling: c.ceiling, value: c.value }
    const judgedOn = asOf < c.deadline ? asOf : c.deadline
    const judged = c.value(judgedOn)
    const say = (what: string, reported: unknown, expected: unknown): void => {
      if (JSON.stringify(reported) !== JSON.stringify(expected)) found.push(`as of ${asOf}, ${c.id} ${what}: the dashboard says ${JSON.stringify(reported)}, the recount ${JSON.stringify(expected)}`)
    }
    say('status', t.status, recountStatus(plan, asOf))
    say('met', t.met, reaches(c.value(asOf), c.target))
    say('progress', t.progress, progressOf(judged, c.target))
    say('forecast', t.forecast, shownExact(recountForecast(plan, asOf)))
    say('deadline', t.deadline, c.deadline)
    if (asOf > c.deadline) say('figure at the deadline', t.actualAtDeadline, shownExact(judged))
    // one point a year from the plan's first year (the 十五五 period's start) to the judged date's: the figure and the path
    const first = Number(targets.newHighSkilled.from.slice(0, 4))
    const years = judgedOn < targets.newHighSkilled.from ? [] : Array.from({ length: Number(judgedOn.slice(0, 4)) - first + 1 }, (_, i) => first + i)
    const pointOn = (y: number): string => (`${y}-12-31` < judgedOn ? `${y}-12-31` : judgedOn)
    say('trajectory', t.trajectory.map((p) => [p.year, p.actual, p.required]), years.map((y) => [y, shownExact(c.value(pointOn(y))), shownExact(recountRequired(plan, pointOn(y)))]))
    if (c.id === 'skilled-share') {
      const used = employmentOn(run, asOf)
      say('employment year', t.employmentYear, used?.year ?? null)
      say('carried from', t.carriedFrom, used !== null && used.year < Number(asOf.slice(0, 4)) ? used.year : undefined)
    }
  }
}

/** The money figures as of `asOf` equal the grants of each talent's own folded state (flagged: a revocation by then marked it). */
const recountMoney = (run: PureRun, asOf: string, figures: ReturnType<typeof benefitFigures>, counted: Recount, found: string[]): void => {
  const rows = new Map<string, { benefit: string; year: number; district: string; grants: number; amount: number; flaggedAmount: number }>()
  const totals: Record<string, number> = {}
  for (const [stream, s] of counted.states) {
    const district = run.talents[stream.slice('talent-'.length)]?.district ?? 'unknown'
    for (const g of s.grants) {
      const key = `${g.benefit}|${g.on.slice(0, 4)}|${district}`
      const row = rows.get(key) ?? { benefit: g.benefit, year: Number(g.on.slice(0, 4)), district, grants: 0, amount: 0, flaggedAmount: 0 }
      rows.set(key, { ...row, grants: row.grants + 1, amount: row.amount + g.amount, flaggedAmount: row.flaggedAmount + (g.flagged === null ? 0 : g.amount) })
      totals[g.benefit] = (totals[g.benefit] ?? 0) + g.amount
    }
  }
  const reported = Object.fromEntries(figures.benefits.map((r) => [`${r.benefit}|${r.year}|${r.district}`, r]))
  for (const key of new Set([...rows.keys(), ...Object.keys(reported)])) {
    const expected = rows.get(key) ?? null
    const got = reported[key] ?? null
    if (JSON.stringify(got) !== JSON.stringify(expected)) found.push(`as of ${asOf}, benefits ${key}: the report says ${JSON.stringify(got)}, the talents say ${JSON.stringify(expected)}`)
  }
  const sorted = Object.fromEntries(Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : 1)))
  if (JSON.stringify(figures.benefitTotals) !== JSON.stringify(sorted)) found.push(`as of ${asOf}, benefit totals: the report says ${JSON.stringify(figures.benefitTotals)}, the talents say ${JSON.stringify(sorted)}`)
}

/** A talent's state from its own events dated on or before `asOf`. */
const talentOn = (run: PureRun, talent: TalentCategoryUnderTest, stream: string, asOf: string): TalentState =>
  run.log.filter((l) => l.stream === stream && l.occurredOn <= asOf).reduce((s, l) => talent.evolve(s, l.event as TalentEvent), talent.initialState)

/** The honour rows recounted as of `asOf`, as `honourId/year` → [reported, inLedger, highSkilled]. */
const recountHonours = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string): Map<string, [number | null, number, number]> => {
  const rows = new Map<string, [number | null, number, number]>()
  const row = (key: string): [number | null, number, number] => rows.get(key) ?? (rows.set(key, [null, 0, 0]), rows.get(key)!)
  const streams = new Set(run.log.filter((l) => l.stream.startsWith('talent-')).map((l) => l.stream))
  for (const stream of streams) {
    // one talent counts once per honour and year, from the first day it was given it
    const firsts = new Map<string, string>()
    for (const h of talentOn(run, talent, stream, asOf).honours) {
      if (h.honourId === null) continue
      const key = `${h.honourId}/${h.on.slice(0, 4)}`
      if (!firsts.has(key) || h.on < firsts.get(key)!) firsts.set(key, h.on)
    }
    for (const [key, on] of firsts) {
      const r = row(key)
      r[1]++
      if (isHighSkilled(highestCertified(talentOn(run, talent, stream, on)))) r[2]++
    }
  }
  for (const { event } of run.log)
    if (event.type === 'HonourListReported' && `${event.data.year}-12-31` <= asOf) row(`${event.data.honourId}/${event.data.year}`)[0] = event.data.recipients
  return rows
}

/** The dashboard's figures as of a date equal a recount from each talent's folded state. */
export const dashboardMatchesRecount = defineInvariant(
  'dashboardMatchesRecount',
  'the city dashboard’s counts equal a recount of levels from each talent’s own events (DOMAIN.md §1)',
  (run, talent) => {
    const found: string[] = []
    const events = run.log.map((l) => l.event)
    const dashboard = project(cityDashboardProjection, events)
    const money = project(benefitFiguresProjection, events)
    const memo = new Map<string, Recount>()
    const countOn: RecountOn = (date, period) => {
      const key = `${date}|${period.from}|${period.to}`
      let r = memo.get(key)
      if (r === undefined) memo.set(key, (r = recount(run, talent, date, period)))
      return r
    }
    const honours = project(honourFiguresProjection, events)
    const cooperation = project(cooperationFiguresProjection, events)
    for (const asOf of reportDates(run)) {
      found.push(...cooperationDifferences(run, talent, asOf, cooperationFigures(cooperation, asOf)))
      const reportedHonours = new Map(honourFigures(honours, asOf).honours.map((r) => [`${r.honourId}/${r.year}`, [r.reported, r.inLedger, r.highSkilled]]))
      const countedHonours = recountHonours(run, talent, asOf)
      for (const key of new Set([...reportedHonours.keys(), ...countedHonours.keys()]))
        if (JSON.stringify(reportedHonours.get(key)) !== JSON.stringify(countedHonours.get(key)))
          found.push(`as of ${asOf}, honour ${key} [reported, inLedger, highSkilled]: the dashboard says ${JSON.stringify(reportedHonours.get(key))}, the talents say ${JSON.stringify(countedHonours.get(key))}`)
      const report = dashboardReport(dashboard, asOf)
      const counted = countOn(asOf, expectedPolicyOn(run.policies, asOf).document.targets.newHighSkilled)
      const compare = (what: string, reported: number, expected: number): void => {
        if (reported !== expected) found.push(`as of ${asOf}, ${what}: the dashboard says ${reported}, the talents say ${expected}`)
      }
      compare('skilled', report.skilledTotal, counted.skilled)
      compare('high-skilled', report.highSkilledTotal, counted.highSkilled)
      compare('new high-skilled', report.newHighSkilled, counted.newHighSkilled)
      const districts = new Set([...Object.keys(report.levelsByDistrict), ...Object.keys(counted.byDistrict)])
      for (const d of districts) {
        const reported = Object.entries(report.levelsByDistrict[d] ?? {}).filter(([level]) => level !== 'none')
        const levels = new Set([...reported.map(([l]) => l), ...Object.keys(counted.byDistrict[d] ?? {})])
        for (const l of levels) compare(`${l} in ${d}`, report.levelsByDistrict[d]?.[l] ?? 0, counted.byDistrict[d]?.[l] ?? 0)
      }
      recountTargets(run, countOn, asOf, report, found)
      recountMoney(run, asOf, benefitFigures(money, asOf), counted, found)
      found.push(...recountCarrierOutputs(run, talent, asOf))
    }
    return found
  },
)
