/**
 * The city dashboard (DOMAIN.md §1): progress against the targets of the policy in force. Counts
 * use certificates still valid on the report date; "new high-skilled" is a person whose first
 * valid certificate at senior or above falls in the target period. The projection keeps only
 * dated facts, so one state answers for any `asOf`.
 */
import { yearOf } from '../kernel/dates.js'
import type { Projection } from '../kernel/projection.js'
import type { LedgerEvent } from '../domain/events.js'
import { isHighSkilled, isSkilled, LEVELS, rank, type CertifiedLevel, type Level } from '../vocabulary/ladder.js'
import type { AdoptedPolicy } from '../policy/document.js'
import { policyInForce } from '../policy/registry.js'

interface DatedCertificate {
  readonly level: CertifiedLevel
  readonly on: string
  revokedOn: string | null
}

/** What the dashboard remembers of the log (updated in place by `apply`). */
export interface DashboardState {
  readonly talents: Record<string, { readonly district: string; readonly registeredOn: string; readonly certificates: DatedCertificate[] }>
  readonly employedPersons: Record<string, number>
  readonly carriers: Record<string, { readonly kind: string; readonly on: string }>
  readonly trainings: Record<string, { readonly field: string; readonly startedOn: string; completedOn: string | null }>
  readonly policies: AdoptedPolicy[]
}

/** Target ids of the report (CLI contract). */
export type TargetId = 'new-high-skilled-2030' | 'skilled-share' | 'high-skilled-share' | 'high-skilled-2035' | 'carriers'

/** One target and how the city stands against it. Shares are percentages. */
export interface TargetStatus {
  readonly id: TargetId
  readonly target: number
  readonly actual: number | null
  readonly met: boolean
  readonly period: { readonly from: string | null; readonly to: string }
}

/** The dashboard on a date. */
export interface CityReport {
  readonly asOf: string
  readonly policyId: string
  readonly newHighSkilled: number
  readonly highSkilledTotal: number
  readonly skilledTotal: number
  readonly talentsTotal: number
  readonly employedPersons: number | null
  readonly employedPersonsYear: number | null
  readonly skilledSharePercent: number | null
  readonly highSkilledSharePercent: number | null
  readonly carriers: number
  readonly levelsByDistrict: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly trainingsByField: Readonly<Record<string, { readonly enrolled: number; readonly completed: number }>>
  readonly targets: ReadonlyArray<TargetStatus>
}

const applyEvent = (s: DashboardState, e: LedgerEvent): void => {
  switch (e.type) {
    case 'TalentRegistered':
      s.talents[e.data.talentId] = { district: e.data.district, registeredOn: e.data.registeredOn, certificates: [] }
      return
    case 'LevelCertified':
      s.talents[e.data.talentId]?.certificates.push({ level: e.data.level, on: e.data.on, revokedOn: null })
      return
    case 'PriorCertificateRecorded':
      // dated by its issue: in the stock from then on, and "new high-skilled" only when that date
      // falls in the period and it is the person's first at senior or above (talentStanding)
      s.talents[e.data.talentId]?.certificates.push({ level: e.data.level, on: e.data.issuedOn, revokedOn: null })
      return
    case 'CertificateRevoked':
      // as in the talent's own fold: every valid certificate at the level is revoked
      for (const c of s.talents[e.data.talentId]?.certificates ?? []) if (c.level === e.data.level && c.revokedOn === null) c.revokedOn = e.data.on
      return
    case 'TrainingEnrolled':
      s.trainings[`${e.data.talentId}/${e.data.programId}`] = { field: e.data.field, startedOn: e.data.startedOn, completedOn: null }
      return
    case 'TrainingCompleted': {
      const t = s.trainings[`${e.data.talentId}/${e.data.programId}`]
      if (t !== undefined) t.completedOn = e.data.completedOn
      return
    }
    case 'CarrierDesignated':
      s.carriers[e.data.carrierId] = { kind: e.data.kind, on: e.data.on }
      return
    case 'EmploymentStatisticsReported':
      s.employedPersons[String(e.data.year)] = e.data.employedPersons
      return
    case 'PolicyAdopted':
      s.policies.push({ policyId: e.data.policyId, effectiveFrom: e.data.effectiveFrom, document: e.data.document })
      return
    default:
      return
  }
}

/** The dashboard projection (dated facts, updated in place; the report is computed on read). */
export const cityDashboardProjection: Projection<DashboardState, LedgerEvent> = {
  name: 'city-dashboard',
  initialState: () => ({ talents: {}, employedPersons: {}, carriers: {}, trainings: {}, policies: [] }),
  apply: (s, e) => {
    applyEvent(s, e)
    return s
  },
}

const percent = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : Math.round((part / whole) * 10_000) / 100

