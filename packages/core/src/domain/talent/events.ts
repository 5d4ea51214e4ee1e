/**
 * The talent aggregate's events, as io-ts codecs of their `data`, keyed by type. NOTE: these shapes
 * are the storage format and are covered by the hash chain: never change one in place; add a new
 * `schemaVersion` and an upcaster (kernel/upcasting.ts) instead.
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { CertifiedLevel, PostLevel } from '../../vocabulary/ladder.js'
import { BenefitKind, CompetitionTier, Education, HonourKind, IncentiveKind, ProgrammeKind, Route, ServiceKind, TrainingField } from '../../vocabulary/terms.js'
import { TalentRelation } from '../../vocabulary/cooperation.js'
import type { EventsOf } from '../messages.js'
import { SealedPersonalData } from '../personal-data.js'

const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])

/**
 * The city standard a featured-industry assessment and its certificate are under (DOMAIN.md §13).
 * NOTE: present only on those; additive, so every event without it (older ones included) had none
 * and needs no upcast.
 */
const FeaturedStandardRef = t.partial({ standardId: t.string })

/**
 * The programme an assessment concludes (DOMAIN.md §10). NOTE: present only when the assessor named
 * one; additive, so older events (which had none) need no upcast.
 */
const ProgrammeRef = t.partial({ programId: t.string })

/** What a certificate came from. */
export const CertificationRoute = t.union([Route, t.literal('competition')])

