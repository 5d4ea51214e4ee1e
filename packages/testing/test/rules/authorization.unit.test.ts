// DOMAIN.md §8, the actor table: for every command, the actors that may issue it are accepted and
// the others are refused with Unauthorized; an auditor (read only) is refused everything.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { COMMAND_TYPES, type Actor, type CommandType, type LedgerEvent } from '@talent-ledger/core'
import {
  aPolicyAdopted,
  aPolicyDocument,
  aTalentRegistered,
  anAssessmentBody,
  anEmployer,
  anEnrolment,
  anOrganization,
  auditor,
  authorizationFor,
  bureau,
  command,
  employerActor,
  given,
  organizationActor,
  registerTalent,
  TALENT_ID,
  type RawCommand,
} from '../../src/spec/index.js'
import { holding } from './fixtures.js'

const ON = '2024-06-01'
const slr = [authorizationFor('skill-level-recognition', 'senior-technician')]
const WORLD: LedgerEvent[] = [
  anEmployer('emp-1', { canAppoint: true, authorizations: slr }),
  anEmployer('emp-2', { canAppoint: true, authorizations: slr }),
  anOrganization('tp-1', 'training-provider'),
  anOrganization('vs-1', 'vocational-school'),
  anAssessmentBody('ab-1', slr),
  aTalentRegistered(),
  ...holding('senior-technician', '2024-01-10'),
  anEnrolment('p-1', { kind: 'specialized', providerId: 'tp-1', plannedYears: null }),
  anEnrolment('p-e', { kind: 'specialized', providerId: 'emp-1', plannedYears: null }),
  // a chief-technician post in force with emp-1, to renew and end (DOMAIN.md §12)
  { type: 'SeniorPostAppointed', data: { talentId: TALENT_ID, level: 'chief-technician', employerId: 'emp-1', on: '2024-02-01', expiresOn: '2027-02-01', policyId: 'national-2018', ruleId: 'national-2018.chief-technician.appointed' } },
  // a masters' studio, and a policy that sets its master's level, to link t-1 as its master (DOMAIN.md §10)
  { type: 'CarrierDesignated', data: { carrierId: 'studio-1', kind: 'master-studio', name: '技能大师工作室', on: '2024-01-01' } },
  aPolicyAdopted('lyg-w', '2024-06-01', (doc) => ({ ...doc, carriers: { masterStudio: { minMasterLevel: 'technician' } } })),
  // an order class of the school with emp-1, to end (DOMAIN.md §11)
  { type: 'AgreementRegistered', data: { agreementId: 'ag-w', kind: 'order-class', leadId: 'vs-1', partnerIds: ['emp-1'], field: 'digital-economy', on: ON, validFrom: ON, validTo: '2027-06-30', occupations: null, places: null } },
]

const emp1 = employerActor('emp-1')
const emp2 = employerActor('emp-2')
const tp1 = organizationActor('tp-1', 'training-provider')
const vs1 = organizationActor('vs-1', 'vocational-school')
const ab1 = organizationActor('ab-1', 'assessment-body')
const t = { talentId: TALENT_ID }

