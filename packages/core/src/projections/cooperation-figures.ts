/**
 * Cooperation on the city dashboard (DOMAIN.md §11, §16): per agreement the talents enrolled and
 * completed under it and those its partners hired; per vocational school its teachers (职业院校教师)
 * and how many are high-skilled. Like the dashboard, the projection keeps only dated facts, so one
 * state answers for any `asOf`, inline or rebuilt.
 */
import type { LedgerEvent } from '../domain/events.js'
import type { Projection } from '../kernel/projection.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import { isHighSkilled } from '../vocabulary/ladder.js'
import { appended } from './appended.js'
import { entryOf, everyEntry, setEntry, type ByTalent } from './by-talent.js'
import { talentStanding } from './city-dashboard.js'
import { applyCertificateEvent, CERTIFICATE_EVENT_TYPES, type DatedCertificate } from './dated-certificates.js'

/** A change of where a talent works, from a date: its employer (null while released) and its relation when that changes. */
interface Employment {
  readonly on: string
  readonly employerId: string | null
  readonly relation?: string
}

/** A training under an agreement. */
interface AgreementTraining {
  readonly agreementId: string
  readonly startedOn: string
  completedOn: string | null
}

/** What the cooperation figures remember of the log (updated in place by `apply`). */
export interface CooperationFiguresState {
  readonly agreements: Record<string, { readonly kind: string; readonly on: string }>
  /** Trainings under an agreement, by talent, then by programme id (by-talent.ts). */
  readonly trainings: ByTalent<AgreementTraining>
  /** Hires under an agreement. */
  readonly hires: Array<{ readonly agreementId: string; readonly on: string }>
  /** Each talent's employment changes in log order (folded like its stream: those dated on or before a day, in log order). */
  readonly employments: Record<string, Employment[]>
  readonly certificates: Record<string, DatedCertificate[]>
}

/** One row of `agreements`. */
export interface AgreementRow {
  readonly agreementId: string
  readonly kind: string
  readonly enrolled: number
  readonly completed: number
  readonly hiredByPartner: number
}

/** One school's teachers. */
export interface SchoolTeachers {
  readonly schoolId: string
  readonly total: number
  readonly highSkilled: number
}

/** The report's addition (DOMAIN.md §16). */
export interface CooperationFigures {
  readonly agreements: ReadonlyArray<AgreementRow>
  readonly teachers: { readonly total: number; readonly highSkilled: number; readonly bySchool: ReadonlyArray<SchoolTeachers> }
}

const employed = (s: CooperationFiguresState, talentId: string, change: Employment): void => {
  keepEntry(s.employments, talentId, appended(ownEntry(s.employments, talentId), change))
}

/** The cooperation-figures projection (dated facts, updated in place; the figures are computed on read). */
export const cooperationFiguresProjection: Projection<CooperationFiguresState, LedgerEvent> = {
  // the state's shape is in the name: a state kept inline with the flat trainings of before is not resumed but rebuilt
  name: 'cooperation-figures/by-talent',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>([...CERTIFICATE_EVENT_TYPES, 'AgreementRegistered', 'TrainingEnrolled', 'TrainingCompleted', 'TalentRegistered', 'EmployerChanged', 'TalentReleased']),
  initialState: () => ({ agreements: {}, trainings: {}, hires: [], employments: {}, certificates: {} }),
  apply: (s, e) => {
    if (applyCertificateEvent(s.certificates, e)) return s
    switch (e.type) {
      case 'AgreementRegistered':
        keepEntry(s.agreements, e.data.agreementId, { kind: e.data.kind, on: e.data.on })
        break
      case 'TrainingEnrolled':
        if (e.data.agreementId !== undefined) setEntry(s.trainings, e.data.talentId, e.data.programId, { agreementId: e.data.agreementId, startedOn: e.data.startedOn, completedOn: null })
        break
      case 'TrainingCompleted': {
        const t = entryOf(s.trainings, e.data.talentId, e.data.programId)
        if (t !== undefined) t.completedOn = e.data.completedOn
        break
      }
      case 'TalentRegistered':
        employed(s, e.data.talentId, { on: e.data.registeredOn, employerId: e.data.employerId, relation: e.data.relation ?? 'employee' })
        break
      case 'EmployerChanged':
        employed(s, e.data.talentId, { on: e.data.on, employerId: e.data.employerId, ...(e.data.relation === undefined ? {} : { relation: e.data.relation }) })
        if (e.data.agreementId !== undefined) s.hires.push({ agreementId: e.data.agreementId, on: e.data.on })
        break
      case 'TalentReleased':
        employed(s, e.data.talentId, { on: e.data.on, employerId: null })
        break
      default:
        break
    }
    return s
  },
}

/**
 * Where the talent works on `asOf` and how, as its stream folded as of that day says: the changes
 * dated on or before it, in log order (a change that names no relation keeps the one before).
 */
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

/** The figures as of `asOf`: agreements registered by then (by id), teachers by school (by id). */
export const cooperationFigures = (s: CooperationFiguresState, asOf: string): CooperationFigures => {
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
  // for…in over own keys (Object.entries of a city-sized dictionary builds a pair per talent)
  const employments = s.employments
  for (const talentId in employments) {
    if (!Object.hasOwn(employments, talentId)) continue
    const m = employmentOn(employments[talentId]!, asOf)
    if (m === null || m.relation !== 'teacher' || m.employerId === null) continue
    let school = schools.get(m.employerId)
    if (school === undefined) schools.set(m.employerId, (school = { schoolId: m.employerId, total: 0, highSkilled: 0 }))
    school.total++
    if (isHighSkilled(talentStanding(ownEntry(s.certificates, talentId) ?? [], asOf).level)) school.highSkilled++
  }
  const byId = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
  const bySchool = [...schools.values()].sort(byId((x) => x.schoolId))
  return {
    agreements: [...rows.values()].sort(byId((x) => x.agreementId)),
    teachers: { total: bySchool.reduce((n, x) => n + x.total, 0), highSkilled: bySchool.reduce((n, x) => n + x.highSkilled, 0), bySchool },
  }
}
