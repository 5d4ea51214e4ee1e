// DOMAIN.md §12: principal and chief technicians (特级技师 / 首席技师评聘) — the occupation rule, posts with
// terms, quotas, RenewSeniorPost, EndSeniorPost and SetSeniorPostQuota, each rule accepted and refused,
// and the worked examples 12-a and 12-b (the talent's side; the employer's stream is checked through the
// ledger in test/ledger/senior-posts.unit.test.ts).
import { describe, expect, it } from 'vitest'
import type { EventOf, LedgerEvent, PolicyDocument } from '@talent-ledger/core'
import { holding } from './fixtures.js'
import { aPolicyAdopted, aTalentRegistered, anAssessmentBody, anEmployer, authorizationFor, bureau, command, employerActor, given } from '../../src/spec/index.js'

const NAILS = '4-10-01-01'
const topLevel = (code: string, level: 'technician' | 'senior-technician' | 'intermediate') => (doc: PolicyDocument): PolicyDocument => ({
  ...doc,
  occupations: { ...doc.occupations, catalogue: [...doc.occupations.catalogue, { code, category: 'C', shortage: false, topLevel: level }] },
})
const withAppointment = (appointment: PolicyDocument['appointment'], then: (doc: PolicyDocument) => PolicyDocument = (d) => d) => (doc: PolicyDocument): PolicyDocument => then({ ...doc, appointment })

const talent = (talentId: string, employerId = 'emp-a', occupation = '6-18-02-04') => aTalentRegistered({ talentId, employerId, occupation, occupationSince: '2005-01-01' })
// a certificate held, with the pool entry the ledger recorded with it
const seniorTechnician = (talentId: string, on = '2020-01-01', occupation = '6-18-02-04') => holding('senior-technician', on, { talentId, occupation })
const appoint = (talentId: string, on: string, level: 'principal-technician' | 'chief-technician' = 'principal-technician', employerId = 'emp-a') =>
  command('AppointSeniorPost', employerActor(employerId), { talentId, level, employerId, on })
const renew = (talentId: string, on: string, employerId = 'emp-a') => command('RenewSeniorPost', employerActor(employerId), { talentId, level: 'principal-technician', employerId, on })
const end = (talentId: string, on: string, actor = employerActor('emp-a')) => command('EndSeniorPost', actor, { talentId, level: 'principal-technician', on, reason: '解聘' })
const quota = (posts: number, on: string, organizationId = 'emp-a', actor = bureau) => command('SetSeniorPostQuota', actor, { organizationId, level: 'principal-technician', posts, on })

const quotaSet = (posts: number, on: string, organizationId = 'emp-a'): LedgerEvent => ({ type: 'SeniorPostQuotaSet', data: { organizationId, level: 'principal-technician', posts, on } })
const filled = (talentId: string, on: string, expiresOn: string | null, organizationId = 'emp-a'): LedgerEvent => ({ type: 'SeniorPostFilled', data: { organizationId, talentId, level: 'principal-technician', on, expiresOn } })
const RULE = 'national-2018.principal-technician.appointed'
const appointed = (talentId: string, on: string, expiresOn: string | null, policyId: string, employerId = 'emp-a'): EventOf<'SeniorPostAppointed'> => ({
  type: 'SeniorPostAppointed',
  data: { talentId, level: 'principal-technician', employerId, on, expiresOn, policyId, ruleId: RULE },
})
const certifiedPrincipal = (talentId: string, on: string, policyId: string, occupation = '6-18-02-04'): LedgerEvent => ({
  type: 'LevelCertified',
  data: { talentId, level: 'principal-technician', route: 'appointment', occupation, on, source: 'appointment:emp-a', policyId, ruleId: RULE },
})