/** Each command, as issued by `actor` acting on its own behalf (provider, assessor, employer = the actor). */
const MAKE: Record<CommandType, (a: Actor) => RawCommand> = {
  AdoptPolicy: (a) => command('AdoptPolicy', a, { policyId: 'lyg-2025', effectiveFrom: '2025-01-01', document: aPolicyDocument() }),
  RegisterOrganization: (a) => command('RegisterOrganization', a, { organizationId: 'org-new', kind: 'training-provider', name: '新培训机构' }),
  DesignateCarrier: (a) => command('DesignateCarrier', a, { carrierId: 'car-1', kind: 'master-studio', name: '技能大师工作室', on: ON }),
  ReportEmploymentStatistics: (a) => command('ReportEmploymentStatistics', a, { year: 2024, employedPersons: 2_500_000 }),
  RecordServiceDelivery: (a) => command('RecordServiceDelivery', a, { ...t, deliveryId: 'sd-1', service: 'one-stop-service', on: ON }),
  ReportHonourList: (a) => command('ReportHonourList', a, { honourId: 'lyg-skill-champion', year: 2024, recipients: 10 }),
  RecordCompetitionResult: (a) => command('RecordCompetitionResult', a, { ...t, competitionId: 'c-1', tier: 'municipal', rank: 1, on: ON }),
  ConferHonor: (a) => command('ConferHonor', a, { ...t, title: '连云港技能状元', grade: 'municipal', on: ON }),
  GrantBenefit: (a) => command('GrantBenefit', a, { ...t, benefit: 'skill-upgrade-subsidy', on: ON, level: 'senior-technician', insuredMonths: 24 }),
  RevokeCertificate: (a) => command('RevokeCertificate', a, { ...t, level: 'senior-technician', reason: 'fraud', on: ON }),
  ForgetTalent: (a) => command('ForgetTalent', a, t),
  RegisterTalent: (a) =>
    registerTalent({ talentId: 't-2', employerId: a.role === 'employer' || a.role === 'vocational-school' ? a.id : 'emp-1', ...(a.role === 'vocational-school' ? { relation: 'teacher' } : {}) }, a),
  ChangeEmployer: (a) => command('ChangeEmployer', a, { ...t, employerId: a.role === 'employer' ? a.id : 'emp-2', on: ON }),
  EnrollTraining: (a) => command('EnrollTraining', a, { ...t, programId: 'p-new', kind: 'ai-literacy', field: 'digital-economy', providerId: a.role === 'hr-bureau' ? 'tp-1' : a.id, startedOn: ON }),
  CompleteTraining: (a) => command('CompleteTraining', a, { ...t, programId: a.role === 'employer' ? 'p-e' : 'p-1', completedOn: ON, hours: 40 }),
  RecordAssessment: (a) => command('RecordAssessment', a, { ...t, assessmentId: 'as-9', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'senior', passed: false, assessorId: a.id, on: ON }),
  AppointSeniorPost: (a) => command('AppointSeniorPost', a, { ...t, level: 'principal-technician', employerId: a.id, on: ON }),
  RecordIncentive: (a) => command('RecordIncentive', a, { ...t, kind: 'post-dividend', on: ON, amount: 1_000_000 }),
  ReleaseTalent: (a) => command('ReleaseTalent', a, { ...t, on: ON }),
  RenewSeniorPost: (a) => command('RenewSeniorPost', a, { ...t, level: 'chief-technician', employerId: a.id, on: ON }),
  EndSeniorPost: (a) => command('EndSeniorPost', a, { ...t, level: 'chief-technician', on: ON, reason: '任期内解聘' }),
  SetSeniorPostQuota: (a) => command('SetSeniorPostQuota', a, { organizationId: 'emp-1', level: 'principal-technician', posts: 2, on: ON }),
  LinkStudioMaster: (a) => command('LinkStudioMaster', a, { carrierId: 'studio-1', talentId: TALENT_ID, on: ON }),
  OpenProgramme: (a) => command('OpenProgramme', a, { programId: 'p-open', providerId: a.role === 'hr-bureau' ? 'tp-1' : a.id, kind: 'specialized', field: 'advanced-manufacturing', on: ON }),
  DesignateEnterprise: (a) => command('DesignateEnterprise', a, { organizationId: 'emp-1', designation: 'chain-leader', chain: '石化', on: ON, reference: '苏工信〔2024〕1号' }),
  RegisterAgreement: (a) => command('RegisterAgreement', a, { agreementId: 'ag-new', kind: 'order-class', leadId: 'vs-1', partnerIds: ['emp-2'], field: 'digital-economy', on: ON, validFrom: ON, validTo: '2027-06-30' }),
  EndAgreement: (a) => command('EndAgreement', a, { agreementId: 'ag-w', on: ON, reason: '合作终止' }),
  RecordPriorCertificate: (a) =>
    command('RecordPriorCertificate', a, { ...t, certificateNumber: 'S-2009-001', level: 'senior', occupation: '6-18-02-04', issuedOn: '2012-06-30', issuer: '江苏省职业技能鉴定中心' }),
}

