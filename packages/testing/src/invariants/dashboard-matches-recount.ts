/**
 * Invariant 7 — the city dashboard (DOMAIN.md §1) equals a recount from the talents themselves: as
 * of several dates, `dashboardReport` over `cityDashboardProjection` gives the same skilled,
 * high-skilled and new-high-skilled totals, and the same count of each certified level by district,
 * as folding each talent's own events up to that date and reading its level.
 * NOTE: talents without a certificate (level "none") are not compared: the dashboard counts a talent
 * whatever its registration date, while a recount as of a date would not.
 */
import {
  cityDashboardProjection,
  dashboardReport,
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
const recount = (run: PureRun, talent: TalentCategoryUnderTest, asOf: string): Recount => {
  const policy = expectedPolicyOn(run.policies, asOf).document.targets.newHighSkilled
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

/** The dashboard's figures as of a date equal a recount from each talent's folded state. */
export const dashboardMatchesRecount = defineInvariant(
  'dashboardMatchesRecount',
  'the city dashboard’s counts equal a recount of levels from each talent’s own events (DOMAIN.md §1)',
  (run, talent) => {
    const found: string[] = []
    const dashboard = project(cityDashboardProjection, run.log.map((l) => l.event))
    for (const asOf of reportDates(run)) {
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
    }
    return found
  },
)
