// DOMAIN.md §4: evaluation routes (多元评价) and who may certify on each: route kinds, registration
// (备案) by route, occupation and maximum level, employers only for current employees, and the
// vocational-qualification route (appraisal bodies, national catalogue: unset / not listed).
import { describe, expect, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import {
  aPolicyAdopted,
  aTalentRegistered,
  anAppraisalBody,
  anAssessmentBody,
  anEmployer,
  authorizationFor,
  employerActor,
  given,
  organizationActor,
  recordAssessment,
  TALENT_ID,
} from '../../src/spec/index.js'
import { hired, holding, ON, passedAndCertified, ruleOf } from './fixtures.js'

const withCatalogue = (catalogue: string[]) =>
  aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({ ...doc, occupations: { ...doc.occupations, qualificationCatalogue: catalogue } }))
const appraiser = anAppraisalBody('ap-1', [authorizationFor('vocational-qualification', 'senior-technician')])
const vq = (overrides = {}) => recordAssessment('ap-1', { route: 'vocational-qualification', level: 'junior', ...overrides }, organizationActor('ap-1', 'appraisal-body'))

describe('§4 vocational-qualification (职业资格评价)', () => {
  it('a designated appraisal body certifies an occupation of the national catalogue', async () => {
    await given([withCatalogue(['6-18-02-04']), ...hired(), appraiser])
      .when(vq())
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation'), { route: 'vocational-qualification', assessorId: 'ap-1', policyId: 'lyg-2024' }))
  })

  it('only designated appraisal bodies: a registered assessment body is Unauthorized even with the authorization', async () => {
    const body = anAssessmentBody('ab-9', [authorizationFor('vocational-qualification', 'senior-technician')])
    await given([withCatalogue(['6-18-02-04']), ...hired(), body])
      .when(recordAssessment('ab-9', { route: 'vocational-qualification', level: 'junior' }))
      .then({ code: 'Unauthorized' })
  })

  it('the catalogue unset (default policy): PolicyValueUnset naming it', async () => {
    const error = await given([...hired(), appraiser]).when(vq()).then({ code: 'PolicyValueUnset' })
    expect(error.details).toEqual([{ policyId: 'national-2018', field: 'occupations.qualificationCatalogue', message: 'occupations.qualificationCatalogue is unset' }])
  })

  it('an occupation not in the catalogue: NotEligible', async () => {
    await given([withCatalogue(['6-18-02-05']), ...hired(), appraiser]).when(vq()).then({ code: 'NotEligible', rules: ['route.vocational-qualification.catalogue'] })
  })

  it('certifies up to senior-technician, not the appointed levels', async () => {
    const wide = anAppraisalBody('ap-1', [authorizationFor('vocational-qualification', 'chief-technician')])
    await given([withCatalogue(['6-18-02-04']), ...hired(), wide]).when(vq({ level: 'principal-technician' })).then({ code: 'NotEligible', rules: ['route.max-level'] })
  })
})