const BUREAU_ONLY: CommandType[] = [
  'AdoptPolicy', 'RegisterOrganization', 'DesignateCarrier', 'ReportEmploymentStatistics', 'RecordCompetitionResult',
  'ConferHonor', 'GrantBenefit', 'RevokeCertificate', 'ForgetTalent', 'RecordPriorCertificate', 'ReportHonourList', 'RecordServiceDelivery', 'SetSeniorPostQuota',
  'DesignateEnterprise', 'RegisterAgreement',
]

// [command, who, actor]: accepted / refused
const ALLOWED: Array<[CommandType, string, Actor]> = [
  ...BUREAU_ONLY.map((c): [CommandType, string, Actor] => [c, 'the hr-bureau', bureau]),
  ['RegisterTalent', 'the hr-bureau', bureau], ['RegisterTalent', 'an employer for its own staff', emp1],
  ['ChangeEmployer', 'the hr-bureau', bureau],
  ['ReleaseTalent', 'the current employer', emp1],
  ['EnrollTraining', 'the hr-bureau', bureau], ['EnrollTraining', 'the training provider named', tp1],
  ['EnrollTraining', 'the vocational school named', vs1], ['EnrollTraining', 'an employer for its own staff', emp1],
  ['CompleteTraining', 'the hr-bureau', bureau], ['CompleteTraining', 'the provider of the programme', tp1],
  ['CompleteTraining', 'an employer providing its own staff’s programme', emp1],
  ['RecordAssessment', 'the registered assessor named', ab1], ['RecordAssessment', 'a registered employer for its current employee', emp1],
  ['AppointSeniorPost', 'the current employer registered with canAppoint', emp1],
  ['RecordIncentive', 'the current employer', emp1],
  ['RenewSeniorPost', 'the current employer registered with canAppoint', emp1],
  ['EndSeniorPost', 'the current employer registered with canAppoint', emp1], ['EndSeniorPost', 'the hr-bureau', bureau],
  ['LinkStudioMaster', 'the hr-bureau', bureau],
  ['OpenProgramme', 'the hr-bureau', bureau], ['OpenProgramme', 'the training provider named', tp1], ['OpenProgramme', 'an employer providing it', emp1],
  ['EndAgreement', 'the hr-bureau', bureau], ['EndAgreement', 'the agreement’s lead', vs1],
  ['RegisterTalent', 'a vocational school for its teacher', vs1],
]
const REFUSED: Array<[CommandType, string, Actor]> = [
  ...BUREAU_ONLY.flatMap((c): Array<[CommandType, string, Actor]> => [[c, 'an employer', emp1], [c, 'an assessment body', ab1]]),
  ['RegisterTalent', 'a training provider', tp1], ['RegisterTalent', 'an unregistered employer', employerActor('emp-9')],
  ['ChangeEmployer', 'a vocational school', vs1], ['ChangeEmployer', 'a new employer before any release', emp2],
  ['ReleaseTalent', 'the hr-bureau', bureau], ['ReleaseTalent', 'another employer', emp2],
  ['EnrollTraining', 'an employer for someone else’s staff', emp2], ['EnrollTraining', 'an assessment body', ab1],
  ['CompleteTraining', 'a provider that is not the programme’s', vs1], ['CompleteTraining', 'another employer', emp2],
  ['RecordAssessment', 'the hr-bureau', bureau], ['RecordAssessment', 'an employer for another’s employee', emp2],
  ['RecordAssessment', 'an assessment body claiming the employer role', { id: 'ab-1', role: 'employer' }],
  ['AppointSeniorPost', 'another employer', emp2], ['AppointSeniorPost', 'the hr-bureau', bureau],
  ['RecordIncentive', 'another employer', emp2], ['RecordIncentive', 'the hr-bureau', bureau],
  ['RecordIncentive', 'a training provider', tp1],
  ['RenewSeniorPost', 'another employer', emp2], ['RenewSeniorPost', 'the hr-bureau', bureau],
  ['EndSeniorPost', 'another employer', emp2], ['EndSeniorPost', 'a training provider', tp1],
  ['LinkStudioMaster', 'an employer', emp1], ['LinkStudioMaster', 'an assessment body', ab1],
  ['OpenProgramme', 'an assessment body naming itself', ab1],
  ['EndAgreement', 'a partner of the agreement', emp1], ['EndAgreement', 'a training provider', tp1],
]

