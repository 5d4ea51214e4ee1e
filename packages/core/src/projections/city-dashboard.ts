/**
 * The city dashboard (DOMAIN.md §1): progress against the targets of the policy in force. Counts
 * use certificates still valid on the report date; "new high-skilled" is a person whose first
 * valid certificate at senior or above falls in the target period. The projection keeps only
 * dated facts, so one state answers for any `asOf`, and for the earlier dates a target's status,
 * trajectory and forecast need (target-progress.ts): each is the same report read on that date.
 * Targets are judged on exact ratios (exact-ratio.ts); only the percentages shown are rounded.
 */
import { yearOf } from '../kernel/dates.js'
import { entryOrKept, keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { Projection } from '../kernel/projection.js'
import type { LedgerEvent } from '../domain/events.js'
import { LEVELS, rank, type CertifiedLevel, type Level } from '../vocabulary/ladder.js'
import type { AdoptedPolicy } from '../policy/document.js'
import { policyInForce } from '../policy/registry.js'
import { appended } from './appended.js'
import { atLeastRatio, ratio, ratioOfDecimal, type Ratio } from './exact-ratio.js'
import { targetProgress, type TargetPlan, type TargetProgress } from './target-progress.js'

interface DatedCertificate {
  readonly level: CertifiedLevel
  readonly on: string
  revokedOn: string | null
}

/** What the dashboard remembers of the log (updated in place by `apply`). */
export interface DashboardState {
  readonly talents: Record<string, { readonly district: string; readonly registeredOn: string; certificates: DatedCertificate[] }>
  readonly employedPersons: Record<string, number>
  readonly carriers: Record<string, { readonly kind: string; readonly on: string }>
  readonly trainings: Record<string, { readonly field: string; readonly startedOn: string; completedOn: string | null }>
  readonly policies: AdoptedPolicy[]
}

/** Target ids of the report (CLI contract). */
export type TargetId = 'new-high-skilled-2030' | 'skilled-share' | 'high-skilled-share' | 'high-skilled-2035' | 'carriers'

/**
 * One target and how the city stands against it. Shares are percentages. `actual` and `met` keep
 * their first meaning (the figure on the report date, and whether it reaches the target, judged
 * exactly); `status` judges against the deadline (target-progress.ts). The skilled share also names
 * the employment year used and, when that is an earlier year's figure, `carriedFrom`.
 */
export interface TargetStatus extends TargetProgress {
  readonly id: TargetId
  readonly target: number
  readonly actual: number | null
  readonly met: boolean
  readonly period: { readonly from: string | null; readonly to: string }
  readonly employmentYear?: number | null
  readonly carriedFrom?: number
  /** A count target of a simulation's policy (`targets.scale`): the city's target multiplied by this factor. */
  readonly scaledBy?: number
}

/** The dashboard on a date. */
export interface CityReport {
  readonly asOf: string
  readonly policyId: string
  /** The policy's `targets.scale` (a simulation at a fraction of the city), null for the city's own targets. */
  readonly targetScale: number | null
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
      keepEntry(s.talents, e.data.talentId, { district: e.data.district, registeredOn: e.data.registeredOn, certificates: [] })
      return
    case 'LevelCertified': {
      const t = ownEntry(s.talents, e.data.talentId)
      if (t !== undefined) t.certificates = appended(t.certificates, { level: e.data.level, on: e.data.on, revokedOn: null })
      return
    }
    case 'PriorCertificateRecorded': {
      // dated by its issue: in the stock from then on, and "new high-skilled" only when that date
      // falls in the period and it is the person's first at senior or above (talentStanding)
      const t = ownEntry(s.talents, e.data.talentId)
      if (t !== undefined) t.certificates = appended(t.certificates, { level: e.data.level, on: e.data.issuedOn, revokedOn: null })
      return
    }
    case 'CertificateRevoked':
      // as in the talent's own fold: every valid certificate at the level is revoked
      for (const c of ownEntry(s.talents, e.data.talentId)?.certificates ?? []) if (c.level === e.data.level && c.revokedOn === null) c.revokedOn = e.data.on
      return
    case 'TrainingEnrolled':
      keepEntry(s.trainings, `${e.data.talentId}/${e.data.programId}`, { field: e.data.field, startedOn: e.data.startedOn, completedOn: null })
      return
    case 'TrainingCompleted': {
      const t = ownEntry(s.trainings, `${e.data.talentId}/${e.data.programId}`)
      if (t !== undefined) t.completedOn = e.data.completedOn
      return
    }
    case 'CarrierDesignated':
      keepEntry(s.carriers, e.data.carrierId, { kind: e.data.kind, on: e.data.on })
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
  // the types applyEvent reads: a rebuild skips the rest (two thirds of a city's log) undecoded
  eventTypes: new Set<LedgerEvent['type']>([
    'TalentRegistered',
    'LevelCertified',
    'PriorCertificateRecorded',
    'CertificateRevoked',
    'TrainingEnrolled',
    'TrainingCompleted',
    'CarrierDesignated',
    'EmploymentStatisticsReported',
    'PolicyAdopted',
  ]),
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
  let best = rank(null)
  let firstHighSkilledOn: string | null = null
  for (const c of certificates) {
    if (c.on > asOf || (c.revokedOn !== null && c.revokedOn <= asOf)) continue
    // each certificate ranked once (the services' and teachers' figures stand every talent so)
    const r = rank(c.level)
    if (r > best) {
      level = c.level
      best = r
    }
    if (r >= SENIOR && (firstHighSkilledOn === null || c.on < firstHighSkilledOn)) firstHighSkilledOn = c.on
  }
  return { level, firstHighSkilledOn }
}

/** The report on `asOf`, against the targets of the policy in force that day. */
export const dashboardReport = (s: DashboardState, asOf: string): CityReport => {
  const policy = policyInForce(s.policies, asOf)
  const targets = policy.document.targets
  const book = talentBook(s)
  const levelsByDistrict: Record<string, Record<string, number>> = {}
  const figures = cityFigures(s, book, asOf, targets, levelsByDistrict)
  const { newHighSkilled, highSkilledTotal, skilledTotal, talentsTotal, employedPersons, employedPersonsYear, carriers } = figures
  const trainingsByField = trainingsOn(s.trainings, asOf)
  const skilledSharePercent = percent(skilledTotal, employedPersons)
  const highSkilledSharePercent = percent(highSkilledTotal, skilledTotal)
  const judged = judgedTargets(s, book, asOf, targets, figures)
  const scaled = targets.scale === undefined ? {} : { scaledBy: targets.scale }
  return {
    asOf,
    policyId: policy.policyId,
    targetScale: targets.scale ?? null,
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
      { id: 'new-high-skilled-2030', target: targets.newHighSkilled.count, actual: newHighSkilled, met: newHighSkilled >= targets.newHighSkilled.count, period: { from: targets.newHighSkilled.from, to: targets.newHighSkilled.to }, ...judged.newHighSkilled, ...scaled },
      { id: 'skilled-share', target: targets.skilledSharePercent, actual: skilledSharePercent, met: judged.skilledShareMet, period: { from: null, to: `${yearOf(asOf)}-12-31` }, ...judged.skilledShare, employmentYear: employedPersonsYear, ...(employedPersonsYear !== null && employedPersonsYear < yearOf(asOf) ? { carriedFrom: employedPersonsYear } : {}) },
      { id: 'high-skilled-share', target: targets.highSkilledSharePercent, actual: highSkilledSharePercent, met: judged.highSkilledShareMet, period: { from: null, to: targets.highSkilledShareBy }, ...judged.highSkilledShare },
      { id: 'high-skilled-2035', target: targets.highSkilledTotal.count, actual: highSkilledTotal, met: highSkilledTotal >= targets.highSkilledTotal.count, period: { from: null, to: targets.highSkilledTotal.by }, ...judged.highSkilledTotal, ...scaled },
      { id: 'carriers', target: targets.carriers.count, actual: carriers, met: carriers >= targets.carriers.count, period: { from: targets.carriers.from, to: targets.carriers.to }, ...judged.carriers, ...scaled },
    ],
  }
}