// 12-b: lyg-t2 from 2027-01-01, terms of 3 years, a quota required; emp-a may fill one principal post
const LYG_T2 = aPolicyAdopted('lyg-t2', '2027-01-01', withAppointment({ termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: true }))
const EMP_A = anEmployer('emp-a', { canAppoint: true })
const CITY_12B: LedgerEvent[] = [LYG_T2, EMP_A, talent('c-1'), ...seniorTechnician('c-1'), talent('c-2'), ...seniorTechnician('c-2'), quotaSet(1, '2027-01-01')]
const C1_APPOINTED: LedgerEvent[] = [appointed('c-1', '2027-01-02', '2030-01-02', 'lyg-t2'), certifiedPrincipal('c-1', '2027-01-02', 'lyg-t2'), filled('c-1', '2027-01-02', '2030-01-02')]

describe('worked example 12-a: the occupation rule', () => {
  const lygT = aPolicyAdopted('lyg-t', '2026-01-01', topLevel(NAILS, 'technician'))
  const c5 = [lygT, EMP_A, talent('c-5', 'emp-a', NAILS), ...holding('senior-technician', '2025-09-20', { talentId: 'c-5', occupation: NAILS, route: 'competition', source: 'ws-2025' })]

  it('senior-technician from a world result, in an occupation whose standard stops at technician: NotEligible appointment.occupation-has-senior-technician', async () => {
    await given(c5).when(appoint('c-5', '2026-06-01')).then({ code: 'NotEligible', rules: ['appointment.occupation-has-senior-technician'] })
  })

  it('the same occupation listed with topLevel senior-technician: appointed', async () => {
    const lygT2 = aPolicyAdopted('lyg-t', '2026-01-01', topLevel(NAILS, 'senior-technician'))
    await given([lygT2, ...c5.slice(1)]).when(appoint('c-5', '2026-06-01')).thenEventTypes(['SeniorPostAppointed', 'LevelCertified'])
  })

  it('no topLevel given: the senior-technician certificate held must be in the talent’s occupation', async () => {
    const elsewhere = [EMP_A, talent('c-6', 'emp-a', NAILS), ...seniorTechnician('c-6', '2020-01-01', '6-18-02-04')]
    await given(elsewhere).when(appoint('c-6', '2026-06-01')).then({ code: 'NotEligible', rules: ['appointment.occupation-has-senior-technician'] })
    const here = [EMP_A, talent('c-6', 'emp-a', NAILS), ...seniorTechnician('c-6', '2020-01-01', NAILS)]
    await given(here).when(appoint('c-6', '2026-06-01')).then([appointed('c-6', '2026-06-01', null, 'national-2018'), certifiedPrincipal('c-6', '2026-06-01', 'national-2018', NAILS)])
  })
})

describe('assessment.level-within-occupation', () => {
  const policy = aPolicyAdopted('lyg-t', '2020-01-01', topLevel('6-18-02-04', 'intermediate'))
  const world = [policy, anEmployer(), anAssessmentBody('ab-1', [authorizationFor('skill-level-recognition', 'senior-technician')]), aTalentRegistered({ occupationSince: '2005-01-01' }), ...holding('junior', '2010-01-01')]
  const assess = (level: 'senior' | 'intermediate') =>
    command('RecordAssessment', { id: 'ab-1', role: 'assessment-body' }, { talentId: 't-1', assessmentId: `as-${level}`, route: 'skill-level-recognition', occupation: '6-18-02-04', level, passed: true, assessorId: 'ab-1', on: '2024-06-01' })

  it('an assessment above the occupation’s topLevel: NotEligible', async () => {
    await given(world).when(assess('senior')).then({ code: 'NotEligible', rules: ['assessment.level-within-occupation'] })
  })

  it('an assessment at the topLevel: certified', async () => {
    await given(world).when(assess('intermediate')).thenEventTypes(['AssessmentPassed', 'LevelCertified'])
  })

  it('a competition promotion above it is recorded as withheld with the rule; within it, it promotes', async () => {
    const result = (tier: 'municipal' | 'district', rank: number, competitionId: string) => command('RecordCompetitionResult', bureau, { talentId: 't-1', competitionId, tier, rank, on: '2024-06-01' })
    const [recorded] = await given(world).when(result('municipal', 1, 'lyg-1')).then([
      { type: 'CompetitionResultRecorded', data: { talentId: 't-1', competitionId: 'lyg-1', tier: 'municipal', rank: 1, award: null, percentile: null, on: '2024-06-01', withheld: { rule: 'assessment.level-within-occupation', message: 'the national standard of 6-18-02-04 stops at intermediate' } } },
      // the prize row's honour (DOMAIN.md §14) is conferred whether the promotion is withheld or not
      { type: 'HonorConferred', data: { talentId: 't-1', title: '连云港技能状元', grade: 'municipal', on: '2024-06-01', honourId: 'lyg-skill-champion', kind: 'skill-champion', source: 'lyg-1', policyId: 'lyg-t' } },
    ])
    expect(recorded?.type).toBe('CompetitionResultRecorded')
    const low = [policy, anEmployer(), aTalentRegistered({ occupationSince: '2005-01-01' })]
    await given(low).when(command('RecordCompetitionResult', bureau, { talentId: 't-1', competitionId: 'd-1', tier: 'district', rank: 1, percentile: 10, on: '2024-06-01' })).thenEventTypes(['CompetitionResultRecorded', 'LevelCertified'])
  })
})