describe('§8 who may issue what', () => {
  it.each(ALLOWED)('%s may be issued by %s', async (type, _who, actor) => {
    const r = await given(WORLD).when(MAKE[type](actor)).result()
    expect(E.isLeft(r) ? r.left : 'accepted').toBe('accepted')
  })

  it.each(REFUSED)('%s by %s: Unauthorized', async (type, _who, actor) => {
    await given(WORLD).when(MAKE[type](actor)).then({ code: 'Unauthorized' })
  })

  it.each(COMMAND_TYPES)('%s by an auditor: Unauthorized, always (read only)', async (type) => {
    await given(WORLD).when(MAKE[type](auditor)).then({ code: 'Unauthorized' })
  })

  it('OpenProgramme by an organisation neither the provider named nor the carrier’s host: Unauthorized', async () => {
    await given(WORLD).when({ ...MAKE.OpenProgramme(bureau), actor: emp2 }).then({ code: 'Unauthorized' })
  })

  it('RegisterTalent by an employer naming another employer: Unauthorized', async () => {
    await given(WORLD).when(registerTalent({ talentId: 't-2', employerId: 'emp-1' }, emp2)).then({ code: 'Unauthorized' })
  })

  it('ChangeEmployer by the current (old) employer, to the new one: Unauthorized', async () => {
    await given(WORLD).when(command('ChangeEmployer', emp1, { ...t, employerId: 'emp-2', on: ON })).then({ code: 'Unauthorized' })
  })

  it('ChangeEmployer by the new employer after the current one released the talent: accepted', async () => {
    const released: LedgerEvent = { type: 'TalentReleased', data: { talentId: TALENT_ID, from: 'emp-1', on: '2024-05-01', reason: null } }
    const r = await given([...WORLD, released]).when(MAKE.ChangeEmployer(emp2)).result()
    expect(E.isLeft(r) ? r.left : 'accepted').toBe('accepted')
  })

  it.each<[string, Actor, string]>([
    ['not registered', employerActor('emp-9'), 'emp-9 is not a registered organisation'],
    ['registered as another kind', { id: 'tp-1', role: 'employer' }, 'tp-1 is registered as kind training-provider, not employer'],
  ])('an organisation actor %s: Unauthorized, naming the reason', async (_why, actor, message) => {
    await given(WORLD).when(MAKE.RecordIncentive(actor)).then({ code: 'Unauthorized', message })
  })

  it('the table covers every command type', () => {
    expect(new Set(ALLOWED.map(([c]) => c))).toEqual(new Set(COMMAND_TYPES))
  })
})

describe('§8 employers act only for their current staff', () => {
  const moved: LedgerEvent = { type: 'EmployerChanged', data: { talentId: TALENT_ID, from: 'emp-1', employerId: 'emp-2', on: '2024-03-01' } }

  it.each<CommandType>(['CompleteTraining', 'RecordAssessment', 'AppointSeniorPost', 'RecordIncentive', 'EnrollTraining'])(
    '%s by the former employer after a change of employer: Unauthorized',
    async (type) => {
      await given([...WORLD, moved]).when(MAKE[type](emp1)).then({ code: 'Unauthorized' })
    },
  )

  it.each<CommandType>(['RecordAssessment', 'AppointSeniorPost', 'RecordIncentive'])('%s by the new employer after the change: accepted', async (type) => {
    const r = await given([...WORLD, moved]).when(MAKE[type](emp2)).result()
    expect(E.isLeft(r) ? r.left : 'accepted').toBe('accepted')
  })
})
