/**
 * Training carriers' outputs on the city dashboard (培养载体成效, DOMAIN.md §10, §16 `carrierOutputs`):
 * per carrier and per programme opened, the talents enrolled, those who completed and the
 * certificates that assessments concluding the programme gave, by level. Enrolments count when
 * they match the programme as `training.matches-programme` says (same kind, field, provider, not
 * before it opened), so an ad hoc enrolment under the same id does not. Only dated facts are kept
 * (in whatever order the log brings them), so one state answers for any `asOf`, inline or rebuilt.
 */
import type { Projection } from '../kernel/projection.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'
import { rank, type Level } from '../vocabulary/ladder.js'
import { entryOf, everyEntry, setEntry, type ByTalent } from './by-talent.js'

interface Carrier {
  readonly kind: string
  readonly grade: string | null
  readonly on: string
  /** Masters in log order, each from its date (the designation's, then each link's). */
  readonly masters: Array<{ readonly talentId: string; readonly on: string }>
}

interface Programme {
  readonly carrierId: string | null
  readonly kind: string
  readonly field: string
  readonly providerId: string
  readonly on: string
  readonly places: number | null
}

interface Enrolment {
  readonly programId: string
  readonly kind: string
  readonly field: string
  readonly providerId: string
  readonly startedOn: string
  completedOn: string | null
}

interface Certified {
  readonly programId: string
  readonly talentId: string
  readonly level: string
  readonly on: string
  revokedOn: string | null
}

/** What the carrier figures remember of the log (updated in place by `apply`). */
export interface CarrierOutputsState {
  readonly carriers: Record<string, Carrier>
  readonly programmes: Record<string, Programme>
  /** Enrolments by talent, then by programme id (by-talent.ts). */
  readonly enrolments: ByTalent<Enrolment>
  /** The programme each assessment that named one concludes, by talent, then by assessment id (by-talent.ts). */
  readonly assessments: ByTalent<string>
  readonly certified: Certified[]
}

/** What a programme (or a carrier, over its programmes) produced by the report date. */
export interface Outputs {
  readonly enrolled: number
  readonly completed: number
  readonly certified: number
  /** Certificates by level, levels in ladder order. */
  readonly certifiedByLevel: Readonly<Record<string, number>>
}

/** One row of `carrierOutputs`. */
export interface CarrierOutputRow extends Outputs {
  readonly carrierId: string
  readonly kind: string
  readonly grade: string | null
  /** The studio's master on the report date (null: none). */
  readonly masterTalentId: string | null
  /** Programmes opened at the carrier by the report date. */
  readonly programmes: number
}

/** One row of `programmeOutputs`: a programme opened by the report date, with its places (shown, not enforced). */
export interface ProgrammeOutputRow extends Outputs {
  readonly programId: string
  readonly carrierId: string | null
  readonly kind: string
  readonly field: string
  readonly providerId: string
  readonly on: string
  readonly places: number | null
}

/** The report's addition. */
export interface CarrierOutputFigures {
  readonly carrierOutputs: ReadonlyArray<CarrierOutputRow>
  readonly programmeOutputs: ReadonlyArray<ProgrammeOutputRow>
}