/**
 * Trainings begun by `asOf` and those completed by then, by field, fields in the order first met.
 * Counted in a map, then written out in that order: each training's field is its own string from
 * the log, which a dictionary would first look up among the engine's names, where a map hashes it.
 */
const trainingsOn = (trainings: DashboardState['trainings'], asOf: string): Record<string, { enrolled: number; completed: number }> => {
  const byField = new Map<string, { enrolled: number; completed: number }>()
  // for…in over own keys, in Object.values' order, without its array of every training first
  for (const key in trainings) {
    if (!Object.hasOwn(trainings, key)) continue
    const t = trainings[key]!
    if (t.startedOn > asOf) continue
    let f = byField.get(t.field)
    if (f === undefined) byField.set(t.field, (f = { enrolled: 0, completed: 0 }))
    f.enrolled++
    if (t.completedOn !== null && t.completedOn <= asOf) f.completed++
  }
  const trainingsByField: Record<string, { enrolled: number; completed: number }> = {}
  for (const [field, f] of byField) keepEntry(trainingsByField, field, f)
  return trainingsByField
}

type Targets = AdoptedPolicy['document']['targets']

/** The counts behind the targets as of a date. */
interface CityFigures {
  readonly newHighSkilled: number
  readonly highSkilledTotal: number
  readonly skilledTotal: number
  readonly talentsTotal: number
  readonly employedPersons: number | null
  readonly employedPersonsYear: number | null
  readonly carriers: number
}

