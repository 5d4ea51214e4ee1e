/**
 * Raw commands as a caller sends them (`{type, actor, data}`): every command type with data that
 * decodes, drawn from small id pools so they meet the talents and organisations of a history; and
 * deliberately malformed ones (a field missing or null, an impossible date, an unknown type or role).
 */
import * as fc from 'fast-check'
import { COMMAND_TYPES, CommandData, LocalDate, type Actor, type ActorRole, type CommandType } from '@talent-ledger/core'
import { ACTOR_IDS, actor, BUREAU, mostlyBureau } from './actors.js'
import { impossibleDate, localDate } from './dates.js'
import { policyDocument } from './policy.js'
import {
  assessedLevel,
  benefitKind,
  birthAndNationalId,
  carrierKind,
  certifiedLevel,
  competitionTier,
  district,
  education,
  incentiveKind,
  occupationCode,
  organizationKind,
  personName,
  programmeKind,
  route,
  trainingField,
} from './vocabulary.js'

/** A command before decoding. */
export interface CommandJson {
  readonly type: string
  readonly actor: unknown
  readonly data: Readonly<Record<string, unknown>>
}

/** Talent ids the generators use, so random commands hit the streams of a history. */
export const TALENT_IDS = ['t-1', 't-2', 't-3'] as const

const ROLE_OF: Readonly<Record<string, ActorRole>> = {
  'emp-1': 'employer',
  'emp-2': 'employer',
  'body-1': 'assessment-body',
  'appraisal-1': 'appraisal-body',
  'trainer-1': 'training-provider',
  'school-1': 'vocational-school',
}