describe('worked example 12-b: terms and quotas', () => {
  it('c-1 on 2027-01-02: a post for three years, with the certificate', async () => {
    await given(CITY_12B).when(appoint('c-1', '2027-01-02')).then([appointed('c-1', '2027-01-02', '2030-01-02', 'lyg-t2'), certifiedPrincipal('c-1', '2027-01-02', 'lyg-t2')])
  })

  it('c-2 on 2027-02-01, the one post taken: NotEligible lyg-t2.appointment.quota', async () => {
    await given([...CITY_12B, ...C1_APPOINTED]).when(appoint('c-2', '2027-02-01')).then({ code: 'NotEligible', rules: ['lyg-t2.appointment.quota'] })
  })

  it('renewing c-1 on 2029-12-01: expiresOn 2033-01-02', async () => {
    await given([...CITY_12B, ...C1_APPOINTED])
      .when(renew('c-1', '2029-12-01'))
      .then([{ type: 'SeniorPostRenewed', data: { talentId: 'c-1', level: 'principal-technician', employerId: 'emp-a', on: '2029-12-01', expiresOn: '2033-01-02', policyId: 'lyg-t2' } }])
  })

  it('without it, renewal on 2030-01-02: NotFound renewal.in-force; re-appointment: the post only', async () => {
    await given([...CITY_12B, ...C1_APPOINTED]).when(renew('c-1', '2030-01-02')).then({ code: 'NotFound', rules: ['renewal.in-force'] })
    await given([...CITY_12B, ...C1_APPOINTED]).when(appoint('c-1', '2030-01-02')).then([appointed('c-1', '2030-01-02', '2033-01-02', 'lyg-t2')])
  })
})