describe('§4 skill-level-recognition (职业技能等级认定)', () => {
  const authorizedEmployer = (id: string) => anEmployer(id, { authorizations: [authorizationFor('skill-level-recognition', 'senior')] })

  it('an employer certifies its own staff (用人单位自主评价)', async () => {
    await given([authorizedEmployer('emp-1'), aTalentRegistered()])
      .when(recordAssessment('emp-1', { level: 'junior' }, employerActor('emp-1')))
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation'), { assessorId: 'emp-1' }))
  })

  it('an employer may not certify another employer’s staff: Unauthorized', async () => {
    await given([anEmployer('emp-1'), authorizedEmployer('emp-2'), aTalentRegistered()])
      .when(recordAssessment('emp-2', { level: 'junior' }, employerActor('emp-2')))
      .then({ code: 'Unauthorized', message: 'current employees' })
  })

  it('an employer may not certify a former employee: Unauthorized', async () => {
    const moved: LedgerEvent = { type: 'EmployerChanged', data: { talentId: TALENT_ID, from: 'emp-1', employerId: 'emp-2', on: '2024-01-01' } }
    await given([authorizedEmployer('emp-1'), anEmployer('emp-2'), aTalentRegistered(), moved])
      .when(recordAssessment('emp-1', { level: 'junior' }, employerActor('emp-1')))
      .then({ code: 'Unauthorized' })
  })

  it('an employer only up to the level of its registration: Unauthorized above it', async () => {
    await given([authorizedEmployer('emp-1'), aTalentRegistered(), ...holding('senior', '2015-01-01')])
      .when(recordAssessment('emp-1', { level: 'technician' }, employerActor('emp-1')))
      .then({ code: 'Unauthorized', message: 'up to technician' })
  })

  it('a social training-evaluation organisation (assessment body) certifies anyone in its registration', async () => {
    await given(hired()).when(recordAssessment('ab-1', { level: 'junior' })).then(passedAndCertified('junior', ruleOf('junior.years-in-occupation')))
  })

  it('only the occupations of its registration: Unauthorized outside them', async () => {
    const narrow = anAssessmentBody('ab-2', [authorizationFor('skill-level-recognition', 'senior', ['6-18-02-05'])])
    await given([...hired(), narrow]).when(recordAssessment('ab-2', { level: 'junior' })).then({ code: 'Unauthorized', message: 'not registered' })
  })

  it('only up to the level of its registration: Unauthorized above it', async () => {
    const low = anAssessmentBody('ab-2', [authorizationFor('skill-level-recognition', 'junior')])
    await given([...hired({ occupationSince: '2010-01-01' }), low]).when(recordAssessment('ab-2', { level: 'intermediate' })).then({ code: 'Unauthorized', message: 'up to intermediate' })
  })

  it('only for the routes of its registration: Unauthorized on another route', async () => {
    const other = anAssessmentBody('ab-2', [authorizationFor('featured-industry', 'senior')])
    await given([...hired(), other]).when(recordAssessment('ab-2', { level: 'junior' })).then({ code: 'Unauthorized' })
  })

  it('the assessor named must be the actor: Unauthorized otherwise', async () => {
    await given(hired()).when(recordAssessment('ab-1', { level: 'junior' }, organizationActor('ab-2', 'assessment-body'))).then({ code: 'Unauthorized' })
  })

  it('a levelled route needs a level: NotEligible', async () => {
    await given(hired()).when(recordAssessment('ab-1')).then({ code: 'NotEligible', rules: ['route.level-required'] })
  })

  it('the assessment is in the talent’s occupation: NotEligible otherwise', async () => {
    await given(hired()).when(recordAssessment('ab-1', { level: 'junior', occupation: '6-18-02-05' })).then({ code: 'NotEligible', rules: ['assessment.occupation'] })
  })
})

describe('§4 special-ability (专项职业能力考核)', () => {
  const special = anAssessmentBody('ab-3', [authorizationFor('special-ability', 'senior', ['6-18-02-04'])])

  it('no level: a certificate (SpecialAbilityCertified) recording the policy', async () => {
    const base = { talentId: TALENT_ID, assessmentId: 'as-1', route: 'special-ability', occupation: '6-18-02-04', level: null, assessorId: 'ab-3', on: ON } as const
    await given([...hired(), special])
      .when(recordAssessment('ab-3', { route: 'special-ability' }))
      .then([
        { type: 'AssessmentPassed', data: base },
        { type: 'SpecialAbilityCertified', data: { talentId: TALENT_ID, assessmentId: 'as-1', occupation: '6-18-02-04', on: ON, policyId: 'national-2018' } },
      ])
  })

  it('with a level: NotEligible', async () => {
    await given([...hired(), special]).when(recordAssessment('ab-3', { route: 'special-ability', level: 'junior' })).then({ code: 'NotEligible', rules: ['route.special-ability.no-level'] })
  })
})

describe('§4 featured-industry (特色产业评价) and appointment', () => {
  it('featured-industry certifies levels under the promotion rules', async () => {
    const featured = anAssessmentBody('ab-4', [authorizationFor('featured-industry', 'senior')])
    await given([...hired(), featured])
      .when(recordAssessment('ab-4', { route: 'featured-industry', level: 'junior' }))
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation'), { route: 'featured-industry', assessorId: 'ab-4' }))
  })

  it('the appointment route is not an assessment: NotEligible (appointed with AppointSeniorPost)', async () => {
    const appointing = anAssessmentBody('ab-5', [authorizationFor('appointment', 'chief-technician')])
    await given([...hired(), appointing]).when(recordAssessment('ab-5', { route: 'appointment', level: 'principal-technician' })).then({ code: 'NotEligible', rules: ['route.appointment'] })
  })
})