/** Per-talent facts as of a date: the level and the first valid high-skilled certificate date. */
export const talentStanding = (
  certificates: ReadonlyArray<DatedCertificate>,
  asOf: string,
): { readonly level: CertifiedLevel | null; readonly firstHighSkilledOn: string | null } => {
  let level: CertifiedLevel | null = null
  let firstHighSkilledOn: string | null = null
  for (const c of certificates) {
    if (c.on > asOf || (c.revokedOn !== null && c.revokedOn <= asOf)) continue
    if (rank(c.level) > rank(level)) level = c.level
    if (isHighSkilled(c.level) && (firstHighSkilledOn === null || c.on < firstHighSkilledOn)) firstHighSkilledOn = c.on
  }
  return { level, firstHighSkilledOn }
}

/** The report on `asOf`, against the targets of the policy in force that day. */
export const dashboardReport = (s: DashboardState, asOf: string): CityReport => {
  const policy = policyInForce(s.policies, asOf)
  const targets = policy.document.targets
  let newHighSkilled = 0
  let highSkilledTotal = 0
  let skilledTotal = 0
  let talentsTotal = 0
  const levelsByDistrict: Record<string, Record<string, number>> = {}
  for (const t of Object.values(s.talents)) {
    const { level, firstHighSkilledOn } = talentStanding(t.certificates, asOf)
    // registered later and certified by then (a record brought in afterwards) still counts on the date;
    // registered later with nothing to show by then is not yet on the city's books
    if (t.registeredOn > asOf && level === null) continue
    talentsTotal++
    const key: Level | 'none' = level ?? 'none'
    const district = (levelsByDistrict[t.district] ??= {})
    district[key] = (district[key] ?? 0) + 1
    if (isSkilled(level)) skilledTotal++
    if (isHighSkilled(level)) highSkilledTotal++
    if (firstHighSkilledOn !== null && firstHighSkilledOn >= targets.newHighSkilled.from && firstHighSkilledOn <= targets.newHighSkilled.to) newHighSkilled++
  }
  const years = Object.keys(s.employedPersons).map(Number).filter((y) => y <= yearOf(asOf))
  const employedPersonsYear = years.length === 0 ? null : Math.max(...years)
  const employedPersons = employedPersonsYear === null ? null : s.employedPersons[String(employedPersonsYear)] ?? null
  const carriers = Object.values(s.carriers).filter((c) => c.on <= asOf && c.on >= targets.carriers.from && c.on <= targets.carriers.to).length
  const trainingsByField: Record<string, { enrolled: number; completed: number }> = {}
  for (const t of Object.values(s.trainings)) {
    if (t.startedOn > asOf) continue
    const f = (trainingsByField[t.field] ??= { enrolled: 0, completed: 0 })
    f.enrolled++
    if (t.completedOn !== null && t.completedOn <= asOf) f.completed++
  }
  const skilledSharePercent = percent(skilledTotal, employedPersons)
  const highSkilledSharePercent = percent(highSkilledTotal, skilledTotal)
  const atLeast = (actual: number | null, target: number): boolean => actual !== null && actual >= target
  return {
    asOf,
    policyId: policy.policyId,
    newHighSkilled,
    highSkilledTotal,
    skilledTotal,
    talentsTotal,
    employedPersons,
    employedPersonsYear,
    skilledSharePercent,
    highSkilledSharePercent,
    carriers,
    levelsByDistrict,
    trainingsByField,
    targets: [
      { id: 'new-high-skilled-2030', target: targets.newHighSkilled.count, actual: newHighSkilled, met: newHighSkilled >= targets.newHighSkilled.count, period: { from: targets.newHighSkilled.from, to: targets.newHighSkilled.to } },
      { id: 'skilled-share', target: targets.skilledSharePercent, actual: skilledSharePercent, met: atLeast(skilledSharePercent, targets.skilledSharePercent), period: { from: null, to: `${yearOf(asOf)}-12-31` } },
      { id: 'high-skilled-share', target: targets.highSkilledSharePercent, actual: highSkilledSharePercent, met: atLeast(highSkilledSharePercent, targets.highSkilledSharePercent), period: { from: null, to: targets.highSkilledShareBy } },
      { id: 'high-skilled-2035', target: targets.highSkilledTotal.count, actual: highSkilledTotal, met: highSkilledTotal >= targets.highSkilledTotal.count, period: { from: null, to: targets.highSkilledTotal.by } },
      { id: 'carriers', target: targets.carriers.count, actual: carriers, met: carriers >= targets.carriers.count, period: { from: targets.carriers.from, to: targets.carriers.to } },
    ],
  }
}

/** Levels in ladder order, for charts and tables. */
export const REPORT_LEVELS: ReadonlyArray<Level | 'none'> = ['none', ...LEVELS]
