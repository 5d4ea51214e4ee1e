/**
 * Every command of ARCHITECTURE.md as an io-ts codec: `{type, actor, data}`. Decoding is the first
 * check a command meets; a failure is `Malformed` and names the field. Unknown fields are refused
 * (naming their path), never dropped or stored.
 */
import * as t from 'io-ts'
import { LocalDate } from '../kernel/dates.js'
import { Actor } from '../kernel/envelope.js'
import { strictFields } from '../kernel/strict.js'
import { PolicyDocumentInput } from '../policy/document.js'
import { CertifiedLevel } from './ladder.js'
import { NationalId } from './national-id.js'
import {
  BenefitKind,
  CarrierKind,
  CompetitionTier,
  Education,
  IncentiveKind,
  NonEmptyString,
  NonNegativeInt,
  OccupationCode,
  OrganizationKind,
  PositiveInt,
  ProgrammeKind,
  Route,
  TrainingField,
} from './vocabulary.js'

/** Required and optional fields; an unknown one is refused. */
const fields = <R extends t.Props, O extends t.Props>(required: R, optional: O, name: string) => strictFields(required, optional, name)

const Id = NonEmptyString

/** What an organisation is registered to certify: a route, its occupations (`*` for all), up to a level. */
export const Authorization = fields(
  { route: Route, occupations: t.array(t.union([OccupationCode, t.literal('*')])) },
  { maxLevel: CertifiedLevel },
  'Authorization',
)
export type Authorization = t.TypeOf<typeof Authorization>

/** `data` codec of each command type. */
export const CommandData = {
  AdoptPolicy: fields({ policyId: Id, effectiveFrom: LocalDate, document: PolicyDocumentInput }, {}, 'AdoptPolicy'),
  RegisterOrganization: fields(
    { organizationId: Id, kind: OrganizationKind, name: NonEmptyString },
    { authorizations: t.array(Authorization), canAppoint: t.boolean },
    'RegisterOrganization',
  ),
  RegisterTalent: fields(
    {
      talentId: Id,
      name: NonEmptyString,
      nationalId: NationalId,
      birthDate: LocalDate,
      occupation: OccupationCode,
      occupationSince: LocalDate,
      education: Education,
      employerId: Id,
      district: NonEmptyString,
      registeredOn: LocalDate,
    },
    { preparatoryTechnician: t.boolean, frontLine: t.boolean, minorExceptionRef: NonEmptyString },
    'RegisterTalent',
  ),
  ChangeEmployer: fields({ talentId: Id, employerId: Id, on: LocalDate }, {}, 'ChangeEmployer'),
  EnrollTraining: fields(
    { talentId: Id, programId: Id, kind: ProgrammeKind, field: TrainingField, providerId: Id, startedOn: LocalDate },
    { plannedYears: PositiveInt },
    'EnrollTraining',
  ),
  CompleteTraining: fields({ talentId: Id, programId: Id, completedOn: LocalDate, hours: NonNegativeInt }, {}, 'CompleteTraining'),
  RecordAssessment: fields(
    { talentId: Id, assessmentId: Id, route: Route, occupation: OccupationCode, passed: t.boolean, assessorId: Id, on: LocalDate },
    { level: CertifiedLevel },
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
  ConferHonor: fields({ talentId: Id, title: NonEmptyString, grade: NonEmptyString, on: LocalDate }, {}, 'ConferHonor'),
  GrantBenefit: fields(
    { talentId: Id, benefit: BenefitKind, on: LocalDate },
    {
      level: t.union([CertifiedLevel, t.literal('special-ability')]),
      insuredMonths: NonNegativeInt,
      competitionId: Id,
      programId: Id,
    },
    'GrantBenefit',
  ),
  RecordIncentive: fields({ talentId: Id, kind: IncentiveKind, on: LocalDate }, { amount: NonNegativeInt }, 'RecordIncentive'),
  RevokeCertificate: fields({ talentId: Id, level: CertifiedLevel, reason: NonEmptyString, on: LocalDate }, {}, 'RevokeCertificate'),
  ForgetTalent: fields({ talentId: Id }, {}, 'ForgetTalent'),
  DesignateCarrier: fields({ carrierId: Id, kind: CarrierKind, name: NonEmptyString, on: LocalDate }, {}, 'DesignateCarrier'),
  ReportEmploymentStatistics: fields(
    { year: t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1949 && n <= 2200, 'Year'), employedPersons: PositiveInt },
    {},
    'ReportEmploymentStatistics',
  ),
  ReleaseTalent: fields({ talentId: Id, on: LocalDate }, { reason: NonEmptyString }, 'ReleaseTalent'),
} as const

export type CommandType = keyof typeof CommandData
/** Command type names, for the CLI and docs. */
export const COMMAND_TYPES = Object.keys(CommandData) as CommandType[]

const DATE_FIELDS = ['on', 'registeredOn', 'startedOn', 'completedOn', 'effectiveFrom'] as const

/** The business date a command happens on, when it names one (yearly statistics: the last day of their year). */
export const businessDateOf = (c: { readonly type: string; readonly data: unknown }): string | null => {
  const d = c.data as Record<string, unknown>
  for (const k of DATE_FIELDS) if (typeof d[k] === 'string') return d[k]
  if (c.type === 'ReportEmploymentStatistics') return `${d['year']}-12-31`
  return null
}

/** A decoded command of one type. */
export type CommandOf<K extends CommandType> = K extends CommandType
  ? { readonly type: K; readonly actor: Actor; readonly data: t.TypeOf<(typeof CommandData)[K]> }
  : never
/** Any decoded command. */
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType]
