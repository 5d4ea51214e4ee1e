/**
 * The talent aggregate's state and its fold (`evolve`). State is plain JSON so it round-trips
 * through codecs and snapshots; everything else (level, high-skilled) is derived from it.
 */
import { isHighSkilled, rank, type CertifiedLevel, type Level } from '../../vocabulary/ladder.js'
import type { SealedPersonalData } from '../personal-data.js'
import type { EventOf, TalentEvent } from './events.js'
import type { Education, CertificationRoute } from '../../vocabulary/terms.js'
import type { TalentRelation } from '../../vocabulary/cooperation.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** A certificate on the ladder, valid until revoked. */
export interface Certificate {
  readonly level: CertifiedLevel
  /** Null for a prior certificate whose route the issuer did not say. */
  readonly route: CertificationRoute | null
  readonly occupation: string
  readonly on: string
  /** What led to it; for a prior certificate, its issuer. */
  readonly source: string
  /** For a prior certificate: no policy of ours decided it (`''`), the rule is `certificate.prior`. */
  readonly policyId: string
  readonly ruleId: string
  /**
   * Present only on a certificate issued before the ledger (RecordPriorCertificate): the issuer
   * applied its own rules. Optional so the other certificates, and states stored before, keep
   * their shape.
   */
  readonly prior?: true
  /** The issuer's certificate number (prior certificates only), unique per talent. */
  readonly certificateNumber?: string
  /** The 职业(工种) name the issuer wrote (prior certificates only, when given): display only. */
  readonly occupationName?: string
  /** Present only on a certificate of a city's featured-industry standard that counts on the ladder (DOMAIN.md §13). */
  readonly standardId?: string
  readonly revoked: { readonly on: string; readonly reason: string } | null
}

export type Training = Omit<EventOf<'TrainingEnrolled'>['data'], 'talentId'> & {
  readonly completedOn: string | null
  readonly hours: number | null
}
export type Competition = Omit<EventOf<'CompetitionResultRecorded'>['data'], 'talentId'>
export type Grant = Omit<EventOf<'BenefitGranted'>['data'], 'talentId'> & { readonly flagged: string | null }
export type Honour = Omit<EventOf<'HonorConferred'>['data'], 'talentId'>
export type Incentive = Omit<EventOf<'IncentiveRecorded'>['data'], 'talentId'>
export type ServiceDelivery = Omit<EventOf<'ServiceDelivered'>['data'], 'talentId'>
export type Assessment = Omit<EventOf<'AssessmentPassed'>['data'], 'talentId'> & { readonly passed: boolean }
export type SpecialCertificate = Omit<EventOf<'SpecialAbilityCertified'>['data'], 'talentId'>
/** A featured-industry certificate off the ladder (DOMAIN.md §13). */
export type FeaturedCertificate = Omit<EventOf<'FeaturedSkillCertified'>['data'], 'talentId'>

/**
 * A senior post (特级技师 / 首席技师岗位, DOMAIN.md §12): in force while `on` ≤ d < `expiresOn` (null:
 * open-ended) and d < `endedOn`. A change of employer or a release ends the posts held.
 */
export interface Post {
  readonly level: CertifiedLevel
  readonly employerId: string
  readonly on: string
  readonly expiresOn: string | null
  readonly endedOn: string | null
  /** The date of its last renewal (a renewal on the same day again is a duplicate). */
  readonly renewedOn: string | null
}

/** Everything the talent decider knows of one person. */
export interface TalentState {
  readonly registered: boolean
  readonly talentId: string
  readonly personal: SealedPersonalData | null
  readonly forgotten: boolean
  readonly occupation: string
  /** Null for a student until hired (DOMAIN.md §11). */
  readonly occupationSince: string | null
  /** A school's `teacher` or `student` (DOMAIN.md §11); absent: an employee. */
  readonly relation?: TalentRelation
  readonly education: Education
  readonly preparatoryTechnician: boolean
  /** The current employer; `''` while released and not yet claimed (DOMAIN.md §17). */
  readonly employerId: string
  /** The release no later change of employer followed, if any. */
  readonly release: { readonly from: string; readonly on: string } | null
  readonly district: string
  readonly frontLine: boolean
  readonly registeredOn: string
  readonly certificates: ReadonlyArray<Certificate>
  readonly specialCertificates: ReadonlyArray<SpecialCertificate>
  readonly featuredCertificates: ReadonlyArray<FeaturedCertificate>
  readonly assessments: Readonly<Record<string, Assessment>>
  readonly trainings: Readonly<Record<string, Training>>
  readonly competitions: ReadonlyArray<Competition>
  readonly honours: ReadonlyArray<Honour>
  readonly grants: ReadonlyArray<Grant>
  readonly incentives: ReadonlyArray<Incentive>
  /** Services delivered (DOMAIN.md §15). */
  readonly services: ReadonlyArray<ServiceDelivery>
  readonly posts: ReadonlyArray<Post>
  readonly inTalentPool: boolean
}

