// DOMAIN.md §8, the order of checks: decode (Malformed), who may issue it (Unauthorized), what it
// names exists (NotFound), not done already (Duplicate), policy values set (PolicyValueUnset), the
// rules (NotEligible). Each chain starts from a command that fails every check and removes one
// fault at a time: the error is always the first check still failing, and the last step passes.
import { describe, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import {
  aGrant,
  aPolicyAdopted,
  aTalentRegistered,
  anAppraisalBody,
  anEmployer,
  authorizationFor,
  employerActor,
  given,
  grantBenefit,
  organizationActor,
  recordAssessment,
  registerTalent,
  TALENT_ID,
} from '../../src/spec/index.js'
import { holding } from './fixtures.js'

describe('§8 check order: GrantBenefit housing-subsidy', () => {
  const grantedBefore = aGrant('housing-subsidy', { benefit: 'housing-subsidy' })
  const housingSet = aPolicyAdopted('lyg-2025', '2025-01-01', (doc) => ({ ...doc, benefits: { ...doc.benefits, housingSubsidy: { amount: 10_000_000 } } }))
  const notHighSkilled = holding('intermediate', '2020-01-01')
  const badDate = { ...grantBenefit('housing-subsidy', '2025-03-01', {}, employerActor()), data: { talentId: TALENT_ID, benefit: 'housing-subsidy', on: '2025-02-30' } }

  it('1. every check fails: Malformed', async () => {
    await given([anEmployer(), grantedBefore, ...notHighSkilled]).when(badDate).then({ code: 'Malformed' })
  })
  it('2. well-formed, issued by an employer: Unauthorized', async () => {
    await given([anEmployer(), grantedBefore, ...notHighSkilled]).when(grantBenefit('housing-subsidy', '2025-03-01', {}, employerActor())).then({ code: 'Unauthorized' })
  })
  it('3. issued by the bureau for a talent never registered: NotFound', async () => {
    await given([anEmployer(), grantedBefore, ...notHighSkilled]).when(grantBenefit('housing-subsidy', '2025-03-01')).then({ code: 'NotFound' })
  })
  it('4. the talent registered, the subsidy already granted: Duplicate', async () => {
    await given([anEmployer(), aTalentRegistered(), grantedBefore, ...notHighSkilled]).when(grantBenefit('housing-subsidy', '2025-03-01')).then({ code: 'Duplicate' })
  })
  it('5. not granted before, the amount unset by the default policy: PolicyValueUnset', async () => {
    await given([anEmployer(), aTalentRegistered(), ...notHighSkilled]).when(grantBenefit('housing-subsidy', '2025-03-01')).then({ code: 'PolicyValueUnset' })
  })
  it('6. the amount set, the talent not high-skilled: NotEligible listing the rule', async () => {
    await given([housingSet, anEmployer(), aTalentRegistered(), ...notHighSkilled])
      .when(grantBenefit('housing-subsidy', '2025-03-01'))
      .then({ code: 'NotEligible', rules: ['lyg-2025.housing-subsidy.high-skilled'] })
  })
  it('7. the talent high-skilled: granted', async () => {
    await given([housingSet, anEmployer(), aTalentRegistered(), ...notHighSkilled, ...holding('senior', '2025-01-10')])
      .when(grantBenefit('housing-subsidy', '2025-03-01'))
      .thenEventTypes(['BenefitGranted'])
  })
})

describe('§8 check order: RecordAssessment on the vocational-qualification route', () => {
  const catalogue = (codes: string[]) =>
    aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({ ...doc, occupations: { ...doc.occupations, qualificationCatalogue: codes } }))
  const appraiser = anAppraisalBody('ap-1', [authorizationFor('vocational-qualification', 'senior-technician')])
  const asAppraiser = organizationActor('ap-1', 'appraisal-body')
  const vq = (actor = asAppraiser, extra = {}) => recordAssessment('ap-1', { route: 'vocational-qualification', level: 'junior', ...extra }, actor)
  const recorded: LedgerEvent = {
    type: 'AssessmentFailed',
    data: { talentId: TALENT_ID, assessmentId: 'as-1', route: 'vocational-qualification', occupation: '6-18-02-04', level: 'junior', assessorId: 'ap-1', on: '2023-06-01' },
  }
  const newcomer = { occupationSince: '2024-01-01' } // under a year in the occupation: not eligible for junior

  it('1. an unknown level: Malformed', async () => {
    await given([anEmployer(), appraiser, recorded]).when(vq(employerActor('ap-1'), { level: 'master' })).then({ code: 'Malformed' })
  })
  it('2. the named assessor acting in a role it is not registered as: Unauthorized', async () => {
    await given([anEmployer(), appraiser, recorded]).when(vq(employerActor('ap-1'))).then({ code: 'Unauthorized' })
  })
  it('3. the talent not registered: NotFound', async () => {
    await given([anEmployer(), appraiser, recorded]).when(vq()).then({ code: 'NotFound' })
  })
  it('4. the assessment already recorded: Duplicate', async () => {
    await given([anEmployer(), appraiser, aTalentRegistered(newcomer), recorded]).when(vq()).then({ code: 'Duplicate' })
  })
  it('5. the qualification catalogue unset: PolicyValueUnset', async () => {
    await given([anEmployer(), appraiser, aTalentRegistered(newcomer)]).when(vq()).then({ code: 'PolicyValueUnset' })
  })
  it('6. catalogue set without the occupation: NotEligible on the route rule (checked before the promotion rules)', async () => {
    await given([catalogue(['6-18-02-05']), anEmployer(), appraiser, aTalentRegistered(newcomer)])
      .when(vq())
      .then({ code: 'NotEligible', rules: ['route.vocational-qualification.catalogue'] })
  })
  it('7. the occupation in the catalogue, still not eligible: NotEligible with the promotion rules', async () => {
    await given([catalogue(['6-18-02-04']), anEmployer(), appraiser, aTalentRegistered(newcomer)])
      .when(vq())
      .then({ code: 'NotEligible', rules: ['national-2018.junior.years-in-occupation', 'national-2018.junior.apprenticeship'] })
  })
  it('8. eligible: certified', async () => {
    await given([catalogue(['6-18-02-04']), anEmployer(), appraiser, aTalentRegistered()]).when(vq()).thenEventTypes(['AssessmentPassed', 'LevelCertified'])
  })
})

