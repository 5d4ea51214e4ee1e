// DOMAIN.md §3: normal promotion under the default policy `national-2018`. Each alternative of each
// level is shown to certify (recording its ruleId) and, at its boundary, to be refused with every
// alternative of the level listed. Dates: assessments on 2024-06-01.
import { describe, it } from 'vitest'
import { aCertificate, aCompletion, anEnrolment, given, recordAssessment, type RawData } from '../../src/spec/index.js'
import { hired, holding, passedAndCertified, ruleOf } from './fixtures.js'

type Education = RawData<'RegisterTalent'>['education']
const assess = (level: RawData<'RecordAssessment'>['level']) => recordAssessment('ab-1', { level })
const recently = { occupationSince: '2023-06-02' } // under one full year in the occupation on 2024-06-01

describe('§3 junior', () => {
  const ALL = [ruleOf('junior.years-in-occupation'), ruleOf('junior.apprenticeship')]

  it('years in occupation ≥ 1: eligible on the first anniversary', async () => {
    await given(hired({ occupationSince: '2023-06-01' })).when(assess('junior')).then(passedAndCertified('junior', ruleOf('junior.years-in-occupation')))
  })

  it('years in occupation ≥ 1: refused one day before, listing every alternative', async () => {
    await given(hired(recently)).when(assess('junior')).then({ code: 'NotEligible', rules: ALL })
  })

  it('a new apprenticeship completed: eligible without a year in the occupation', async () => {
    await given([...hired(recently), anEnrolment('p-1', { startedOn: '2023-06-02', plannedYears: 1 }), aCompletion('p-1', '2024-05-31')])
      .when(assess('junior'))
      .then(passedAndCertified('junior', ruleOf('junior.apprenticeship')))
  })

  it('a new apprenticeship still running does not count', async () => {
    await given([...hired(recently), anEnrolment('p-1', { startedOn: '2023-06-02', plannedYears: 2 })]).when(assess('junior')).then({ code: 'NotEligible', rules: ALL })
  })
})

describe('§3 intermediate', () => {
  const ALL = [ruleOf('intermediate.holds-junior-4y'), ruleOf('intermediate.years-in-occupation'), ruleOf('intermediate.vocational-graduate')]
  const fiveYears = { occupationSince: '2019-06-01' }

  it('holds junior ≥ 4 years', async () => {
    await given([...hired(fiveYears), aCertificate('junior', '2020-06-01')]).when(assess('intermediate')).then(passedAndCertified('intermediate', ruleOf('intermediate.holds-junior-4y')))
  })

  it('holds junior for 3 years (one day short of 4) and 5 years in occupation: refused with every alternative', async () => {
    await given([...hired(fiveYears), aCertificate('junior', '2020-06-02')]).when(assess('intermediate')).then({ code: 'NotEligible', rules: ALL })
  })

  it('years in occupation ≥ 6, without a junior certificate', async () => {
    await given(hired({ occupationSince: '2018-06-01' })).when(assess('intermediate')).then(passedAndCertified('intermediate', ruleOf('intermediate.years-in-occupation')))
  })

  it.each<Education>(['technical-school', 'advanced-technical-school', 'technician-college'])('graduate of %s', async (education) => {
    await given(hired({ ...recently, education })).when(assess('intermediate')).then(passedAndCertified('intermediate', ruleOf('intermediate.vocational-graduate')))
  })

  it.each<Education>(['none', 'college', 'bachelor', 'master'])('education %s alone does not qualify', async (education) => {
    await given(hired({ ...recently, education })).when(assess('intermediate')).then({ code: 'NotEligible', rules: ALL })
  })
})