describe('appointment.term and appointment.quota (policy data)', () => {
  const city = (appointment: PolicyDocument['appointment'], ...more: LedgerEvent[]) => [aPolicyAdopted('lyg', '2027-01-01', withAppointment(appointment)), EMP_A, talent('c-1'), ...seniorTechnician('c-1'), ...more]

  it('a term unset in a present block: PolicyValueUnset lyg.appointment.term', async () => {
    await given(city({ termYears: { 'principal-technician': null, 'chief-technician': 3 }, quotaRequired: false }))
      .when(appoint('c-1', '2027-03-01'))
      .then({ code: 'PolicyValueUnset', rules: ['lyg.appointment.term'], message: 'appointment.termYears.principal-technician' })
  })

  it('without the block: open-ended and unlimited', async () => {
    await given([EMP_A, talent('c-1'), ...seniorTechnician('c-1'), ...[1, 2, 3].map((i) => filled(`x-${i}`, '2026-01-01', null))])
      .when(appoint('c-1', '2027-03-01'))
      .then([appointed('c-1', '2027-03-01', null, 'national-2018'), certifiedPrincipal('c-1', '2027-03-01', 'national-2018')])
  })

  it('quotaRequired unset: PolicyValueUnset lyg.appointment.quota', async () => {
    await given(city({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: null }))
      .when(appoint('c-1', '2027-03-01'))
      .then({ code: 'PolicyValueUnset', rules: ['lyg.appointment.quota'], message: 'appointment.quotaRequired' })
  })

  it('a quota required but none set for the employer by that date: PolicyValueUnset naming org-emp-a.seniorPostQuota.principal-technician', async () => {
    const error = await given(city({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: true }, quotaSet(2, '2027-06-01')))
      .when(appoint('c-1', '2027-03-01'))
      .then({ code: 'PolicyValueUnset', rules: ['lyg.appointment.quota'] })
    expect(error.details.map((d) => d.field)).toEqual(['org-emp-a.seniorPostQuota.principal-technician'])
  })

  it('quotaRequired false: no quota needed', async () => {
    await given(city({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: false }))
      .when(appoint('c-1', '2027-03-01'))
      .thenEventTypes(['SeniorPostAppointed', 'LevelCertified'])
  })

  it('a post that fits today but not on a later day of its term (another starts, a quota falls): NotEligible, and every failed rule listed', async () => {
    const later = city({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: true }, quotaSet(1, '2027-01-01'), filled('x-1', '2027-06-01', '2029-06-01'))
    await given(later).when(appoint('c-1', '2027-03-01')).then({ code: 'NotEligible', rules: ['lyg.appointment.quota'] })
    const falls = city({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: true }, quotaSet(2, '2027-01-01'), filled('x-1', '2027-01-01', null), quotaSet(1, '2028-01-01'))
    await given(falls).when(appoint('c-1', '2027-03-01')).then({ code: 'NotEligible', rules: ['lyg.appointment.quota'] })
    const both = [aPolicyAdopted('lyg', '2027-01-01', withAppointment({ termYears: { 'principal-technician': 2, 'chief-technician': 2 }, quotaRequired: true })), EMP_A, talent('c-9'), quotaSet(0, '2027-01-01')]
    await given(both).when(appoint('c-9', '2027-03-01')).then({ code: 'NotEligible', rules: ['lyg.appointment.quota', RULE] })
  })

  it('a renewal over the quota (another post starts within the added term): NotEligible', async () => {
    const history = [...CITY_12B, ...C1_APPOINTED, filled('x-1', '2030-06-01', '2033-06-01')]
    await given(history).when(renew('c-1', '2029-12-01')).then({ code: 'NotEligible', rules: ['lyg-t2.appointment.quota'] })
  })
})

describe('renewal.in-force', () => {
  const open = [EMP_A, talent('c-1'), ...seniorTechnician('c-1'), appointed('c-1', '2026-01-01', null, 'national-2018'), filled('c-1', '2026-01-01', null)]

  it('an open-ended post has no term to renew: NotEligible', async () => {
    await given(open).when(renew('c-1', '2027-01-01')).then({ code: 'NotEligible', rules: ['renewal.in-force'] })
  })

  it('renewed on that day already: Duplicate', async () => {
    const renewed: LedgerEvent = { type: 'SeniorPostRenewed', data: { talentId: 'c-1', level: 'principal-technician', employerId: 'emp-a', on: '2029-12-01', expiresOn: '2033-01-02', policyId: 'lyg-t2' } }
    await given([...CITY_12B, ...C1_APPOINTED, renewed]).when(renew('c-1', '2029-12-01')).then({ code: 'Duplicate', rules: ['renewal.in-force'] })
  })
})