const talentId = fc.constantFrom(...TALENT_IDS)
const orgId = fc.constantFrom(...ACTOR_IDS, 'emp-3')
const employerId = fc.constantFrom('emp-1', 'emp-2', 'emp-3')
/** Agreements of DOMAIN.md §11: the two a generated history registers, and one nobody does. */
const agreementId = fc.constantFrom('ag-chain', 'ag-class', 'ag-none')
const date = localDate({ min: '2005-01-01', max: '2040-12-31' })
const postLevel = fc.constantFrom('principal-technician', 'chief-technician')
const someId = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}-${n}`)
/** Honour ids of the default catalogue, and one no catalogue holds (DOMAIN.md §14). */
const HONOUR_ID = fc.constantFrom('lyg-skill-champion', 'lyg-technical-expert', 'jiangsu-may-day-medal', 'national-technical-expert', 'jiangsu-craftsman', 'no-such-honour')
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined })

/** Drops the keys whose value is undefined (optional fields left out). */
const compact = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const authorization = fc.record({
  route,
  occupations: fc.oneof(fc.constant(['*']), fc.array(occupationCode, { minLength: 1, maxLength: 3 })),
  maxLevel: opt(certifiedLevel),
})

/** `data` of each command type: values that decode with the type's codec. */
const DATA: { readonly [K in CommandType]: fc.Arbitrary<Record<string, unknown>> } = {
  AdoptPolicy: fc.record({ policyId: fc.constantFrom('lyg-a', 'lyg-b'), effectiveFrom: date, document: policyDocument() }),
  RegisterOrganization: fc.record({
    organizationId: orgId,
    kind: organizationKind,
    name: fc.constantFrom('连云港港口集团', '江苏XX职业技能鉴定中心', '连云港技师学院'),
    authorizations: opt(fc.array(authorization.map(compact), { maxLength: 3 })),
    canAppoint: opt(fc.boolean()),
  }),
  RegisterTalent: fc
    .record({
      talentId,
      name: personName,
      person: birthAndNationalId,
      occupation: occupationCode,
      occupationSince: date,
      education,
      employerId: fc.oneof(employerId, fc.constant('school-1')),
      district,
      registeredOn: date,
      preparatoryTechnician: opt(fc.boolean()),
      frontLine: opt(fc.boolean()),
      // a school's teacher or student (DOMAIN.md §11): a student has no occupationSince
      relation: opt(fc.constantFrom('employee', 'teacher', 'student')),
    })
    .map(({ person, occupationSince, ...rest }) => ({ ...rest, ...person, ...(rest.relation === 'student' ? {} : { occupationSince }) })),
  ChangeEmployer: fc.record({ talentId, employerId, on: date, agreementId: opt(agreementId), occupationSince: opt(date) }),
  EnrollTraining: fc.record({
    talentId,
    programId: someId('p'),
    kind: programmeKind,
    field: trainingField,
    providerId: orgId,
    startedOn: date,
    plannedYears: opt(fc.integer({ min: 1, max: 5 })),
    agreementId: opt(agreementId),
  }),
  CompleteTraining: fc.record({ talentId, programId: someId('p'), completedOn: date, hours: fc.integer({ min: 0, max: 2000 }) }),
  RecordAssessment: fc.record({
    talentId,
    assessmentId: someId('a'),
    route,
    occupation: occupationCode,
    passed: fc.boolean(),
    assessorId: orgId,
    on: date,
    level: opt(assessedLevel),
    programId: opt(someId('p')),
  }),
  AppointSeniorPost: fc.record({ talentId, level: postLevel, employerId, on: date }),
  RenewSeniorPost: fc.record({ talentId, level: postLevel, employerId, on: date }),
  EndSeniorPost: fc.record({ talentId, level: postLevel, on: date, reason: fc.constantFrom('任期届满', 'post abolished') }),
  SetSeniorPostQuota: fc.record({ organizationId: employerId, level: postLevel, posts: fc.integer({ min: 0, max: 3 }), on: date }),
  RecordCompetitionResult: fc.record({
    talentId,
    competitionId: someId('c'),
    tier: competitionTier,
    rank: fc.integer({ min: 1, max: 30 }),
    on: date,
    award: opt(fc.constant('excellence')),
    percentile: opt(fc.integer({ min: 0, max: 100 })),
  }),
  // DOMAIN.md §14: a catalogued honour (ids of the default catalogue, and one no catalogue holds), or the first release's free text
  ConferHonor: fc.oneof(
    fc.record({ talentId, title: fc.constantFrom('连云港技能状元', '江苏工匠', '全国技术能手', '港城工匠'), grade: fc.constantFrom('municipal', 'provincial', 'national', '市级'), on: date }),
    fc.record({ talentId, honourId: HONOUR_ID, on: date, reference: opt(fc.constantFrom('连政发〔2027〕12号', 'list-2027')) }),
  ),
  GrantBenefit: fc.record({
    talentId,
    benefit: benefitKind,
    on: date,
    level: opt(fc.oneof(certifiedLevel, fc.constant('special-ability'))),
    insuredMonths: opt(fc.integer({ min: 0, max: 36 })),
    competitionId: opt(someId('c')),
    programId: opt(someId('p')),
  }),
  RecordIncentive: fc.record({ talentId, kind: incentiveKind, on: date, amount: opt(fc.integer({ min: 0, max: 10_000_000 })) }),
  RevokeCertificate: fc.record({ talentId, level: certifiedLevel, reason: fc.constantFrom('fraud', '证书造假'), on: date }),
  ForgetTalent: fc.record({ talentId }),
  DesignateCarrier: fc.record({
    carrierId: someId('carrier'),
    kind: carrierKind,
    name: fc.constantFrom('连云港技能大师工作室', '高技能人才培训基地'),
    on: date,
    // DOMAIN.md §10
    hostId: opt(orgId),
    grade: opt(fc.constantFrom('national', 'provincial', 'municipal', 'district')),
    masterTalentId: opt(talentId),
  }),
  ReportEmploymentStatistics: fc.record({ year: fc.integer({ min: 2000, max: 2040 }), employedPersons: fc.integer({ min: 1, max: 3_000_000 }) }),
  ReleaseTalent: fc.record({ talentId, on: date, reason: opt(fc.constantFrom('合同到期', 'resigned')) }),
  RecordServiceDelivery: fc.record({
    talentId,
    deliveryId: someId('sd'),
    service: fc.constantFrom('one-stop-service', 'children-education', 'medical-care', 'health-check', 'recuperation'),
    on: date,
    providerId: opt(orgId),
  }),
  ReportHonourList: fc.record({ honourId: HONOUR_ID, year: fc.integer({ min: 2000, max: 2040 }), recipients: fc.integer({ min: 1, max: 500 }) }),
  RecordPriorCertificate: fc.record({
    talentId,
    certificateNumber: someId('cert'),
    level: certifiedLevel,
    occupation: occupationCode,
    issuedOn: localDate({ min: '2000-01-01', max: '2024-12-31' }),
    issuer: fc.constantFrom('江苏省职业技能鉴定中心', 'a former skill-level recognition body'),
    route: opt(route),
  }),
  // DOMAIN.md §10: a studio's master, and programmes at a carrier (or not)
  LinkStudioMaster: fc.record({ carrierId: someId('carrier'), talentId, on: date }),
  OpenProgramme: fc.record({
    programId: someId('p'),
    providerId: orgId,
    kind: programmeKind,
    field: trainingField,
    on: date,
    carrierId: opt(someId('carrier')),
    agreementId: opt(someId('ag')),
    occupation: opt(occupationCode),
    places: opt(fc.integer({ min: 1, max: 60 })),
  }),
  // cooperation (DOMAIN.md §11)
  DesignateEnterprise: fc.record({
    organizationId: employerId,
    designation: fc.constantFrom('chain-leader', 'industry-leader', 'specialized-sme'),
    chain: fc.constantFrom('石化', '新医药', '新材料'),
    on: date,
    until: opt(date),
    reference: fc.constantFrom('苏工信〔2026〕1号', 'list-2026'),
  }),
  RegisterAgreement: fc.record({
    agreementId,
    kind: fc.constantFrom('industry-chain', 'order-class', 'named-class', 'modern-apprenticeship'),
    leadId: fc.constantFrom('emp-1', 'school-1'),
    partnerIds: fc.subarray(['emp-1', 'emp-2', 'emp-3']),
    field: trainingField,
    on: date,
    validFrom: date,
    validTo: date,
    occupations: opt(fc.array(occupationCode, { minLength: 1, maxLength: 2 })),
    places: opt(fc.integer({ min: 1, max: 60 })),
  }),
  EndAgreement: fc.record({ agreementId, on: date, reason: fc.constantFrom('合作终止', 'partner closed') }),
}

const withRole = (id: unknown, fallback: ActorRole): Actor => ({ id: String(id), role: ROLE_OF[String(id)] ?? fallback })

/** The actor who would normally issue the command (the bureau, or the organisation it names). */
const naturalActor = (type: CommandType, d: Record<string, unknown>): Actor => {
  switch (type) {
    case 'RecordAssessment':
      return withRole(d['assessorId'], 'assessment-body')
    case 'AppointSeniorPost':
    case 'RenewSeniorPost':
      return withRole(d['employerId'], 'employer')
    case 'ReleaseTalent':
      return withRole('emp-1', 'employer')
    case 'EnrollTraining':
    case 'OpenProgramme':
      return withRole(d['providerId'], 'training-provider')
    default:
      return BUREAU
  }
}

/** A command of the given type whose data decodes; its actor is usually the natural issuer. */
export const validCommandOf = (type: CommandType): fc.Arbitrary<CommandJson> =>
  fc
    .tuple(DATA[type].map(compact), fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.oneof(actor, mostlyBureau), weight: 1 }))
    .map(([data, other]) => ({ type, actor: other ?? naturalActor(type, data), data }))

/** Any command of any type (except `except`) whose shape decodes; the ledger may still refuse it. */
export const validCommand = (except: ReadonlyArray<CommandType> = []): fc.Arbitrary<CommandJson> =>
  fc.constantFrom(...COMMAND_TYPES.filter((t) => !except.includes(t))).chain(validCommandOf)

type Codec = { readonly type: { readonly types: readonly [{ readonly props: Readonly<Record<string, unknown>> }, unknown] } }
/** Required `data` fields of a command type, read from its codec. */
export const requiredFields = (type: CommandType): string[] => Object.keys((CommandData[type] as unknown as Codec).type.types[0].props)
/** Date fields of a command type (required or optional), read from its codec. */
export const dateFields = (type: CommandType): string[] => {
  const [required, optional] = (CommandData[type] as unknown as { type: { types: readonly [{ props: Record<string, unknown> }, { props: Record<string, unknown> }] } }).type.types
  return Object.entries({ ...required.props, ...optional.props }).filter(([, c]) => c === LocalDate).map(([k]) => k)
}

/** A command that must be refused as `Malformed`, with the way it was broken. */
export const malformedCommand: fc.Arbitrary<{ readonly raw: unknown; readonly defect: string }> = fc.oneof(
  validCommand().chain((c) =>
    fc.constantFrom(...requiredFields(c.type as CommandType)).chain((k) =>
      fc.constantFrom(
        { raw: { ...c, data: compact({ ...c.data, [k]: undefined }) }, defect: `data.${k} missing` },
        { raw: { ...c, data: { ...c.data, [k]: null } }, defect: `data.${k} null` },
      ),
    ),
  ),
  validCommand()
    .filter((c) => dateFields(c.type as CommandType).length > 0)
    .chain((c) =>
      fc.tuple(fc.constantFrom(...dateFields(c.type as CommandType)), impossibleDate).map(([k, bad]) => ({ raw: { ...c, data: { ...c.data, [k]: bad } }, defect: `data.${k} = ${JSON.stringify(bad)}` })),
    ),
  validCommand().map((c) => ({ raw: { ...c, actor: { id: 'someone', role: 'mayor' } }, defect: 'unknown actor role' })),
  validCommand().map((c) => ({ raw: { ...c, type: `${c.type}V2` }, defect: 'unknown command type' })),
  fc.constantFrom<unknown>(null, 42, 'RegisterTalent', [], {}).map((raw) => ({ raw, defect: 'not a command object' })),
)

/** Mostly commands that decode, sometimes malformed ones: what an open endpoint receives. */
export const rawCommand = (except: ReadonlyArray<CommandType> = []): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: validCommand(except), weight: 4 }, { arbitrary: malformedCommand.map((m) => m.raw), weight: 1 })
