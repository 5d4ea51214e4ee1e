// DOMAIN.md §3 (end) and §7: revoking a certificate (fraud) returns the talent to the highest
// certificate still valid, flags the benefits that depended on it, and leaves the talent pool
// when the talent is no longer high-skilled. Entering the pool grants the services of §7.
import { describe, expect, it } from 'vitest'
import { levelOf, type CertifiedLevel, type LedgerEvent } from '@talent-ledger/core'
import { aGrant, aPolicyAdopted, aPolicyDocument, bureau, command, given, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding, passedAndCertified, ruleOf } from './fixtures.js'

const ON = '2024-06-01'
const revoke = (level: CertifiedLevel, on = ON) => command('RevokeCertificate', bureau, { talentId: TALENT_ID, level, reason: 'forged training record', on })
const revoked = (level: CertifiedLevel, flaggedGrants: string[]): LedgerEvent => ({
  type: 'CertificateRevoked',
  data: { talentId: TALENT_ID, level, reason: 'forged training record', on: ON, flaggedGrants },
})
const SKILL = (level: string) => aGrant(`skill-upgrade-subsidy:6-18-02-04:${level}`, { basis: { level, occupation: '6-18-02-04', insuredMonths: 12 } })
const FIRST = (level: string) => aGrant(`first-certification-allowance:${level}`, { benefit: 'first-certification-allowance', basis: { level } })
const HOUSING = aGrant('housing-subsidy', { benefit: 'housing-subsidy' })
const LIVING = aGrant('living-allowance:2024-05', { benefit: 'living-allowance', basis: { month: '2024-05' } })

describe('§3 revocation returns the talent to the highest certificate still valid', () => {
  const ladder = [...hired(), ...holding('intermediate', '2012-01-01'), ...holding('senior', '2017-01-01'), ...holding('technician', '2021-01-01')]

  it('revoking the top certificate: back to the one below, still in the pool', async () => {
    const after = await given(ladder).when(revoke('technician')).talentAfter(TALENT_ID)
    expect(levelOf(after)).toBe('senior')
    await given(ladder).when(revoke('technician')).then([revoked('technician', [])])
  })

  it('revoking a middle certificate: the level stays the highest valid one', async () => {
    expect(levelOf(await given(ladder).when(revoke('senior')).talentAfter(TALENT_ID))).toBe('technician')
  })

  it('revoking the only high-skilled certificate leaves the talent pool on the revocation date', async () => {
    const history = [...hired(), ...holding('intermediate', '2012-01-01'), ...holding('senior', '2017-01-01')]
    await given(history).when(revoke('senior')).then([revoked('senior', []), { type: 'TalentPoolLeft', data: { talentId: TALENT_ID, on: ON } }])
    expect(levelOf(await given(history).when(revoke('senior')).talentAfter(TALENT_ID))).toBe('intermediate')
  })

  it('a revoked certificate no longer counts for "holds X for n years"', async () => {
    const history = [...hired(), ...holding('intermediate', '2012-01-01'), revoked('intermediate', [])]
    await given(history)
      .when(command('RecordAssessment', { id: 'ab-1', role: 'assessment-body' }, { talentId: TALENT_ID, assessmentId: 'as-1', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'senior', passed: true, assessorId: 'ab-1', on: ON }))
      .then({ code: 'NotEligible', rules: [ruleOf('senior.holds-intermediate-5y'), ruleOf('senior.advanced-vocational-graduate'), ruleOf('senior.college-2y')] })
  })

  it('after a revocation the level may be earned again by assessment (levels never go down otherwise)', async () => {
    const history = [...hired(), ...holding('junior', '2012-01-01'), revoked('junior', [])]
    await given(history)
      .when(command('RecordAssessment', { id: 'ab-1', role: 'assessment-body' }, { talentId: TALENT_ID, assessmentId: 'as-1', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'junior', passed: true, assessorId: 'ab-1', on: ON }))
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation')))
  })

  it('a level the talent never held: NotFound', async () => {
    await given(ladder).when(revoke('senior-technician')).then({ code: 'NotFound' })
  })

  it('a revocation dated before the certificate was issued: NotEligible', async () => {
    await given(ladder).when(revoke('technician', '2020-12-31')).then({ code: 'NotEligible', rules: ['revocation.after-certificate'] })
  })

  it('a certificate already revoked: Duplicate (done already)', async () => {
    await given([...ladder, revoked('technician', [])]).when(revoke('technician')).then({ code: 'Duplicate' })
  })
})

describe('§3/§7 revocation flags the benefits that depended on the certificate', () => {
  it('grants based on the revoked level are flagged; others are not', async () => {
    const history = [...hired(), ...holding('senior', '2017-01-01'), ...holding('technician', '2021-01-01'), SKILL('senior'), SKILL('technician'), FIRST('technician'), HOUSING]
    await given(history).when(revoke('technician')).then([
      revoked('technician', ['skill-upgrade-subsidy:6-18-02-04:technician', 'first-certification-allowance:technician']),
    ])
  })

  it('when the talent stops being high-skilled, housing and living allowance are flagged too', async () => {
    const history = [...hired(), ...holding('intermediate', '2012-01-01'), ...holding('senior', '2017-01-01'), SKILL('intermediate'), SKILL('senior'), HOUSING, LIVING]
    await given(history).when(revoke('senior')).then([
      revoked('senior', ['skill-upgrade-subsidy:6-18-02-04:senior', 'housing-subsidy', 'living-allowance:2024-05']),
      { type: 'TalentPoolLeft', data: { talentId: TALENT_ID, on: ON } },
    ])
  })

  it('the flag is kept on the grant in the talent state', async () => {
    const history = [...hired(), ...holding('senior', '2017-01-01'), SKILL('senior')]
    const grant = (await given(history).when(revoke('senior')).talentAfter(TALENT_ID)).grants[0]
    expect(grant?.flagged).toBe('certificate senior revoked on 2024-06-01: forged training record')
  })
})

describe('§7 talent pool (高技能人才库)', () => {
  it('entering the pool lists the services the talent is entitled to: under the default policy the one-stop service (DOMAIN.md §15)', async () => {
    const events = await given([...hired(), ...holding('intermediate', '2012-01-01')])
      .when(command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId: 'c-1', tier: 'municipal', rank: 4, on: ON }))
      .thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
    expect(events[2]?.data).toEqual({ talentId: TALENT_ID, on: ON, services: ['one-stop-service'] })
  })

  it('under a policy without a services block (written before §15): children education (子女教育), medical care (医疗), one-stop service', async () => {
    const { services: _none, ...older } = aPolicyDocument()
    const events = await given([aPolicyAdopted('lyg-old', '2020-01-01', () => older), ...hired(), ...holding('intermediate', '2012-01-01')])
      .when(command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId: 'c-1', tier: 'municipal', rank: 4, on: ON }))
      .thenEventTypes(['CompetitionResultRecorded', 'LevelCertified', 'TalentPoolEntered'])
    expect(events[2]?.data).toEqual({ talentId: TALENT_ID, on: ON, services: ['children-education', 'medical-care', 'one-stop-service'] })
  })

  it('a talent already in the pool does not enter it again', async () => {
    await given([...hired(), ...holding('senior', '2017-01-01')])
      .when(command('RecordCompetitionResult', bureau, { talentId: TALENT_ID, competitionId: 'c-1', tier: 'municipal', rank: 4, on: ON }))
      .thenEventTypes(['CompetitionResultRecorded'])
  })
})
