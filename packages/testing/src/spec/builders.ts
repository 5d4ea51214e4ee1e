/**
 * Test data for specs: actors, valid national ID numbers, and the events a history is made of,
 * each with sensible defaults and overrides. Defaults describe one talent `t-1` in occupation
 * `6-18-02-04` (not front-line), employed by `emp-1`, in the trade since 2010, registered in 2020.
 */
import {
  DEFAULT_POLICY_ID,
  defaultPolicyDocument,
  nationalIdCheckChar,
  type Actor,
  type Authorization,
  type CertifiedLevel,
  type EventOf,
  type EventType,
  type OrganizationKind,
  type PolicyDocument,
} from '@talent-ledger/core'
import { fakeSeal } from './fake-seal.js'

type Data<K extends EventType> = EventOf<K>['data']

/** Id of the talent the builders default to. */
export const TALENT_ID = 't-1'
/** Id of the employer the builders default to. */
export const EMPLOYER_ID = 'emp-1'
/** Occupation the builders default to (major group 6: 生产制造及有关人员). */
export const OCCUPATION = '6-18-02-04'

/** The human-resources and social-security bureau (人社局). */
export const bureau: Actor = { id: 'hr-bureau', role: 'hr-bureau' }
/** A read-only auditor. */
export const auditor: Actor = { id: 'audit-office', role: 'auditor' }
/** An employer acting as itself. */
export const employerActor = (id: string = EMPLOYER_ID): Actor => ({ id, role: 'employer' })
/** Any organisation acting in the role of its kind. */
export const organizationActor = (id: string, role: OrganizationKind): Actor => ({ id, role })

/** A valid 18-character national ID number from its first 17 digits (check character computed). */
export const aNationalId = (first17 = '32070319900101123'): string => `${first17}${nationalIdCheckChar(first17)}`

/** The personal data the builders default to. */
export const PERSONAL = { name: '张三', nationalId: aNationalId(), birthDate: '1990-01-01' } as const

/** TalentRegistered with defaults; personal data sealed by the spec's fake seal. */
export const aTalentRegistered = (overrides: Partial<Data<'TalentRegistered'>> = {}): EventOf<'TalentRegistered'> => {
  const talentId = overrides.talentId ?? TALENT_ID
  return {
    type: 'TalentRegistered',
    data: {
      talentId,
      personal: fakeSeal(talentId, PERSONAL),
      occupation: OCCUPATION,
      occupationSince: '2010-03-01',
      education: 'none',
      preparatoryTechnician: false,
      employerId: EMPLOYER_ID,
      district: '海州区',
      frontLine: false,
      registeredOn: '2020-01-01',
      ...overrides,
    },
  }
}

/** OrganizationRegistered of any kind. */
export const anOrganization = (
  id: string,
  kind: OrganizationKind,
  overrides: Partial<Data<'OrganizationRegistered'>> = {},
): EventOf<'OrganizationRegistered'> => ({
  type: 'OrganizationRegistered',
  data: { organizationId: id, kind, name: `${kind} ${id}`, authorizations: [], canAppoint: false, ...overrides },
})

/** A registered employer (no authorizations, cannot appoint unless overridden). */
export const anEmployer = (id: string = EMPLOYER_ID, overrides: Partial<Data<'OrganizationRegistered'>> = {}): EventOf<'OrganizationRegistered'> =>
  anOrganization(id, 'employer', overrides)

/** A registered (备案) assessment body with its authorizations. */
export const anAssessmentBody = (id: string, authorizations: ReadonlyArray<Authorization>): EventOf<'OrganizationRegistered'> =>
  anOrganization(id, 'assessment-body', { authorizations: [...authorizations] })

/** A designated appraisal body (职业资格鉴定机构) with its authorizations. */
export const anAppraisalBody = (id: string, authorizations: ReadonlyArray<Authorization>): EventOf<'OrganizationRegistered'> =>
  anOrganization(id, 'appraisal-body', { authorizations: [...authorizations] })

