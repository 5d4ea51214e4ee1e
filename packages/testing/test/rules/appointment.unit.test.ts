// DOMAIN.md §3 (principal / chief technician rows) and §4 (评聘 route): senior posts are appointed
// by the talent's current employer, registered with `canAppoint`, over the level below; a minimum
// of years held is policy data the default leaves at none.
import { describe, it } from 'vitest'
import type { LedgerEvent } from '@talent-ledger/core'
import { aPolicyAdopted, aTalentRegistered, anEmployer, bureau, command, employerActor, given, TALENT_ID, OCCUPATION } from '../../src/spec/index.js'
import { holding, ruleOf } from './fixtures.js'

const ON = '2024-06-01'
const appoint = (level: 'principal-technician' | 'chief-technician', actor = employerActor(), employerId = 'emp-1') =>
  command('AppointSeniorPost', actor, { talentId: TALENT_ID, level, employerId, on: ON })
const history = (...certs: LedgerEvent[][]): LedgerEvent[] => [anEmployer('emp-1', { canAppoint: true }), aTalentRegistered(), ...certs.flat()]

const appointed = (level: 'principal-technician' | 'chief-technician', policyId = 'national-2018'): LedgerEvent[] => [
  { type: 'SeniorPostAppointed', data: { talentId: TALENT_ID, level, employerId: 'emp-1', on: ON, expiresOn: null, policyId, ruleId: ruleOf(`${level}.appointed`, policyId) } },
  {
    type: 'LevelCertified',
    data: { talentId: TALENT_ID, level, route: 'appointment', occupation: OCCUPATION, on: ON, source: 'appointment:emp-1', policyId, ruleId: ruleOf(`${level}.appointed`, policyId) },
  },
]

describe('§3 principal-technician (特级技师)', () => {
  it('holds senior-technician and appointed by the authorized current employer: certified, recording policy and rule', async () => {
    await given(history(holding('senior-technician', '2024-05-31'))).when(appoint('principal-technician')).then(appointed('principal-technician'))
  })

  it('without senior-technician (only in occupations that have it): refused', async () => {
    await given(history(holding('technician', '2010-01-01'))).when(appoint('principal-technician')).then({ code: 'NotEligible', rules: [ruleOf('principal-technician.appointed')] })
  })

  it('a minimum of years held set by an adopted policy applies, and the policy is recorded', async () => {
    const lyg = aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({
      ...doc,
      promotion: doc.promotion.map((r) =>
        r.level === 'principal-technician'
          ? { ...r, alternatives: [{ ruleId: 'lyg-2024.principal-technician.appointed-2y', text: 'holds senior technician ≥ 2 years; appointed', allOf: [{ kind: 'holds', level: 'senior-technician', minYears: 2 }, { kind: 'appointed' }] }] }
          : r,
      ),
    }))
    await given([lyg, ...history(holding('senior-technician', '2022-06-02'))]).when(appoint('principal-technician')).then({ code: 'NotEligible', rules: ['lyg-2024.principal-technician.appointed-2y'] })
    await given([lyg, ...history(holding('senior-technician', '2022-06-01'))]).when(appoint('principal-technician')).thenEventTypes(['SeniorPostAppointed', 'LevelCertified'])
  })

  it('already holds a post in force at the level with this employer: Duplicate appointment.post-in-force', async () => {
    const post: LedgerEvent = { type: 'SeniorPostAppointed', data: { talentId: TALENT_ID, level: 'principal-technician', employerId: 'emp-1', on: '2023-01-01', expiresOn: null, policyId: 'national-2018', ruleId: ruleOf('principal-technician.appointed') } }
    await given(history(holding('senior-technician', '2020-01-01'), holding('principal-technician', '2023-01-01'), [post])).when(appoint('principal-technician')).then({ code: 'Duplicate', rules: ['appointment.post-in-force'] })
  })

  it('holds the certificate but no post in force: the post again, without a second certificate (§12)', async () => {
    await given(history(holding('senior-technician', '2020-01-01'), holding('principal-technician', '2023-01-01'))).when(appoint('principal-technician')).then([appointed('principal-technician')[0]!])
  })

  it('levels never go down: a chief technician is not appointed principal technician', async () => {
    await given(history(holding('senior-technician', '2020-01-01'), holding('chief-technician', '2023-01-01'))).when(appoint('principal-technician')).then({ code: 'NotEligible', rules: ['ladder.never-down'] })
  })
})

describe('§3 chief-technician (首席技师)', () => {
  it('holds principal-technician and appointed likewise: certified', async () => {
    await given(history(holding('senior-technician', '2020-01-01'), holding('principal-technician', '2023-01-01'))).when(appoint('chief-technician')).then(appointed('chief-technician'))
  })

  it('holds senior-technician only: refused', async () => {
    await given(history(holding('senior-technician', '2020-01-01'))).when(appoint('chief-technician')).then({ code: 'NotEligible', rules: [ruleOf('chief-technician.appointed')] })
  })
})

describe('§4 appointment (评聘) route: who may appoint', () => {
  it('an employer not registered with canAppoint: Unauthorized', async () => {
    await given([anEmployer('emp-1'), aTalentRegistered(), ...holding('senior-technician', '2020-01-01')]).when(appoint('principal-technician')).then({ code: 'Unauthorized' })
  })

  it('an authorized employer that does not employ the talent: Unauthorized', async () => {
    await given([...history(holding('senior-technician', '2020-01-01')), anEmployer('emp-2', { canAppoint: true })])
      .when(appoint('principal-technician', employerActor('emp-2'), 'emp-2'))
      .then({ code: 'Unauthorized' })
  })

  it('the former employer after a change of employer: Unauthorized', async () => {
    const moved: LedgerEvent = { type: 'EmployerChanged', data: { talentId: TALENT_ID, from: 'emp-1', employerId: 'emp-2', on: '2024-01-01' } }
    await given([...history(holding('senior-technician', '2020-01-01')), anEmployer('emp-2'), moved]).when(appoint('principal-technician')).then({ code: 'Unauthorized' })
  })

  it('the hr-bureau does not appoint: Unauthorized', async () => {
    await given(history(holding('senior-technician', '2020-01-01'))).when(appoint('principal-technician', bureau)).then({ code: 'Unauthorized' })
  })

})