/** A talent nobody has registered yet. */
export const initialTalentState: TalentState = {
  registered: false,
  talentId: '',
  personal: null,
  forgotten: false,
  occupation: '',
  occupationSince: '',
  education: 'none',
  preparatoryTechnician: false,
  employerId: '',
  release: null,
  district: '',
  frontLine: false,
  registeredOn: '',
  certificates: [],
  specialCertificates: [],
  featuredCertificates: [],
  assessments: {},
  trainings: {},
  competitions: [],
  honours: [],
  grants: [],
  incentives: [],
  services: [],
  posts: [],
  inTalentPool: false,
}

/** True when the post is in force on `date`. */
export const postInForceOn = (p: Post, date: string): boolean =>
  p.on <= date && (p.expiresOn === null || date < p.expiresOn) && (p.endedOn === null || date < p.endedOn)

/** The post at `level` in force on `date` (with `employerId`, when given), if any. */
export const postInForce = (s: TalentState, level: CertifiedLevel, date: string, employerId?: string): Post | undefined =>
  s.posts.find((p) => p.level === level && (employerId === undefined || p.employerId === employerId) && postInForceOn(p, date))

/** Ends every post not yet ended on `on` (a change of employer or a release). */
const endPosts = (posts: ReadonlyArray<Post>, on: string): ReadonlyArray<Post> => posts.map((p) => (p.endedOn === null ? { ...p, endedOn: on } : p))

/** Changes the latest post of `employerId` at `level` not yet ended. */
const changeLatest = (posts: ReadonlyArray<Post>, level: string, employerId: string, change: Partial<Post>): ReadonlyArray<Post> => {
  let i = -1
  posts.forEach((p, j) => void (p.level === level && p.employerId === employerId && p.endedOn === null && (i = j)))
  return posts.map((p, j) => (j === i ? { ...p, ...change } : p))
}

/** How the talent relates to its employer (DOMAIN.md §11). */
export const relationOf = (s: Pick<TalentState, 'relation'>): TalentRelation => s.relation ?? 'employee'

/** The state with `relation` set (absent for an employee, as on a state folded before DOMAIN.md §11). */
const withRelation = (s: TalentState, relation: TalentRelation | undefined): TalentState => {
  if (relation === undefined) return s
  const { relation: _previous, ...rest } = s
  return relation === 'employee' ? rest : { ...rest, relation }
}

/** Certificates not revoked. */
export const validCertificates = (s: TalentState): Certificate[] => s.certificates.filter((c) => c.revoked === null)

/** The valid certificate at a level, if any. */
export const validCertificateAt = (s: TalentState, level: CertifiedLevel): Certificate | undefined =>
  s.certificates.find((c) => c.level === level && c.revoked === null)

/** Current level: the highest valid certificate, `apprentice` while in a new apprenticeship without one, else null. */
export const levelOf = (s: TalentState): Level | null => {
  let best: Level | null = null
  for (const c of s.certificates) if (c.revoked === null && rank(c.level) > rank(best)) best = c.level
  if (best !== null) return best
  return Object.values(s.trainings).some((t) => t.kind === 'new-apprenticeship') ? 'apprentice' : null
}

/** 高技能人才 now. */
export const isHighSkilledTalent = (s: TalentState): boolean => isHighSkilled(levelOf(s))

const omitTalentId = <D extends { talentId: string }>(d: D): Omit<D, 'talentId'> => {
  const { talentId: _ignored, ...rest } = d
  return rest
}

/**
 * `d` without its talentId and with `extra` set: what `{ ...omitTalentId(d), ...extra }` gives (a
 * key of `d` keeps its place, the others follow), assigned onto the fresh copy instead of copied
 * twice: the fold runs for every event of every command.
 */
const omitTalentIdWith = <D extends { talentId: string }, X extends object>(d: D, extra: X): Omit<D, 'talentId'> & X => Object.assign(omitTalentId(d), extra)