/** An authorization for a route, occupations (default: all) and a maximum level. */
export const authorizationFor = (route: Authorization['route'], maxLevel?: CertifiedLevel, occupations: Authorization['occupations'] = ['*']): Authorization =>
  maxLevel === undefined ? { route, occupations } : { route, occupations, maxLevel }

/** A certificate already held (LevelCertified), by default through skill-level recognition. */
export const aCertificate = (level: CertifiedLevel, on: string, overrides: Partial<Data<'LevelCertified'>> = {}): EventOf<'LevelCertified'> => ({
  type: 'LevelCertified',
  data: {
    talentId: TALENT_ID,
    level,
    route: 'skill-level-recognition',
    occupation: OCCUPATION,
    on,
    source: `given-${level}-${on}`,
    policyId: DEFAULT_POLICY_ID,
    ruleId: `${DEFAULT_POLICY_ID}.given`,
    ...overrides,
  },
})

/** A special-ability certificate (专项职业能力) already held. */
export const aSpecialAbilityCertificate = (on: string, overrides: Partial<Data<'SpecialAbilityCertified'>> = {}): EventOf<'SpecialAbilityCertified'> => ({
  type: 'SpecialAbilityCertified',
  data: { talentId: TALENT_ID, assessmentId: `special-${on}`, occupation: OCCUPATION, on, policyId: DEFAULT_POLICY_ID, ...overrides },
})

/** An enrolment (TrainingEnrolled), by default a 2-year new apprenticeship with the employer. */
export const anEnrolment = (programId: string, overrides: Partial<Data<'TrainingEnrolled'>> = {}): EventOf<'TrainingEnrolled'> => ({
  type: 'TrainingEnrolled',
  data: {
    talentId: TALENT_ID,
    programId,
    kind: 'new-apprenticeship',
    field: 'advanced-manufacturing',
    providerId: EMPLOYER_ID,
    startedOn: '2021-09-01',
    plannedYears: 2,
    ...overrides,
  },
})

/** A completion (TrainingCompleted). */
export const aCompletion = (programId: string, completedOn: string, overrides: Partial<Data<'TrainingCompleted'>> = {}): EventOf<'TrainingCompleted'> => ({
  type: 'TrainingCompleted',
  data: { talentId: TALENT_ID, programId, completedOn, hours: 800, ...overrides },
})

/** A recorded competition result (nothing withheld unless overridden). */
export const aCompetitionResult = (
  competitionId: string,
  overrides: Partial<Data<'CompetitionResultRecorded'>> = {},
): EventOf<'CompetitionResultRecorded'> => ({
  type: 'CompetitionResultRecorded',
  data: { talentId: TALENT_ID, competitionId, tier: 'municipal', rank: 1, award: null, percentile: null, on: '2024-06-01', withheld: null, ...overrides },
})

/** A granted benefit, as a history entry (for revocation and "once per …" specs). */
export const aGrant = (grantId: string, overrides: Partial<Data<'BenefitGranted'>> = {}): EventOf<'BenefitGranted'> => ({
  type: 'BenefitGranted',
  data: {
    talentId: TALENT_ID,
    grantId,
    benefit: 'skill-upgrade-subsidy',
    amount: 0,
    recipientId: TALENT_ID,
    on: '2024-01-01',
    policyId: DEFAULT_POLICY_ID,
    ruleId: `${DEFAULT_POLICY_ID}.given`,
    basis: {},
    ...overrides,
  },
})

/** A copy of the shipped default policy document, changed by `change`. */
export const aPolicyDocument = (change: (doc: PolicyDocument) => PolicyDocument = (d) => d): PolicyDocument =>
  change(JSON.parse(JSON.stringify(defaultPolicyDocument)) as PolicyDocument)

/** PolicyAdopted: the default document changed by `change`, in force from `effectiveFrom`. */
export const aPolicyAdopted = (
  policyId: string,
  effectiveFrom: string,
  change: (doc: PolicyDocument) => PolicyDocument = (d) => d,
): EventOf<'PolicyAdopted'> => ({ type: 'PolicyAdopted', data: { policyId, effectiveFrom, document: aPolicyDocument(change) } })
