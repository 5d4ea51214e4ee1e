/**
 * Invariant 7 — the city dashboard (DOMAIN.md §1) equals a recount from the talents themselves: as
 * of several dates, `dashboardReport` over `cityDashboardProjection` gives the same skilled,
 * high-skilled and new-high-skilled totals, and the same count of each certified level by district,
 * as folding each talent's own events up to that date and reading its level.
 * Each share target's `met`, `status`, `progress` and employment year (with `carriedFrom`) and each
 * target's trajectory figures also equal the recount, judged here with exact integers (docs/rules.md,
 * "Dashboard status"); the path and forecast that separate on-track from at-risk are checked by their
 * own unit tests, so here a target neither met nor missed must be one of the two.
 * The honour figures (DOMAIN.md §14) are recounted the same way: per catalogued honour and year, the
 * talents given it by the date, those high-skilled on the day they were given it (their own events up
 * to that day), and the last list reported for a year that has ended by the date.
 * NOTE: talents without a certificate (level "none") are not compared: the dashboard counts a talent
 * whatever its registration date, while a recount as of a date would not.
 */
import {
  cityDashboardProjection,
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
import { highestCertified } from './eligibility.js'
import { defineInvariant } from './invariant.js'
import { expectedPolicyOn } from './policies.js'
import type { PureRun, TalentCategoryUnderTest } from './pure-ledger.js'

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
  const counts: Recount = { skilled: 0, highSkilled: 0, newHighSkilled: 0, byDistrict: {} }
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
const employmentOn = (run: PureRun, date: string): { year: number; persons: number } | null => {
  const byYear = new Map<number, number>()
  for (const { event } of run.log) if (event.type === 'EmploymentStatisticsReported') byYear.set(event.data.year, event.data.employedPersons)
  const years = [...byYear.keys()].filter((y) => y <= Number(date.slice(0, 4)))
  if (years.length === 0) return null
  const year = Math.max(...years)
  return { year, persons: byYear.get(year)! }
}

/** An exact share in percent as [numerator, denominator], or null without a whole. */
type Exact = readonly [bigint, bigint] | null
const share = (part: number, whole: number | null | undefined): Exact => (whole === null || whole === undefined || whole === 0 ? null : [BigInt(part) * 100n, BigInt(whole)])
const reaches = (v: Exact, target: number): boolean => v !== null && v[0] * 100n >= BigInt(Math.round(target * 100)) * v[1]
/** Progress 0–1, cut to four decimals, as docs/rules.md says. */
const progressOf = (v: Exact, target: number): number =>
  v === null ? 0 : target <= 0 ? 1 : Math.min(1, Number((v[0] * 1_000_000n) / (v[1] * BigInt(Math.round(target * 100)))) / 10_000)
const shown = (v: Exact): number | null => (v === null ? null : Math.round((Number(v[0]) / Number(v[1])) * 100) / 100)

/** The share targets' judgement recounted as of `asOf`; differences are described in `found`. */
const recountShares = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string, report: ReturnType<typeof dashboardReport>, found: string[]): void => {
  const targets = expectedPolicyOn(run.policies, asOf).document.targets
  const memo = new Map<string, Recount>()
  const on = (date: string): Recount => memo.get(date) ?? (memo.set(date, recount(run, talent, date, targets.newHighSkilled)), memo.get(date)!)
  const skilledShare = (date: string): Exact => share(on(date).skilled, employmentOn(run, date)?.persons)
  const highSkilledShare = (date: string): Exact => share(on(date).highSkilled, on(date).skilled)
  const yearEnd = `${asOf.slice(0, 4)}-12-31`
  const cases = [
    { id: 'skilled-share', target: targets.skilledSharePercent, deadline: yearEnd, value: skilledShare },
    { id: 'high-skilled-share', target: targets.highSkilledSharePercent, deadline: targets.highSkilledShareBy, value: highSkilledShare },
    { id: 'new-high-skilled-2030', target: targets.newHighSkilled.count, deadline: targets.newHighSkilled.to, value: (d: string): Exact => [BigInt(on(d).newHighSkilled) * 100n, 100n] },
  ] as const
  for (const c of cases) {
    const t = report.targets.find((x) => x.id === c.id)
    if (t === undefined) {
      found.push(`as of ${asOf}, no target ${c.id}`)
      continue
    }
    const judgedOn = asOf < c.deadline ? asOf : c.deadline
    const judged = c.value(judgedOn)
    const status = judged === null ? 'no-data' : reaches(judged, c.target) ? 'met' : asOf >= c.deadline ? 'missed' : 'on-track or at-risk'
    const say = (what: string, reported: unknown, expected: unknown): void => {
      if (JSON.stringify(reported) !== JSON.stringify(expected)) found.push(`as of ${asOf}, ${c.id} ${what}: the dashboard says ${JSON.stringify(reported)}, the recount ${JSON.stringify(expected)}`)
    }
    say('status', status === 'on-track or at-risk' && (t.status === 'on-track' || t.status === 'at-risk') ? status : t.status, status)
    say('met', t.met, reaches(c.value(asOf), c.target))
    say('progress', t.progress, progressOf(judged, c.target))
    say('deadline', t.deadline, c.deadline)
    if (asOf > c.deadline) say('figure at the deadline', t.actualAtDeadline, shown(judged))
    // one point a year from the plan's first year (the 十五五 period's start) to the judged date's
    const first = Number(targets.newHighSkilled.from.slice(0, 4))
    const years = judgedOn < targets.newHighSkilled.from ? [] : Array.from({ length: Number(judgedOn.slice(0, 4)) - first + 1 }, (_, i) => first + i)
    say('trajectory', t.trajectory.map((p) => [p.year, p.actual]), years.map((y) => [y, shown(c.value(`${y}-12-31` < judgedOn ? `${y}-12-31` : judgedOn))]))
    if (c.id === 'skilled-share') {
      const used = employmentOn(run, asOf)
      say('employment year', t.employmentYear, used?.year ?? null)
      say('carried from', t.carriedFrom, used !== null && used.year < Number(asOf.slice(0, 4)) ? used.year : undefined)
    }
  }
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
    const dashboard = project(cityDashboardProjection, run.log.map((l) => l.event))
    const honours = project(honourFiguresProjection, run.log.map((l) => l.event))
    for (const asOf of reportDates(run)) {
      const reportedHonours = new Map(honourFigures(honours, asOf).honours.map((r) => [`${r.honourId}/${r.year}`, [r.reported, r.inLedger, r.highSkilled]]))
      const countedHonours = recountHonours(run, talent, asOf)
      for (const key of new Set([...reportedHonours.keys(), ...countedHonours.keys()]))
        if (JSON.stringify(reportedHonours.get(key)) !== JSON.stringify(countedHonours.get(key)))
          found.push(`as of ${asOf}, honour ${key} [reported, inLedger, highSkilled]: the dashboard says ${JSON.stringify(reportedHonours.get(key))}, the talents say ${JSON.stringify(countedHonours.get(key))}`)
      const report = dashboardReport(dashboard, asOf)
      const counted = recount(run, talent, asOf)
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
      recountShares(run, talent, asOf, report, found)
    }
    return found
  },
)