describe('§3 senior', () => {
  const ALL = [ruleOf('senior.holds-intermediate-5y'), ruleOf('senior.advanced-vocational-graduate'), ruleOf('senior.college-2y')]

  it('holds intermediate ≥ 5 years', async () => {
    await given([...hired(), aCertificate('intermediate', '2019-06-01')]).when(assess('senior')).then(passedAndCertified('senior', ruleOf('senior.holds-intermediate-5y'), { entersPool: true }))
  })

  it.each<Education>(['advanced-technical-school', 'technician-college'])('holds intermediate (any time) and graduate of %s', async (education) => {
    await given([...hired({ education }), aCertificate('intermediate', '2024-06-01')])
      .when(assess('senior'))
      .then(passedAndCertified('senior', ruleOf('senior.advanced-vocational-graduate'), { entersPool: true }))
  })

  it.each<Education>(['college', 'bachelor', 'master'])('holds intermediate ≥ 2 years and education %s', async (education) => {
    await given([...hired({ education }), aCertificate('intermediate', '2022-06-01')]).when(assess('senior')).then(passedAndCertified('senior', ruleOf('senior.college-2y'), { entersPool: true }))
  })

  it('holds intermediate one day short of 2 years with a bachelor: refused with every alternative', async () => {
    await given([...hired({ education: 'bachelor' }), aCertificate('intermediate', '2022-06-02')]).when(assess('senior')).then({ code: 'NotEligible', rules: ALL })
  })

  it('a technical-school graduate holding intermediate for 4 years: refused', async () => {
    await given([...hired({ education: 'technical-school' }), aCertificate('intermediate', '2020-06-01')]).when(assess('senior')).then({ code: 'NotEligible', rules: ALL })
  })

  it('no intermediate certificate: refused however long in the occupation', async () => {
    await given(hired({ occupationSince: '1990-01-01', education: 'technician-college' })).when(assess('senior')).then({ code: 'NotEligible', rules: ALL })
  })
})

describe('§3 technician', () => {
  const ALL = [ruleOf('technician.holds-senior-4y'), ruleOf('technician.advanced-vocational-3y'), ruleOf('technician.preparatory-2y')]

  it('holds senior ≥ 4 years', async () => {
    await given([...hired(), ...holding('senior', '2020-06-01')]).when(assess('technician')).then(passedAndCertified('technician', ruleOf('technician.holds-senior-4y')))
  })

  it.each<Education>(['advanced-technical-school', 'technician-college'])('holds senior ≥ 3 years and graduate of %s', async (education) => {
    await given([...hired({ education }), ...holding('senior', '2021-06-01')]).when(assess('technician')).then(passedAndCertified('technician', ruleOf('technician.advanced-vocational-3y')))
  })

  it('holds senior ≥ 2 years and a preparatory technician certificate (预备技师)', async () => {
    await given([...hired({ preparatoryTechnician: true }), ...holding('senior', '2022-06-01')]).when(assess('technician')).then(passedAndCertified('technician', ruleOf('technician.preparatory-2y')))
  })

  it('holds senior one day short of 2 years, with every qualification: refused with every alternative', async () => {
    await given([...hired({ preparatoryTechnician: true, education: 'technician-college' }), ...holding('senior', '2022-06-02')])
      .when(assess('technician'))
      .then({ code: 'NotEligible', rules: ALL })
  })

  it('a college graduate holding senior for 3 years: refused', async () => {
    await given([...hired({ education: 'college' }), ...holding('senior', '2021-06-01')]).when(assess('technician')).then({ code: 'NotEligible', rules: ALL })
  })
})

describe('§3 senior-technician', () => {
  it('holds technician ≥ 4 years', async () => {
    await given([...hired(), ...holding('technician', '2020-06-01')]).when(assess('senior-technician')).then(passedAndCertified('senior-technician', ruleOf('senior-technician.holds-technician-4y')))
  })

  it('holds technician one day short of 4 years: refused', async () => {
    await given([...hired(), ...holding('technician', '2020-06-02')]).when(assess('senior-technician')).then({ code: 'NotEligible', rules: [ruleOf('senior-technician.holds-technician-4y')] })
  })
})