/** The carrier-outputs projection. */
export const carrierOutputsProjection: Projection<CarrierOutputsState, LedgerEvent> = {
  // the state's shape is in the name: a state kept inline with the flat enrolments and assessments of before is not resumed but rebuilt
  name: 'carrier-outputs/by-talent',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>(['CarrierDesignated', 'StudioMasterLinked', 'ProgrammeOpened', 'TrainingEnrolled', 'TrainingCompleted', 'AssessmentPassed', 'LevelCertified', 'CertificateRevoked']),
  initialState: () => ({ carriers: {}, programmes: {}, enrolments: {}, assessments: {}, certified: [] }),
  apply: (s, e) => {
    switch (e.type) {
      case 'CarrierDesignated':
        keepEntry(s.carriers, e.data.carrierId, { kind: e.data.kind, grade: e.data.grade ?? null, on: e.data.on, masters: e.data.masterTalentId === undefined ? [] : [{ talentId: e.data.masterTalentId, on: e.data.on }] })
        break
      case 'StudioMasterLinked':
        ownEntry(s.carriers, e.data.carrierId)?.masters.push({ talentId: e.data.talentId, on: e.data.on })
        break
      case 'ProgrammeOpened':
        keepEntry(s.programmes, e.data.programId, { carrierId: e.data.carrierId, kind: e.data.kind, field: e.data.field, providerId: e.data.providerId, on: e.data.on, places: e.data.places })
        break
      case 'TrainingEnrolled':
        setEntry(s.enrolments, e.data.talentId, e.data.programId, { programId: e.data.programId, kind: e.data.kind, field: e.data.field, providerId: e.data.providerId, startedOn: e.data.startedOn, completedOn: null })
        break
      case 'TrainingCompleted': {
        const enrolment = entryOf(s.enrolments, e.data.talentId, e.data.programId)
        if (enrolment !== undefined) enrolment.completedOn = e.data.completedOn
        break
      }
      case 'AssessmentPassed':
        if (e.data.programId !== undefined) setEntry(s.assessments, e.data.talentId, e.data.assessmentId, e.data.programId)
        break
      case 'LevelCertified': {
        // an assessment's certificate names it as its source, in the same decision
        const programId = entryOf(s.assessments, e.data.talentId, e.data.source)
        if (programId !== undefined) s.certified.push({ programId, talentId: e.data.talentId, level: e.data.level, on: e.data.on, revokedOn: null })
        break
      }
      case 'CertificateRevoked':
        for (const c of s.certified) if (c.talentId === e.data.talentId && c.level === e.data.level && c.revokedOn === null) c.revokedOn = e.data.on
        break
      default:
        break
    }
    return s
  },
}

const byLevel = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => rank(a as Level) - rank(b as Level)))

const add = (into: { enrolled: number; completed: number; certified: number; certifiedByLevel: Record<string, number> }, from: Outputs): void => {
  into.enrolled += from.enrolled
  into.completed += from.completed
  into.certified += from.certified
  for (const [level, n] of Object.entries(from.certifiedByLevel)) into.certifiedByLevel[level] = (into.certifiedByLevel[level] ?? 0) + n
}

/**
 * The rows as of `asOf`: carriers designated by then (sorted by id) and programmes opened by then
 * (sorted by id). A certificate counts while not revoked on the report date.
 */
export const carrierOutputFigures = (s: CarrierOutputsState, asOf: string): CarrierOutputFigures => {
  const outputs = new Map<string, { enrolled: number; completed: number; certified: number; certifiedByLevel: Record<string, number> }>()
  const opened = Object.entries(s.programmes).filter(([, p]) => p.on <= asOf)
  for (const [programId] of opened) outputs.set(programId, { enrolled: 0, completed: 0, certified: 0, certifiedByLevel: {} })
  for (const e of everyEntry(s.enrolments)) {
    const p = ownEntry(s.programmes, e.programId)
    const o = outputs.get(e.programId)
    if (p === undefined || o === undefined || e.kind !== p.kind || e.field !== p.field || e.providerId !== p.providerId || e.startedOn < p.on || e.startedOn > asOf) continue
    o.enrolled++
    if (e.completedOn !== null && e.completedOn <= asOf) o.completed++
  }
  for (const c of s.certified) {
    const o = outputs.get(c.programId)
    if (o === undefined || c.on > asOf || (c.revokedOn !== null && c.revokedOn <= asOf)) continue
    o.certified++
    o.certifiedByLevel[c.level] = (o.certifiedByLevel[c.level] ?? 0) + 1
  }
  const programmeOutputs = opened
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([programId, p]) => {
      const o = outputs.get(programId)!
      return { programId, carrierId: p.carrierId, kind: p.kind, field: p.field, providerId: p.providerId, on: p.on, places: p.places, ...o, certifiedByLevel: byLevel(o.certifiedByLevel) }
    })
  const carrierOutputs = Object.entries(s.carriers)
    .filter(([, c]) => c.on <= asOf)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([carrierId, c]) => {
      const total = { enrolled: 0, completed: 0, certified: 0, certifiedByLevel: {} as Record<string, number> }
      const mine = programmeOutputs.filter((p) => p.carrierId === carrierId)
      for (const p of mine) add(total, p)
      // the master linked last on or before the report date (log order breaks a tie)
      let master: string | null = null
      let since = ''
      for (const m of c.masters) if (m.on <= asOf && m.on >= since) [master, since] = [m.talentId, m.on]
      return { carrierId, kind: c.kind, grade: c.grade, masterTalentId: master, programmes: mine.length, ...total, certifiedByLevel: byLevel(total.certifiedByLevel) }
    })
  return { carrierOutputs, programmeOutputs }
}
