/**
 * The talent profile: what `show` prints and what a caseworker reads. Every certificate and grant
 * carries the policy and rule that allowed it, so the profile explains itself.
 */
import { isHighSkilled, isSkilled, NATIONAL_GRADE, type Level } from '../vocabulary/ladder.js'
import { levelOf, type TalentState } from '../domain/talent/state.js'

/** A talent as shown to people. Plain JSON. */
export interface TalentProfile {
  readonly talentId: string
  /** Null once the talent is erased (ForgetTalent) or the key is gone. */
  readonly name: string | null
  readonly erased: boolean
  readonly level: Level | null
  readonly nationalGrade: string | null
  readonly skilled: boolean
  readonly highSkilled: boolean
  readonly inTalentPool: boolean
  readonly occupation: string
  readonly district: string
  readonly employerId: string
  readonly education: string
  readonly frontLine: boolean
  readonly registeredOn: string
  readonly certificates: ReadonlyArray<{
    readonly level: string
    /** Null for a prior certificate whose route its issuer did not say. */
    readonly route: string | null
    readonly occupation: string
    readonly on: string
    readonly source: string
    readonly policyId: string
    readonly ruleId: string
    readonly valid: boolean
    /** Only on a certificate issued before the ledger (RecordPriorCertificate): `source` is then its issuer. */
    readonly prior?: true
    readonly certificateNumber?: string
    /** The 职业(工种) name on a prior certificate, when its row gave one. */
    readonly occupationName?: string
    readonly revoked: { readonly on: string; readonly reason: string } | null
  }>
  readonly specialCertificates: TalentState['specialCertificates']
  readonly trainings: ReadonlyArray<TalentState['trainings'][string]>
  readonly competitions: TalentState['competitions']
  /** Each honour; one written before the catalogue (schemaVersion 1, `kind` null) prints as 0.1 printed it: title, grade, on. */
  readonly honours: ReadonlyArray<TalentState['honours'][number] | Pick<TalentState['honours'][number], 'title' | 'grade' | 'on'>>
  readonly incentives: TalentState['incentives']
  /** Services delivered (DOMAIN.md §15); absent while there is none, so a profile reads as it did before. */
  readonly services?: TalentState['services']
  /**
   * Senior posts (特级技师 / 首席技师, DOMAIN.md §12), each with its term (`expiresOn` null: open-ended, as
   * every post written before terms) and its end; absent while there is none. Whether one is in force
   * depends on a date: `show` says so for the date it reads at.
   */
  readonly seniorPosts?: ReadonlyArray<TalentState['posts'][number]>
  /**
   * Certificates of the city's featured-industry standards (DOMAIN.md §13): those on the ladder (also
   * among `certificates`) and those off it; absent while there is none.
   */
  readonly featuredCertificates?: ReadonlyArray<FeaturedCertificateView>
  readonly benefits: ReadonlyArray<{
    readonly grantId: string
    readonly benefit: string
    readonly amount: number
    readonly on: string
    readonly recipientId: string
    readonly policyId: string
    readonly ruleId: string
    readonly basis: Readonly<Record<string, unknown>>
    readonly flagged: string | null
  }>
}

/** A featured-industry certificate as the profile shows it. */
export interface FeaturedCertificateView {
  readonly standardId: string
  readonly level: string
  readonly occupation: string
  readonly on: string
  readonly onLadder: boolean
  readonly policyId: string
  readonly ruleId: string
  readonly source: string
  readonly valid: boolean
}

/** The featured certificates of the state, on the ladder first (in the order certified), then off it. */
const featuredCertificates = (s: TalentState): FeaturedCertificateView[] => [
  ...s.certificates.flatMap((c) =>
    c.standardId === undefined ? [] : [{ standardId: c.standardId, level: c.level, occupation: c.occupation, on: c.on, onLadder: true, policyId: c.policyId, ruleId: c.ruleId, source: c.source, valid: c.revoked === null }],
  ),
  ...s.featuredCertificates.map((c) => ({ standardId: c.standardId, level: c.level, occupation: c.occupation, on: c.on, onLadder: false, policyId: c.policyId, ruleId: c.ruleId, source: c.assessmentId, valid: true })),
]

/** Builds the profile from the aggregate state and the opened name. */
export const talentProfile = (s: TalentState, name: string | null): TalentProfile => {
  const level = levelOf(s)
  return {
    talentId: s.talentId,
    name: s.forgotten ? null : name,
    erased: s.forgotten,
    level,
    nationalGrade: level === null ? null : NATIONAL_GRADE[level],
    skilled: isSkilled(level),
    highSkilled: isHighSkilled(level),
    inTalentPool: s.inTalentPool,
    occupation: s.occupation,
    district: s.district,
    employerId: s.employerId,
    education: s.education,
    frontLine: s.frontLine,
    registeredOn: s.registeredOn,
    // a prior certificate's marks follow `valid`; the others print exactly as before
    certificates: s.certificates.map(({ prior, certificateNumber, occupationName, ...c }) => ({
      ...c,
      valid: c.revoked === null,
      ...(prior === true ? { prior, certificateNumber } : {}),
      ...(occupationName === undefined ? {} : { occupationName }),
    })),
    specialCertificates: s.specialCertificates,
    trainings: Object.values(s.trainings),
    competitions: s.competitions,
    honours: s.honours.map((h) => (h.kind === null ? { title: h.title, grade: h.grade, on: h.on } : h)),
    incentives: s.incentives,
    ...(s.services.length > 0 ? { services: s.services } : {}),
    ...(s.posts.length > 0 ? { seniorPosts: s.posts } : {}),
    ...(featuredCertificates(s).length > 0 ? { featuredCertificates: featuredCertificates(s) } : {}),
    benefits: s.grants.map((g) => ({
      grantId: g.grantId,
      benefit: g.benefit,
      amount: g.amount,
      on: g.on,
      recipientId: g.recipientId,
      policyId: g.policyId,
      ruleId: g.ruleId,
      basis: g.basis,
      flagged: g.flagged,
    })),
  }
}
