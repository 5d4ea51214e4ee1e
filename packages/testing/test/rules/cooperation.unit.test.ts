// DOMAIN.md §11 cooperation: enterprise designations, agreements (industry chains, school–enterprise
// classes), teachers and students, training under an agreement and the hiring of a student. Worked
// examples 11-a and 11-b, and one passing and one refused spec per rule id.
import { describe, expect, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { aCompetitionResult, aCompletion, aNationalId, anEmployer, anEnrolment, anOrganization, aTalentRegistered, authorizationFor, bureau, command, employerActor, given, organizationActor, PERSONAL } from '../../src/spec/index.js'

const L = employerActor('L')
const S = employerActor('S')
const V = organizationActor('V', 'vocational-school')
const designated = (on = '2026-01-10', until: string | null = null): LedgerEvent => ({
  type: 'EnterpriseDesignated',
  data: { organizationId: 'L', designation: 'chain-leader', chain: '石化', on, until, reference: '苏工信〔2026〕1号' },
})
const registerAg1 = (overrides: Record<string, unknown> = {}) =>
  command('RegisterAgreement', bureau, { agreementId: 'ag-1', kind: 'industry-chain', leadId: 'L', partnerIds: ['S'], field: 'advanced-manufacturing', on: '2026-02-20', validFrom: '2026-03-01', validTo: '2027-02-28', ...overrides })
const ag1: LedgerEvent = {
  type: 'AgreementRegistered',
  data: { agreementId: 'ag-1', kind: 'industry-chain', leadId: 'L', partnerIds: ['S'], field: 'advanced-manufacturing', on: '2026-02-20', validFrom: '2026-03-01', validTo: '2027-02-28', occupations: null, places: null },
}
const chainWorld: LedgerEvent[] = [anEmployer('L'), anEmployer('S'), anEmployer('X'), designated(), ag1, aTalentRegistered({ talentId: 't-20', employerId: 'S' }), aTalentRegistered({ talentId: 't-21', employerId: 'X' })]
const enrolChain = (overrides: Record<string, unknown> = {}, actor = L) =>
  command('EnrollTraining', actor, { talentId: 't-20', programId: 'p-ch', kind: 'industry-chain', field: 'advanced-manufacturing', providerId: 'L', startedOn: '2026-04-01', agreementId: 'ag-1', ...overrides })

describe('11-a a chain leader trains its partner’s staff', () => {
  it('L enrols t-20 of S under ag-1: TrainingEnrolled with the agreement', async () => {
    await given(chainWorld).when(enrolChain()).then([
      { type: 'TrainingEnrolled', data: { talentId: 't-20', programId: 'p-ch', kind: 'industry-chain', field: 'advanced-manufacturing', providerId: 'L', startedOn: '2026-04-01', plannedYears: null, agreementId: 'ag-1' } },
    ])
  })

  it('without agreementId: Unauthorized (an employer enrols only its own staff)', async () => {
    await given(chainWorld).when(enrolChain({ agreementId: undefined })).then({ code: 'Unauthorized' })
  })

  it('on 2027-03-01, after the agreement’s term: NotEligible training.within-agreement', async () => {
    await given(chainWorld).when(enrolChain({ startedOn: '2027-03-01' })).then({ code: 'NotEligible', rules: ['training.within-agreement'] })
  })
})

describe('§11 DesignateEnterprise', () => {
  const designate = (overrides: Record<string, unknown> = {}, actor = bureau) =>
    command('DesignateEnterprise', actor, { organizationId: 'L', designation: 'chain-leader', chain: '石化', on: '2026-01-10', reference: '苏工信〔2026〕1号', ...overrides })

  it('the bureau records a designation of a registered employer: EnterpriseDesignated (until null: open-ended)', async () => {
    await given([anEmployer('L')]).when(designate()).then([designated()])
  })

  it('by the employer itself: Unauthorized; of a school: NotFound; the same again: Duplicate; until before on: Malformed', async () => {
    await given([anEmployer('L')]).when(designate({}, L)).then({ code: 'Unauthorized' })
    await given([anOrganization('V', 'vocational-school')]).when(designate({ organizationId: 'V' })).then({ code: 'NotFound' })
    await given([anEmployer('L'), designated()]).when(designate()).then({ code: 'Duplicate' })
    await given([anEmployer('L')]).when(designate({ until: '2025-12-31' })).then({ code: 'Malformed' })
  })
})

describe('§11 agreement.parties and agreement.lead-designated', () => {
  const parties = [anEmployer('L'), anEmployer('S'), anOrganization('V', 'vocational-school'), designated()]

  it('agreement.parties: registered lead and partner employers: AgreementRegistered', async () => {
    await given(parties).when(registerAg1()).then([ag1])
  })

  it('agreement.parties: an unknown partner, or a school leading an industry chain: NotFound', async () => {
    await given(parties).when(registerAg1({ partnerIds: ['S', 'nobody'] })).then({ code: 'NotFound', rules: ['agreement.parties'] })
    await given(parties).when(registerAg1({ leadId: 'V' })).then({ code: 'NotFound', rules: ['agreement.parties'] })
    await given(parties).when(registerAg1({ kind: 'order-class' })).then({ code: 'NotFound', rules: ['agreement.parties'] })
  })

  it('agreement.parties: validFrom after validTo: Malformed', async () => {
    await given(parties).when(registerAg1({ validFrom: '2027-03-01', validTo: '2027-02-28' })).then({ code: 'Malformed', rules: ['agreement.parties'] })
  })

  it('who: only the hr-bureau registers (备案); the same agreement again: Duplicate', async () => {
    await given(parties).when({ ...registerAg1(), actor: L }).then({ code: 'Unauthorized' })
    await given([...parties, ag1]).when(registerAg1()).then({ code: 'Duplicate' })
  })

  it('agreement.lead-designated: a designation in force on validFrom (from that day, through until)', async () => {
    await given([anEmployer('L'), anEmployer('S'), designated('2026-03-01', '2026-03-01')]).when(registerAg1()).thenEventTypes(['AgreementRegistered'])
  })

  it('agreement.lead-designated: none yet, or one that ended before validFrom: NotEligible', async () => {
    await given([anEmployer('L'), anEmployer('S')]).when(registerAg1()).then({ code: 'NotEligible', rules: ['agreement.lead-designated'] })
    await given([anEmployer('L'), anEmployer('S'), designated('2026-03-02')]).when(registerAg1()).then({ code: 'NotEligible', rules: ['agreement.lead-designated'] })
    await given([anEmployer('L'), anEmployer('S'), designated('2025-01-01', '2026-02-28')]).when(registerAg1()).then({ code: 'NotEligible', rules: ['agreement.lead-designated'] })
  })

  it('a school’s class needs no designation', async () => {
    await given(parties).when(registerAg1({ agreementId: 'ag-2', kind: 'order-class', leadId: 'V' })).thenEventTypes(['AgreementRegistered'])
  })
})

describe('§11 EndAgreement', () => {
  const end = (actor = L, agreementId = 'ag-1') => command('EndAgreement', actor, { agreementId, on: '2026-10-01', reason: '合作终止' })
  const ended: LedgerEvent = { type: 'AgreementEnded', data: { agreementId: 'ag-1', on: '2026-10-01', reason: '合作终止' } }

  it('by the lead or the bureau: AgreementEnded', async () => {
    await given(chainWorld).when(end()).then([ended])
    await given(chainWorld).when(end(bureau)).then([ended])
  })

  it('by a partner: Unauthorized; unknown: NotFound; twice: Duplicate', async () => {
    await given(chainWorld).when(end(S)).then({ code: 'Unauthorized' })
    await given(chainWorld).when(end(bureau, 'ag-x')).then({ code: 'NotFound' })
    await given([...chainWorld, ended]).when(end()).then({ code: 'Duplicate' })
  })

  it('training.within-agreement: a training starting on or after the end: NotEligible; before it: accepted', async () => {
    await given([...chainWorld, ended]).when(enrolChain({ startedOn: '2026-10-01' })).then({ code: 'NotEligible', rules: ['training.within-agreement'] })
    await given([...chainWorld, ended]).when(enrolChain({ startedOn: '2026-09-30' })).thenEventTypes(['TrainingEnrolled'])
  })
})

describe('§11 training.agreement-parties, training.matches-agreement, training.within-agreement', () => {
  it('training.agreement-parties: staff of an employer outside the agreement: Unauthorized', async () => {
    await given(chainWorld).when(enrolChain({ talentId: 't-21' })).then({ code: 'Unauthorized', rules: ['training.agreement-parties'] })
  })

  it('training.agreement-parties: a provider other than the lead, or a partner enrolling: Unauthorized', async () => {
    await given(chainWorld).when(enrolChain({ providerId: 'S' }, S)).then({ code: 'Unauthorized', rules: ['training.agreement-parties'] })
    await given(chainWorld).when(enrolChain({}, S)).then({ code: 'Unauthorized' })
  })

  it('training.agreement-parties: the bureau enrols for the lead; the lead its own staff too', async () => {
    await given(chainWorld).when(enrolChain({}, bureau)).thenEventTypes(['TrainingEnrolled'])
    await given([...chainWorld, aTalentRegistered({ talentId: 't-22', employerId: 'L' })]).when(enrolChain({ talentId: 't-22' })).thenEventTypes(['TrainingEnrolled'])
  })

  it('training.agreement-parties: the lead completes the training it gave', async () => {
    const enrolled = anEnrolment('p-ch', { talentId: 't-20', kind: 'industry-chain', providerId: 'L', startedOn: '2026-04-01', agreementId: 'ag-1' })
    await given([...chainWorld, enrolled]).when(command('CompleteTraining', L, { talentId: 't-20', programId: 'p-ch', completedOn: '2026-09-30', hours: 80 })).thenEventTypes(['TrainingCompleted'])
  })

  it('training.matches-agreement: another programme kind, another field: NotEligible, each named', async () => {
    const refused = await given(chainWorld).when(enrolChain({ kind: 'ai-literacy', field: 'digital-economy' })).then({ code: 'NotEligible', rules: ['training.matches-agreement'] })
    expect(refused.details.map((d) => d.field)).toEqual(['data.kind', 'data.field'])
  })

  it('training.matches-agreement: an occupation the agreement does not list: NotEligible; a listed one: accepted', async () => {
    const listing = (occupations: string[]): LedgerEvent => ({ ...ag1, data: { ...(ag1.data as object), occupations } }) as LedgerEvent
    const world = chainWorld.map((e) => (e === ag1 ? listing(['4-10-01-01']) : e))
    await given(world).when(enrolChain()).then({ code: 'NotEligible', rules: ['training.matches-agreement'] })
    await given(chainWorld.map((e) => (e === ag1 ? listing(['6-18-02-04']) : e))).when(enrolChain()).thenEventTypes(['TrainingEnrolled'])
  })

  it('training.within-agreement: before validFrom: NotEligible; on validTo: accepted', async () => {
    await given(chainWorld).when(enrolChain({ startedOn: '2026-02-28' })).then({ code: 'NotEligible', rules: ['training.within-agreement'] })
    await given(chainWorld).when(enrolChain({ startedOn: '2027-02-28' })).thenEventTypes(['TrainingEnrolled'])
  })

  it('an agreement never registered: NotFound', async () => {
    await given(chainWorld).when(enrolChain({ agreementId: 'ag-x' }, bureau)).then({ code: 'NotFound' })
  })
})

// 11-b: a school's order class, its student hired by a partner
const STUDENT_ID = aNationalId('32070620100301002')
const ag2: LedgerEvent = {
  type: 'AgreementRegistered',
  data: { agreementId: 'ag-2', kind: 'order-class', leadId: 'V', partnerIds: ['org-1'], field: 'advanced-manufacturing', on: '2026-08-01', validFrom: '2026-09-01', validTo: '2029-08-31', occupations: null, places: 40 },
}
const school = anOrganization('V', 'vocational-school', { authorizations: [authorizationFor('skill-level-recognition', 'technician')] })
const schoolWorld: LedgerEvent[] = [school, anEmployer('org-1'), anEmployer('org-2'), ag2]
const student: LedgerEvent = aTalentRegistered({ talentId: 't-30', employerId: 'V', occupationSince: null, relation: 'student', registeredOn: '2026-09-01' })
const studentEnrolled = anEnrolment('p-ob', { talentId: 't-30', kind: 'degree-plus-skill', providerId: 'V', startedOn: '2026-09-01', agreementId: 'ag-2' })
const studentCompleted = aCompletion('p-ob', '2029-06-30', { talentId: 't-30' })
const registerPerson = (overrides: Record<string, unknown>) =>
  command('RegisterTalent', V, { talentId: 't-30', name: '李四', nationalId: STUDENT_ID, birthDate: '2010-03-01', occupation: '6-18-02-04', education: 'none', employerId: 'V', district: '海州区', registeredOn: '2026-09-01', ...overrides })
const hire = (overrides: Record<string, unknown> = {}, actor = employerActor('org-1')) =>
  command('ChangeEmployer', actor, { talentId: 't-30', employerId: 'org-1', on: '2029-07-01', occupationSince: '2029-07-01', agreementId: 'ag-2', ...overrides })

describe('11-b a school’s order class and the hiring of its student', () => {
  it('V registers student t-30 (no occupationSince): TalentRegistered {relation: student, occupationSince: null}', async () => {
    const events = await given(schoolWorld).when(registerPerson({ relation: 'student' })).thenEventTypes(['TalentRegistered'])
    expect(events[0]!.data).toMatchObject({ talentId: 't-30', employerId: 'V', occupationSince: null, relation: 'student' })
  })

  it('V enrols it under ag-2 (degree-plus-skill)', async () => {
    await given([...schoolWorld, student]).when(command('EnrollTraining', V, { talentId: 't-30', programId: 'p-ob', kind: 'degree-plus-skill', field: 'advanced-manufacturing', providerId: 'V', startedOn: '2026-09-01', agreementId: 'ag-2' })).then([
      { type: 'TrainingEnrolled', data: { talentId: 't-30', programId: 'p-ob', kind: 'degree-plus-skill', field: 'advanced-manufacturing', providerId: 'V', startedOn: '2026-09-01', plannedYears: null, agreementId: 'ag-2' } },
    ])
  })

  it('org-1 hires it on 2029-07-01 under ag-2: EmployerChanged {from: V}, now an employee with its career started', async () => {
    const world = [...schoolWorld, student, studentEnrolled, studentCompleted]
    await given(world).when(hire()).then([
      { type: 'EmployerChanged', data: { talentId: 't-30', from: 'V', employerId: 'org-1', on: '2029-07-01', relation: 'employee', occupationSince: '2029-07-01', agreementId: 'ag-2' } },
    ])
    const after = await given(world).when(hire()).talentAfter('t-30')
    expect({ relation: after.relation, occupationSince: after.occupationSince, employerId: after.employerId }).toEqual({ relation: undefined, occupationSince: '2029-07-01', employerId: 'org-1' })
  })

  it('org-2 with ag-2: NotEligible hire.student (not a partner)', async () => {
    await given([...schoolWorld, student, studentEnrolled, studentCompleted]).when(hire({ employerId: 'org-2' }, employerActor('org-2'))).then({ code: 'NotEligible', rules: ['hire.student'] })
  })

  it('V registers a teacher: accepted; without relation: NotFound (V employs no employees)', async () => {
    await given(schoolWorld).when(registerPerson({ ...PERSONAL, talentId: 't-31', occupationSince: '2015-09-01', relation: 'teacher' })).thenEventTypes(['TalentRegistered'])
    await given(schoolWorld).when(registerPerson({ ...PERSONAL, talentId: 't-31', occupationSince: '2015-09-01' })).then({ code: 'NotFound', rules: ['talent.employer-kind'] })
  })
})

describe('§11 talent.employer-kind', () => {
  it('a teacher or student of an employer (not a school): NotFound', async () => {
    await given([...schoolWorld]).when({ ...registerPerson({ relation: 'student', employerId: 'org-1' }), actor: bureau }).then({ code: 'NotFound', rules: ['talent.employer-kind'] })
  })

  it('a student with occupationSince, an employee without: Malformed', async () => {
    await given(schoolWorld).when(registerPerson({ relation: 'student', occupationSince: '2026-09-01' })).then({ code: 'Malformed', rules: ['talent.employer-kind'] })
    await given(schoolWorld).when({ ...registerPerson({ employerId: 'org-1' }), actor: bureau }).then({ code: 'Malformed', rules: ['talent.employer-kind'] })
  })

  it('a change of employer to a school makes a teacher (relation written on the event)', async () => {
    const world = [...schoolWorld, aTalentRegistered({ talentId: 't-40', employerId: 'org-1' })]
    await given(world).when(command('ChangeEmployer', bureau, { talentId: 't-40', employerId: 'V', on: '2027-09-01' })).then([
      { type: 'EmployerChanged', data: { talentId: 't-40', from: 'org-1', employerId: 'V', on: '2027-09-01', relation: 'teacher' } },
    ])
  })
})

describe('§11 talent.student-not-employed', () => {
  const world = [...schoolWorld, student]

  it('a student gets no benefit but a prize: a subsidy is NotEligible', async () => {
    await given(world).when(command('GrantBenefit', bureau, { talentId: 't-30', benefit: 'first-certification-allowance', on: '2027-06-01', level: 'senior' })).then({ code: 'NotFound' })
    await given(world).when(command('GrantBenefit', bureau, { talentId: 't-30', benefit: 'skill-upgrade-subsidy', on: '2027-06-01', level: 'junior', insuredMonths: 12 })).then({ code: 'NotFound' })
    await given([...world, { type: 'LevelCertified', data: { talentId: 't-30', level: 'senior', route: 'competition', occupation: '6-18-02-04', on: '2027-05-01', source: 'c-1', policyId: 'national-2018', ruleId: 'national-2018.competition.municipal' } }])
      .when(command('GrantBenefit', bureau, { talentId: 't-30', benefit: 'first-certification-allowance', on: '2027-06-01', level: 'senior' }))
      .then({ code: 'NotEligible', rules: ['talent.student-not-employed', 'national-2018.first-certification-allowance.front-line'] })
  })

  it('a student’s competition prize: granted', async () => {
    await given([...world, aCompetitionResult('c-1', { talentId: 't-30', tier: 'municipal', rank: 1, on: '2027-05-01' })])
      .when(command('GrantBenefit', bureau, { talentId: 't-30', benefit: 'competition-prize', on: '2027-06-01', competitionId: 'c-1' }))
      .thenEventTypes(['BenefitGranted'])
  })

  it('no incentive for a student (its school is no employer: refused before the rule)', async () => {
    await given(world).when(command('RecordIncentive', V, { talentId: 't-30', kind: 'wage-increase', on: '2027-06-01' })).then({ code: 'Unauthorized' })
  })
})

describe('§11 hire.student', () => {
  const world = [...schoolWorld, student, studentEnrolled]

  it('a partner hires a student without an agreement (no release needed): accepted', async () => {
    await given(world).when(hire({ agreementId: undefined })).thenEventTypes(['EmployerChanged'])
  })

  it('occupationSince after the hire: NotEligible; a student not enrolled under the agreement: NotEligible', async () => {
    await given(world).when(hire({ occupationSince: '2029-07-02' })).then({ code: 'NotEligible', rules: ['hire.student'] })
    await given([...schoolWorld, student]).when(hire()).then({ code: 'NotEligible', rules: ['hire.student'] })
  })

  it('hiring a student without occupationSince, or giving one for an employee: Malformed', async () => {
    await given(world).when(hire({ occupationSince: undefined })).then({ code: 'Malformed', rules: ['hire.student'] })
    await given([...world, aTalentRegistered({ talentId: 't-41', employerId: 'org-2' })])
      .when(command('ChangeEmployer', bureau, { talentId: 't-41', employerId: 'org-1', on: '2027-01-01', occupationSince: '2027-01-01' }))
      .then({ code: 'Malformed', rules: ['hire.student'] })
  })
})

describe('§11 assessment.school-own-people', () => {
  const assess = (talentId: string) =>
    command('RecordAssessment', V, { talentId, assessmentId: `a-${talentId}`, route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'junior', passed: false, assessorId: 'V', on: '2027-06-01' })

  it('a school assesses its own student: recorded', async () => {
    await given([...schoolWorld, student]).when(assess('t-30')).thenEventTypes(['AssessmentFailed'])
  })

  it('a school assesses another’s employee: Unauthorized assessment.school-own-people', async () => {
    await given([...schoolWorld, aTalentRegistered({ talentId: 't-42', employerId: 'org-1' })]).when(assess('t-42')).then({ code: 'Unauthorized', rules: ['assessment.school-own-people'] })
  })
})

describe('§11 现代学徒制 is not 新型学徒制', () => {
  it('a modern apprenticeship’s training earns no apprenticeship subsidy (programme kind degree-plus-skill)', async () => {
    const modern: LedgerEvent = { ...ag2, data: { ...(ag2.data as object), agreementId: 'ag-3', kind: 'modern-apprenticeship' } } as LedgerEvent
    const enrolled = anEnrolment('p-ma', { talentId: 't-30', kind: 'degree-plus-skill', providerId: 'V', startedOn: '2026-09-01', agreementId: 'ag-3' })
    await given([...schoolWorld, modern, student, enrolled])
      .when(command('GrantBenefit', bureau, { talentId: 't-30', benefit: 'apprenticeship-subsidy', on: '2027-06-01', programId: 'p-ma' }))
      .then({ code: 'NotEligible', rules: ['talent.student-not-employed', 'national-2018.apprenticeship-subsidy.programme-kind'] })
  })
})