describe('EndSeniorPost (post-end.in-force)', () => {
  const held = [EMP_A, talent('c-1'), ...seniorTechnician('c-1'), appointed('c-1', '2026-01-01', null, 'national-2018'), filled('c-1', '2026-01-01', null)]
  const ended: LedgerEvent = { type: 'SeniorPostEnded', data: { talentId: 'c-1', level: 'principal-technician', employerId: 'emp-a', on: '2027-01-01', reason: '解聘' } }

  it('by its employer: the post ends, the certificate stays', async () => {
    const spec = given(held).when(end('c-1', '2027-01-01'))
    await spec.then([ended])
    const after = await spec.talentAfter('c-1')
    expect(after.posts).toEqual([{ level: 'principal-technician', employerId: 'emp-a', on: '2026-01-01', expiresOn: null, endedOn: '2027-01-01', renewedOn: null }])
  })

  it('by the hr-bureau: accepted', async () => {
    await given(held).when(end('c-1', '2027-01-01', bureau)).then([ended])
  })

  it('no post in force at the level: NotFound; ended already: Duplicate', async () => {
    await given(held).when(end('c-1', '2025-12-31')).then({ code: 'NotFound', rules: ['post-end.in-force'] })
    await given([...held, ended]).when(end('c-1', '2027-01-01')).then({ code: 'Duplicate', rules: ['post-end.in-force'] })
  })
})

describe('a change of employer or a release ends the posts held', () => {
  const held = [EMP_A, anEmployer('emp-b', { canAppoint: true }), talent('c-1'), ...seniorTechnician('c-1'), appointed('c-1', '2026-01-01', null, 'national-2018'), certifiedPrincipal('c-1', '2026-01-01', 'national-2018'), filled('c-1', '2026-01-01', null)]

  it('ChangeEmployer by the bureau: the post ends that day, and the new employer may appoint', async () => {
    const spec = given(held).when(command('ChangeEmployer', bureau, { talentId: 'c-1', employerId: 'emp-b', on: '2027-01-01' }))
    await spec.thenEventTypes(['EmployerChanged'])
    expect((await spec.talentAfter('c-1')).posts.map((p) => p.endedOn)).toEqual(['2027-01-01'])
    const moved: LedgerEvent = { type: 'EmployerChanged', data: { talentId: 'c-1', from: 'emp-a', employerId: 'emp-b', on: '2027-01-01' } }
    await given([...held, moved]).when(appoint('c-1', '2027-02-01', 'principal-technician', 'emp-b')).then([appointed('c-1', '2027-02-01', null, 'national-2018', 'emp-b')])
  })

  it('ReleaseTalent: the post ends that day (renewing it afterwards: NotFound)', async () => {
    const spec = given(held).when(command('ReleaseTalent', employerActor('emp-a'), { talentId: 'c-1', on: '2027-01-01' }))
    await spec.thenEventTypes(['TalentReleased'])
    expect((await spec.talentAfter('c-1')).posts.map((p) => p.endedOn)).toEqual(['2027-01-01'])
  })
})

describe('SetSeniorPostQuota', () => {
  it('by the hr-bureau for a registered employer: SeniorPostQuotaSet', async () => {
    await given([EMP_A]).when(quota(2, '2027-01-01')).then([quotaSet(2, '2027-01-01')])
  })

  it('another figure from the same date is a correction; the same again: Duplicate', async () => {
    await given([EMP_A, quotaSet(2, '2027-01-01')]).when(quota(3, '2027-01-01')).then([quotaSet(3, '2027-01-01')])
    await given([EMP_A, quotaSet(2, '2027-01-01')]).when(quota(2, '2027-01-01')).then({ code: 'Duplicate' })
  })

  it('an organisation not registered as an employer: NotFound; an employer setting its own: Unauthorized', async () => {
    await given([EMP_A]).when(quota(2, '2027-01-01', 'emp-z')).then({ code: 'NotFound' })
    await given([EMP_A]).when(quota(2, '2027-01-01', 'emp-a', employerActor('emp-a'))).then({ code: 'Unauthorized' })
  })
})