/** `data` codec of each talent event (schemaVersion 1, but HonorConferred and SeniorPostAppointed 2: see domain/upcasters.ts). */
export const TalentEventData = {
  TalentRegistered: t.intersection([
    t.type({
      talentId: t.string,
      personal: SealedPersonalData,
      occupation: t.string,
      // NOTE: null only for a student (DOMAIN.md §11), whose career starts when hired; every older event has a date
      occupationSince: nullable(LocalDate),
      education: Education,
      preparatoryTechnician: t.boolean,
      employerId: t.string,
      district: t.string,
      frontLine: t.boolean,
      registeredOn: LocalDate,
    }),
    // NOTE: present only on a career started before the 16th birthday under 劳动法第十五条 (the
    // bureau's reference, DOMAIN.md §17 talent.working-age), so an auditor sees why it was allowed.
    // Additive: every event without it, older ones included, had no exception; no upcast needed.
    t.partial({ minorExceptionRef: t.string }),
    // NOTE: present only for a school's `teacher` or `student` (DOMAIN.md §11); absent, as on every older event: an employee
    t.partial({ relation: TalentRelation }),
  ]),
  EmployerChanged: t.intersection([
    t.type({ talentId: t.string, from: t.string, employerId: t.string, on: LocalDate }),
    // NOTE (DOMAIN.md §11): `relation` only when it changes (a student hired, a teacher of a school), `occupationSince`
    // only when a student's career starts, `agreementId` only when hired under an agreement. Additive: no upcast.
    t.partial({ relation: TalentRelation, occupationSince: LocalDate, agreementId: t.string }),
  ]),
  TrainingEnrolled: t.intersection([
    t.type({
      talentId: t.string,
      programId: t.string,
      kind: ProgrammeKind,
      field: TrainingField,
      providerId: t.string,
      startedOn: LocalDate,
      plannedYears: nullable(t.number),
    }),
    // NOTE: only on a training under a cooperation agreement (DOMAIN.md §11); additive, no upcast
    t.partial({ agreementId: t.string }),
  ]),
  TrainingCompleted: t.type({ talentId: t.string, programId: t.string, completedOn: LocalDate, hours: t.number }),
  AssessmentPassed: t.intersection([
    t.type({
      talentId: t.string,
      assessmentId: t.string,
      route: Route,
      occupation: t.string,
      level: nullable(CertifiedLevel),
      assessorId: t.string,
      on: LocalDate,
    }),
    FeaturedStandardRef,
    ProgrammeRef,
  ]),
  AssessmentFailed: t.intersection([
    t.type({
      talentId: t.string,
      assessmentId: t.string,
      route: Route,
      occupation: t.string,
      level: nullable(CertifiedLevel),
      assessorId: t.string,
      on: LocalDate,
    }),
    FeaturedStandardRef,
    ProgrammeRef,
  ]),
  LevelCertified: t.intersection([
    t.type({
      talentId: t.string,
      level: CertifiedLevel,
      route: CertificationRoute,
      occupation: t.string,
      on: LocalDate,
      /** The assessment, competition or appointment that led to it. */
      source: t.string,
      policyId: t.string,
      ruleId: t.string,
    }),
    FeaturedStandardRef,
  ]),
  SpecialAbilityCertified: t.type({
    talentId: t.string,
    assessmentId: t.string,
    occupation: t.string,
    on: LocalDate,
    policyId: t.string,
  }),
  /**
   * schemaVersion 2 (DOMAIN.md §12): a post has a term (`expiresOn`, null: open-ended) and is decided
   * under a policy rule. Version 1 (0.1) had neither: upcast with all three `null`.
   */
  SeniorPostAppointed: t.type({
    talentId: t.string,
    level: CertifiedLevel,
    employerId: t.string,
    on: LocalDate,
    expiresOn: nullable(LocalDate),
    policyId: nullable(t.string),
    ruleId: nullable(t.string),
  }),
  CompetitionResultRecorded: t.type({
    talentId: t.string,
    competitionId: t.string,
    tier: CompetitionTier,
    rank: t.number,
    award: nullable(t.string),
    percentile: nullable(t.number),
    on: LocalDate,
    /** Why a result that would promote did not (e.g. one promotion per year). */
    withheld: nullable(t.type({ rule: t.string, message: t.string })),
  }),
  /**
   * schemaVersion 2 (DOMAIN.md §14): `honourId` and `kind` from the catalogue (a free-text honour
   * outside it: `null`, `other`), `source` (the competition that conferred it, or the bureau's
   * reference) and the `policyId` whose catalogue was read. Version 1 had only talentId, title,
   * grade, on: its upcaster (domain/upcasters.ts) sets the four to `null`.
   */
  HonorConferred: t.type({
    talentId: t.string,
    title: t.string,
    grade: t.string,
    on: LocalDate,
    honourId: nullable(t.string),
    kind: nullable(HonourKind),
    source: nullable(t.string),
    policyId: nullable(t.string),
  }),
  BenefitGranted: t.type({
    talentId: t.string,
    /** Unique per talent; also the "once per …" key of the benefit. */
    grantId: t.string,
    benefit: BenefitKind,
    amount: t.number,
    recipientId: t.string,
    on: LocalDate,
    policyId: t.string,
    ruleId: t.string,
    basis: t.partial({
      level: t.string,
      occupation: t.string,
      programId: t.string,
      planYear: t.number,
      competitionId: t.string,
      month: t.string,
      insuredMonths: t.number,
    }),
  }),
  IncentiveRecorded: t.type({
    talentId: t.string,
    employerId: t.string,
    kind: IncentiveKind,
    on: LocalDate,
    amount: nullable(t.number),
  }),
  CertificateRevoked: t.type({
    talentId: t.string,
    level: CertifiedLevel,
    reason: t.string,
    on: LocalDate,
    /** Grants that depended on the revoked certificate, for the bureau to review. */
    flaggedGrants: t.array(t.string),
  }),
  TalentPoolEntered: t.type({ talentId: t.string, on: LocalDate, services: t.array(t.string) }),
  TalentPoolLeft: t.type({ talentId: t.string, on: LocalDate }),
  TalentForgotten: t.type({ talentId: t.string }),
  /** The current employer let the talent go (DOMAIN.md §17): no employer until another claims them. */
  TalentReleased: t.type({ talentId: t.string, from: t.string, on: LocalDate, reason: nullable(t.string) }),
  /**
   * A certificate issued before the ledger, recorded by the hr-bureau as the issuer issued it: the
   * level holds from `issuedOn`, no promotion rule of ours was applied (DOMAIN.md, issue 13).
   */
  PriorCertificateRecorded: t.type({
    talentId: t.string,
    certificateNumber: t.string,
    level: CertifiedLevel,
    occupation: t.string,
    issuedOn: LocalDate,
    issuer: t.string,
    route: nullable(Route),
  }),
  /** A service delivered (DOMAIN.md §15), with the policy and rule that made the talent entitled. */
  ServiceDelivered: t.type({
    talentId: t.string,
    deliveryId: t.string,
    service: ServiceKind,
    on: LocalDate,
    providerId: nullable(t.string),
    policyId: t.string,
    ruleId: t.string,
  }),
  /** The employer renewed a post in force: its term now ends on `expiresOn` (null: open-ended) (DOMAIN.md §12). */
  SeniorPostRenewed: t.type({ talentId: t.string, level: PostLevel, employerId: t.string, on: LocalDate, expiresOn: nullable(LocalDate), policyId: t.string }),
  /**
   * A certificate of a city's featured-industry standard that does not count on the national ladder
   * (`countsTowardLadder: false`, DOMAIN.md §13): the talent's level is unchanged.
   */
  FeaturedSkillCertified: t.type({
    talentId: t.string,
    assessmentId: t.string,
    standardId: t.string,
    level: CertifiedLevel,
    occupation: t.string,
    on: LocalDate,
    policyId: t.string,
    ruleId: t.string,
  }),
  /** A post ended on `on` (by its employer or the hr-bureau); the certificate stays (DOMAIN.md §12). */
  SeniorPostEnded: t.type({ talentId: t.string, level: PostLevel, employerId: t.string, on: LocalDate, reason: t.string }),
} as const

/** Any event of a talent's stream. */
export type TalentEvent = EventsOf<typeof TalentEventData>
/** A talent event of one type. */
export type EventOf<K extends keyof typeof TalentEventData> = EventsOf<Pick<typeof TalentEventData, K>>
