/**
 * The report's readings as they were written before they read the folded state in place (for…in
 * over own keys, a map per field, the last row tried first): the reference the faster readings are
 * held to. Copied from core's projections at that point, only the imports changed.
 */
import {
  isHighSkilled,
  LEVELS,
  policyInForce,
  rank,
  talentStanding,
  type BenefitFigures,
  type BenefitFiguresState,
  type BenefitRow,
  type CooperationFigures,
  type CooperationFiguresState,
  type DashboardState,
  type Level,
  type ServiceFigures,
  type ServiceFiguresState,
} from '@talent-ledger/core'

const yearOf = (date: string): number => Number(date.slice(0, 4))

const everyEntry = <V>(byTalent: Record<string, Record<string, V>>): V[] => {
  const all: V[] = []
  for (const talentId in byTalent) {
    if (!Object.hasOwn(byTalent, talentId)) continue
    const mine = byTalent[talentId]!
    for (const id in mine) if (Object.hasOwn(mine, id)) all.push(mine[id]!)
  }
  return all
}

type Row = { benefit: string; year: number; district: string; grants: number; amount: number; flaggedAmount: number }

export const benefitFiguresBefore = (s: BenefitFiguresState, asOf: string): BenefitFigures => {
  const byBenefit = new Map<string, Map<number, Map<string, Row>>>()
  const benefitTotals: Record<string, number> = {}
  for (const g of everyEntry(s.grants)) {
    if (g.on > asOf) continue
    const year = yearOf(g.on)
    let byYear = byBenefit.get(g.benefit)
    if (byYear === undefined) byBenefit.set(g.benefit, (byYear = new Map()))
    let byDistrict = byYear.get(year)
    if (byDistrict === undefined) byYear.set(year, (byDistrict = new Map()))
    let row = byDistrict.get(g.district)
    if (row === undefined) byDistrict.set(g.district, (row = { benefit: g.benefit, year, district: g.district, grants: 0, amount: 0, flaggedAmount: 0 }))
    row.grants++
    row.amount += g.amount
    if (g.flaggedOn !== null && g.flaggedOn <= asOf) row.flaggedAmount += g.amount
    benefitTotals[g.benefit] = (benefitTotals[g.benefit] ?? 0) + g.amount
  }
  const rows: Row[] = []
  for (const byYear of byBenefit.values()) for (const byDistrict of byYear.values()) for (const row of byDistrict.values()) rows.push(row)
  const order = (a: BenefitRow, b: BenefitRow): number =>
    a.benefit < b.benefit ? -1 : a.benefit > b.benefit ? 1 : a.year - b.year || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0)
  const sortedTotals = Object.fromEntries(Object.entries(benefitTotals).sort(([a], [b]) => (a < b ? -1 : 1)))
  return { benefits: rows.sort(order), benefitTotals: sortedTotals }
}

export const serviceFiguresBefore = (s: ServiceFiguresState, asOf: string): ServiceFigures => {
  const entries = policyInForce(s.policies, asOf).document.services ?? []
  const atRank = new Array<number>(LEVELS.length).fill(0)
  for (const certs of Object.values(s.certificates)) {
    const level = talentStanding(certs, asOf).level
    if (level !== null) atRank[rank(level)]!++
  }
  const atLeast = (minLevel: Level): number => atRank.slice(Math.max(0, rank(minLevel))).reduce((n, k) => n + k, 0)
  const entitled = new Map<string, number | null>(entries.map((e) => [e.service, e.minLevel === null ? null : atLeast(e.minLevel)]))
  const rows = new Map<string, { service: string; year: number; delivered: number }>()
  const row = (service: string, year: number) => {
    const key = `${service}/${year}`
    let r = rows.get(key)
    if (r === undefined) rows.set(key, (r = { service, year, delivered: 0 }))
    return r
  }
  for (const d of Object.values(s.deliveries)) if (d.on <= asOf) row(d.service, yearOf(d.on)).delivered++
  for (const e of entries) row(e.service, yearOf(asOf))
  const services = [...rows.values()]
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.year - b.year))
    .map((r) => ({ ...r, entitledNow: entitled.get(r.service) ?? null }))
  return { services }
}

type Employment = CooperationFiguresState['employments'][string][number]

const employmentOn = (list: ReadonlyArray<Employment>, asOf: string): { readonly employerId: string | null; readonly relation: string } | null => {
  let seen = false
  let employerId: string | null = null
  let relation = 'employee'
  for (const m of list) {
    if (m.on > asOf) continue
    seen = true
    employerId = m.employerId
    relation = m.relation ?? relation
  }
  return seen ? { employerId, relation } : null
}

export const cooperationFiguresBefore = (s: CooperationFiguresState, asOf: string): CooperationFigures => {
  const rows = new Map<string, { agreementId: string; kind: string; enrolled: number; completed: number; hiredByPartner: number }>()
  for (const [agreementId, a] of Object.entries(s.agreements)) if (a.on <= asOf) rows.set(agreementId, { agreementId, kind: a.kind, enrolled: 0, completed: 0, hiredByPartner: 0 })
  for (const t of everyEntry(s.trainings)) {
    const row = rows.get(t.agreementId)
    if (row === undefined || t.startedOn > asOf) continue
    row.enrolled++
    if (t.completedOn !== null && t.completedOn <= asOf) row.completed++
  }
  for (const h of s.hires) {
    const row = rows.get(h.agreementId)
    if (row !== undefined && h.on <= asOf) row.hiredByPartner++
  }
  const schools = new Map<string, { schoolId: string; total: number; highSkilled: number }>()
  for (const [talentId, list] of Object.entries(s.employments)) {
    const m = employmentOn(list, asOf)
    if (m === null || m.relation !== 'teacher' || m.employerId === null) continue
    let school = schools.get(m.employerId)
    if (school === undefined) schools.set(m.employerId, (school = { schoolId: m.employerId, total: 0, highSkilled: 0 }))
    school.total++
    if (isHighSkilled(talentStanding(s.certificates[talentId] ?? [], asOf).level)) school.highSkilled++
  }
  const byId = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
  const bySchool = [...schools.values()].sort(byId((x) => x.schoolId))
  return {
    agreements: [...rows.values()].sort(byId((x) => x.agreementId)),
    teachers: { total: bySchool.reduce((n, x) => n + x.total, 0), highSkilled: bySchool.reduce((n, x) => n + x.highSkilled, 0), bySchool },
  }
}

export const trainingsByFieldBefore = (s: DashboardState, asOf: string): Record<string, { enrolled: number; completed: number }> => {
  const trainingsByField: Record<string, { enrolled: number; completed: number }> = {}
  for (const t of Object.values(s.trainings)) {
    if (t.startedOn > asOf) continue
    const f = (trainingsByField[t.field] ??= { enrolled: 0, completed: 0 })
    f.enrolled++
    if (t.completedOn !== null && t.completedOn <= asOf) f.completed++
  }
  return trainingsByField
}
