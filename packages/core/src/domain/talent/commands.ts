/**
 * The talent aggregate's commands (one person's lifecycle) as io-ts codecs of their `data`. Decoding
 * is the first check a command meets; a failure is `Malformed` and names the field. Unknown fields
 * are refused (naming their path), never dropped or stored.
 */
import * as t from 'io-ts'
import { LocalDate } from '../../kernel/dates.js'
import { strictFields } from '../../kernel/strict.js'
import { CertifiedLevel, PostLevel } from '../../vocabulary/ladder.js'
import { NationalId } from '../../vocabulary/national-id.js'
import {
  BenefitKind,
  CompetitionTier,
  Education,
  IncentiveKind,
  NonEmptyString,
  NonNegativeInt,
  OccupationCode,
  PositiveInt,
  ProgrammeKind,
  Route,
  ServiceKind,
  TrainingField,
} from '../../vocabulary/terms.js'
import { TalentRelation } from '../../vocabulary/cooperation.js'
import type { CommandsOf } from '../messages.js'

const fields = strictFields
const Id = NonEmptyString

/** `data` codec of each talent command. */
export const TalentCommandData = {
  RegisterTalent: fields(
    {
      talentId: Id,
      name: NonEmptyString,
      nationalId: NationalId,
      birthDate: LocalDate,
      occupation: OccupationCode,
      education: Education,
      employerId: Id,
      district: NonEmptyString,
      registeredOn: LocalDate,
    },
    // occupationSince: required unless a student (DOMAIN.md §11 talent.employer-kind, checked before deciding)
    { occupationSince: LocalDate, preparatoryTechnician: t.boolean, frontLine: t.boolean, minorExceptionRef: NonEmptyString, relation: TalentRelation },
    'RegisterTalent',
  ),
  // agreementId: hired under a school–enterprise agreement; occupationSince: a student's career starts (DOMAIN.md §11)
  ChangeEmployer: fields({ talentId: Id, employerId: Id, on: LocalDate }, { agreementId: Id, occupationSince: LocalDate }, 'ChangeEmployer'),
  EnrollTraining: fields(
    { talentId: Id, programId: Id, kind: ProgrammeKind, field: TrainingField, providerId: Id, startedOn: LocalDate },
    // agreementId: trained under a cooperation agreement (DOMAIN.md §11)
    { plannedYears: PositiveInt, agreementId: Id },
    'EnrollTraining',
  ),
  CompleteTraining: fields({ talentId: Id, programId: Id, completedOn: LocalDate, hours: NonNegativeInt }, {}, 'CompleteTraining'),
  RecordAssessment: fields(
    { talentId: Id, assessmentId: Id, route: Route, occupation: OccupationCode, passed: t.boolean, assessorId: Id, on: LocalDate },
    // standardId: the city's featured-industry standard assessed against (DOMAIN.md §13);
    // programId: the programme the assessment concludes (DOMAIN.md §10)
    { level: CertifiedLevel, standardId: Id, programId: Id },
    'RecordAssessment',
  ),
  AppointSeniorPost: fields(
    {
      talentId: Id,
      level: t.keyof({ 'principal-technician': null, 'chief-technician': null }),
      employerId: Id,
      on: LocalDate,
    },
    {},
    'AppointSeniorPost',
  ),
  RecordCompetitionResult: fields(
    { talentId: Id, competitionId: Id, tier: CompetitionTier, rank: PositiveInt, on: LocalDate },
    { award: NonEmptyString, percentile: t.refinement(t.number, (n) => n >= 0 && n <= 100, 'Percentile (0–100)') },
    'RecordCompetitionResult',
  ),
  // DOMAIN.md §14: a catalogued `honourId` (with the bureau's `reference`), or the first release's
  // free-text `title` and `grade` (still valid); which pair is given is checked before deciding
  ConferHonor: fields({ talentId: Id, on: LocalDate }, { honourId: Id, reference: NonEmptyString, title: NonEmptyString, grade: NonEmptyString }, 'ConferHonor'),
  GrantBenefit: fields(
    { talentId: Id, benefit: BenefitKind, on: LocalDate },
    {
      level: t.union([CertifiedLevel, t.literal('special-ability')]),
      insuredMonths: NonNegativeInt,
      competitionId: Id,
      programId: Id,
      // housing subsidy under conditions (DOMAIN.md §15)
      purchasedOn: LocalDate,
      firstHome: t.boolean,
    },
    'GrantBenefit',
  ),
  RecordIncentive: fields({ talentId: Id, kind: IncentiveKind, on: LocalDate }, { amount: NonNegativeInt }, 'RecordIncentive'),
  RevokeCertificate: fields({ talentId: Id, level: CertifiedLevel, reason: NonEmptyString, on: LocalDate }, {}, 'RevokeCertificate'),
  ForgetTalent: fields({ talentId: Id }, {}, 'ForgetTalent'),
  ReleaseTalent: fields({ talentId: Id, on: LocalDate }, { reason: NonEmptyString }, 'ReleaseTalent'),
  RecordPriorCertificate: fields(
    { talentId: Id, certificateNumber: NonEmptyString, level: CertifiedLevel, occupation: OccupationCode, issuedOn: LocalDate, issuer: NonEmptyString },
    { route: Route },
    'RecordPriorCertificate',
  ),
  /** A service delivered to an entitled talent (DOMAIN.md §15), by the bureau. */
  RecordServiceDelivery: fields({ talentId: Id, deliveryId: Id, service: ServiceKind, on: LocalDate }, { providerId: Id }, 'RecordServiceDelivery'),
  /** Renews the term of a senior post in force (DOMAIN.md §12): the employer that holds it. */
  RenewSeniorPost: fields({ talentId: Id, level: PostLevel, employerId: Id, on: LocalDate }, {}, 'RenewSeniorPost'),
  /** Ends a senior post in force (DOMAIN.md §12); the certificate stays. */
  EndSeniorPost: fields({ talentId: Id, level: PostLevel, on: LocalDate, reason: NonEmptyString }, {}, 'EndSeniorPost'),

} as const

/** A talent command of one type (RegisterTalent as the caller sends it, personal data in clear). */
export type CommandOf<K extends keyof typeof TalentCommandData> = CommandsOf<Pick<typeof TalentCommandData, K>>