describe('§8 check order: pairs', () => {
  it('Unauthorized before NotFound: an auditor naming an unknown talent', async () => {
    await given([]).when(grantBenefit('housing-subsidy', '2025-03-01', {}, { id: 'audit', role: 'auditor' })).then({ code: 'Unauthorized' })
  })

  it('PolicyValueUnset before NotEligible: a promotion rule missing from the policy wins over a failed route rule', async () => {
    const noJunior = aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({ ...doc, promotion: doc.promotion.filter((r) => r.level !== 'junior') }))
    await given([noJunior, anEmployer(), aTalentRegistered(), anAppraisalBody('ab-1', [authorizationFor('skill-level-recognition', 'senior')])])
      .when(recordAssessment('ab-1', { level: 'junior', occupation: '6-18-02-05' }, organizationActor('ab-1', 'appraisal-body')))
      .then({ code: 'PolicyValueUnset', message: 'promotion.junior' })
  })

  it('Malformed before Unauthorized: a malformed command from an auditor', async () => {
    await given([]).when({ type: 'ForgetTalent', actor: { id: 'audit', role: 'auditor' }, data: {} }).then({ code: 'Malformed' })
  })

  it('Duplicate before NotEligible: a registration already made, with occupationSince after registeredOn', async () => {
    await given([anEmployer(), aTalentRegistered()])
      .when(registerTalent({ occupationSince: '2021-01-01' }))
      .then({ code: 'Duplicate' })
  })
})