/** Applies one event. */
export const evolveTalent = (s: TalentState, e: TalentEvent): TalentState => {
  switch (e.type) {
    case 'TalentRegistered': {
      const { talentId, personal, occupation, occupationSince, education, preparatoryTechnician, employerId, district, frontLine, registeredOn } =
        e.data
      const registered = { ...s, registered: true, talentId, personal, occupation, occupationSince, education, preparatoryTechnician, employerId, district, frontLine, registeredOn }
      return withRelation(registered, e.data.relation)
    }
    case 'EmployerChanged': {
      const changed = { ...s, employerId: e.data.employerId, release: null, posts: endPosts(s.posts, e.data.on) }
      return withRelation(e.data.occupationSince === undefined ? changed : { ...changed, occupationSince: e.data.occupationSince }, e.data.relation)
    }
    case 'TalentReleased':
      return { ...s, employerId: '', release: { from: e.data.from, on: e.data.on }, posts: endPosts(s.posts, e.data.on) }
    case 'TrainingEnrolled':
      return { ...s, trainings: { ...s.trainings, [e.data.programId]: omitTalentIdWith(e.data, { completedOn: null, hours: null }) } }
    case 'TrainingCompleted': {
      const t = ownEntry(s.trainings, e.data.programId)
      if (t === undefined) return s
      return { ...s, trainings: { ...s.trainings, [e.data.programId]: { ...t, completedOn: e.data.completedOn, hours: e.data.hours } } }
    }
    case 'AssessmentPassed':
    case 'AssessmentFailed':
      return { ...s, assessments: { ...s.assessments, [e.data.assessmentId]: omitTalentIdWith(e.data, { passed: e.type === 'AssessmentPassed' }) } }
    case 'LevelCertified': {
      const { level, route, occupation, on, source, policyId, ruleId, standardId } = e.data
      const cert: Certificate = { level, route, occupation, on, source, policyId, ruleId, revoked: null, ...(standardId === undefined ? {} : { standardId }) }
      return { ...s, certificates: [...s.certificates, cert] }
    }
    case 'PriorCertificateRecorded': {
      const { level, route, occupation, issuedOn, issuer, certificateNumber, occupationName } = e.data
      const cert: Certificate = {
        level,
        route,
        occupation,
        on: issuedOn,
        source: issuer,
        policyId: '',
        ruleId: 'certificate.prior',
        revoked: null,
        prior: true,
        certificateNumber,
        ...(occupationName === undefined ? {} : { occupationName }),
      }
      return { ...s, certificates: [...s.certificates, cert] }
    }
    case 'SpecialAbilityCertified':
      return { ...s, specialCertificates: [...s.specialCertificates, omitTalentId(e.data)] }
    case 'FeaturedSkillCertified':
      return { ...s, featuredCertificates: [...s.featuredCertificates, omitTalentId(e.data)] }
    case 'SeniorPostAppointed': {
      const { level, employerId, on, expiresOn } = e.data
      return { ...s, posts: [...s.posts, { level, employerId, on, expiresOn, endedOn: null, renewedOn: null }] }
    }
    case 'SeniorPostRenewed':
      return { ...s, posts: changeLatest(s.posts, e.data.level, e.data.employerId, { expiresOn: e.data.expiresOn, renewedOn: e.data.on }) }
    case 'SeniorPostEnded':
      return { ...s, posts: changeLatest(s.posts, e.data.level, e.data.employerId, { endedOn: e.data.on }) }
    case 'CompetitionResultRecorded':
      return { ...s, competitions: [...s.competitions, omitTalentId(e.data)] }
    case 'HonorConferred':
      return { ...s, honours: [...s.honours, omitTalentId(e.data)] }
    case 'BenefitGranted':
      return { ...s, grants: [...s.grants, omitTalentIdWith(e.data, { flagged: null })] }
    case 'IncentiveRecorded':
      return { ...s, incentives: [...s.incentives, omitTalentId(e.data)] }
    case 'CertificateRevoked': {
      const flagged = new Set(e.data.flaggedGrants)
      const reason = `certificate ${e.data.level} revoked on ${e.data.on}: ${e.data.reason}`
      return {
        ...s,
        certificates: s.certificates.map((c) =>
          c.level === e.data.level && c.revoked === null ? { ...c, revoked: { on: e.data.on, reason: e.data.reason } } : c,
        ),
        grants: s.grants.map((g) => (flagged.has(g.grantId) && g.flagged === null ? { ...g, flagged: reason } : g)),
      }
    }
    case 'ServiceDelivered':
      return { ...s, services: [...s.services, omitTalentId(e.data)] }
    case 'TalentPoolEntered':
      return { ...s, inTalentPool: true }
    case 'TalentPoolLeft':
      return { ...s, inTalentPool: false }
    case 'TalentForgotten':
      return { ...s, forgotten: true, personal: null }
  }
}