/** A share as an exact percentage, or null without a whole. */
const exactPercent = (part: number, whole: number | null): Ratio | null => (whole === null || whole === 0 ? null : ratio(part * 100, whole))

/**
 * Every target's status, progress, forecast and trajectory, each figure read from the same
 * projection as of the day it needs (memoised per day). Targets are those in force on `asOf`.
 */
const judgedTargets = (s: DashboardState, book: TalentBook, asOf: string, targets: Targets, now: CityFigures) => {
  const memo = new Map<string, CityFigures>([[asOf, now]])
  const on = (date: string): CityFigures => {
    let f = memo.get(date)
    if (f === undefined) memo.set(date, (f = cityFigures(s, book, date, targets)))
    return f
  }
  const start = targets.newHighSkilled.from
  const plan = (deadline: string, target: number, valueOn: TargetPlan['valueOn'], share = false, flat = false): TargetPlan => ({ start, deadline, target: ratioOfDecimal(target), flat, ceiling: share ? ratio(100) : null, valueOn })
  const skilledShare = (f: CityFigures): Ratio | null => exactPercent(f.skilledTotal, f.employedPersons)
  const highSkilledShare = (f: CityFigures): Ratio | null => exactPercent(f.highSkilledTotal, f.skilledTotal)
  const met = (value: Ratio | null, target: number): boolean => value !== null && atLeastRatio(value, ratioOfDecimal(target))
  return {
    skilledShareMet: met(skilledShare(now), targets.skilledSharePercent),
    highSkilledShareMet: met(highSkilledShare(now), targets.highSkilledSharePercent),
    newHighSkilled: targetProgress(plan(targets.newHighSkilled.to, targets.newHighSkilled.count, (d) => ratio(on(d).newHighSkilled)), asOf),
    // required every year: a flat path at the target, judged at the end of the report's year
    skilledShare: targetProgress(plan(`${yearOf(asOf)}-12-31`, targets.skilledSharePercent, (d) => skilledShare(on(d)), true, true), asOf),
    highSkilledShare: targetProgress(plan(targets.highSkilledShareBy, targets.highSkilledSharePercent, (d) => highSkilledShare(on(d)), true), asOf),
    highSkilledTotal: targetProgress(plan(targets.highSkilledTotal.by, targets.highSkilledTotal.count, (d) => ratio(on(d).highSkilledTotal)), asOf),
    carriers: targetProgress(plan(targets.carriers.to, targets.carriers.count, (d) => ratio(on(d).carriers)), asOf),
  }
}

const JUNIOR = rank('junior')
const SENIOR = rank('senior')
/** No date: a certificate never revoked. */
const NEVER = Number.MAX_SAFE_INTEGER

const digit = (date: string, i: number): number => date.charCodeAt(i) - 48

/** A YYYY-MM-DD date as the number YYYYMMDD: the same order, compared as a number. */
const dayNumber = (d: string): number =>
  ((((((digit(d, 0) * 10 + digit(d, 1)) * 10 + digit(d, 2)) * 10 + digit(d, 3)) * 10 + digit(d, 5)) * 10 + digit(d, 6)) * 10 + digit(d, 8)) * 10 + digit(d, 9)

/**
 * Every talent's registration and certificates as numbers in flat arrays (talent i's certificates
 * at `first[i]` up to `first[i + 1]`), built once per report: the report counts the whole city on
 * a score of dates (each target's trajectory), and this is what each count reads.
 */
interface TalentBook {
  readonly district: ReadonlyArray<string>
  readonly registeredOn: Float64Array
  readonly first: Uint32Array
  readonly on: Float64Array
  readonly revokedOn: Float64Array
  readonly rank: Int8Array
}

const talentBook = (s: DashboardState): TalentBook => {
  const talents = Object.values(s.talents)
  const certificates = talents.reduce((n, t) => n + t.certificates.length, 0)
  const book = {
    district: talents.map((t) => t.district),
    registeredOn: new Float64Array(talents.length),
    first: new Uint32Array(talents.length + 1),
    on: new Float64Array(certificates),
    revokedOn: new Float64Array(certificates),
    rank: new Int8Array(certificates),
  }
  let k = 0
  talents.forEach((t, i) => {
    book.registeredOn[i] = dayNumber(t.registeredOn)
    book.first[i] = k
    for (const c of t.certificates) {
      book.on[k] = dayNumber(c.on)
      book.revokedOn[k] = c.revokedOn === null ? NEVER : dayNumber(c.revokedOn)
      book.rank[k] = rank(c.level)
      k++
    }
  })
  book.first[talents.length] = k
  return book
}

/**
 * The counts as of `asOf` (the targets' periods decide what counts as new), by talentStanding's
 * rule read from the book; with `levelsByDistrict`, the talents on the books counted into it too.
 */
const cityFigures = (s: DashboardState, book: TalentBook, asOfDate: string, targets: Targets, levelsByDistrict?: Record<string, Record<string, number>>): CityFigures => {
  let newHighSkilled = 0
  let highSkilledTotal = 0
  let skilledTotal = 0
  let talentsTotal = 0
  const [asOf, from, to] = [dayNumber(asOfDate), dayNumber(targets.newHighSkilled.from), dayNumber(targets.newHighSkilled.to)]
  const { registeredOn, first, on, revokedOn } = book
  for (let i = 0; i < registeredOn.length; i++) {
    let best = -1
    let firstHighSkilledOn = NEVER
    for (let k = first[i]!; k < first[i + 1]!; k++) {
      if (on[k]! > asOf || revokedOn[k]! <= asOf) continue
      const r = book.rank[k]!
      if (r > best) best = r
      if (r >= SENIOR && on[k]! < firstHighSkilledOn) firstHighSkilledOn = on[k]!
    }
    // registered later and certified by then (a record brought in afterwards) still counts on the date;
    // registered later with nothing to show by then is not yet on the city's books
    if (registeredOn[i]! > asOf && best < 0) continue
    talentsTotal++
    if (levelsByDistrict !== undefined) {
      const key: Level | 'none' = LEVELS[best] ?? 'none'
      const district = entryOrKept<Record<string, number>>(levelsByDistrict, book.district[i]!, () => ({}))
      district[key] = (district[key] ?? 0) + 1
    }
    if (best >= JUNIOR) skilledTotal++
    if (best >= SENIOR) highSkilledTotal++
    if (firstHighSkilledOn >= from && firstHighSkilledOn <= to) newHighSkilled++
  }
  const years = Object.keys(s.employedPersons).map(Number).filter((y) => y <= yearOf(asOfDate))
  const employedPersonsYear = years.length === 0 ? null : Math.max(...years)
  const employedPersons = employedPersonsYear === null ? null : s.employedPersons[String(employedPersonsYear)] ?? null
  const carriers = Object.values(s.carriers).filter((c) => c.on <= asOfDate && c.on >= targets.carriers.from && c.on <= targets.carriers.to).length
  return { newHighSkilled, highSkilledTotal, skilledTotal, talentsTotal, employedPersons, employedPersonsYear, carriers }
}

/** Levels in ladder order, for charts and tables. */
export const REPORT_LEVELS: ReadonlyArray<Level | 'none'> = ['none', ...LEVELS]
