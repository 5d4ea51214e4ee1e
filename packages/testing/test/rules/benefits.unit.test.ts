// DOMAIN.md §7 benefits other than the skill-upgrade subsidy: first-certification allowance,
// apprenticeship subsidy, housing subsidy and living allowance (unset by default), competition
// prizes. Each asserts the computed amount in fen and the policyId / ruleId the grant records.
import { describe, it } from 'vitest'
import type { CertifiedLevel, LedgerEvent } from '@talent-ledger/core'
import { aCompetitionResult, aCompletion, aGrant, aPolicyAdopted, anEnrolment, given, grantBenefit, OCCUPATION, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding } from './fixtures.js'

type Granted = Extract<LedgerEvent, { type: 'BenefitGranted' }>['data']
const granted = (data: Omit<Granted, 'talentId' | 'recipientId'> & { recipientId?: string }): LedgerEvent[] => [
  { type: 'BenefitGranted', data: { talentId: TALENT_ID, recipientId: TALENT_ID, ...data } },
]

describe('§7 first-certification allowance (首次取证一次性奖励)', () => {
  const frontLine = (level: CertifiedLevel) => [...hired({ frontLine: true }), ...holding(level, '2024-01-15')]
  const claim = (level: CertifiedLevel) => grantBenefit('first-certification-allowance', '2024-06-01', { level })

  it.each([
    ['senior', 500_000],
    ['technician', 800_000],
    ['senior-technician', 1_000_000],
    ['principal-technician', 2_000_000],
    ['chief-technician', 3_000_000],
  ] as const)('%s: %i fen to a front-line worker in major group 6', async (level, amount) => {
    await given(frontLine(level)).when(claim(level)).then(
      granted({ benefit: 'first-certification-allowance', on: '2024-06-01', grantId: `first-certification-allowance:${level}`, amount, policyId: 'national-2018', ruleId: `national-2018.first-certification-allowance.${level}`, basis: { level, occupation: OCCUPATION } }),
    )
  })

  it('not a front-line worker: refused', async () => {
    await given([...hired(), ...holding('senior', '2024-01-15')]).when(claim('senior')).then({ code: 'NotEligible', rules: ['national-2018.first-certification-allowance.front-line'] })
  })

  it('an occupation outside major group 6 (生产制造及有关人员): refused', async () => {
    await given([...hired({ frontLine: true, occupation: '4-01-02-01' }), ...holding('senior', '2024-01-15', { occupation: '4-01-02-01' })])
      .when(claim('senior'))
      .then({ code: 'NotEligible', rules: ['national-2018.first-certification-allowance.manufacturing-occupation'] })
  })

  it('below senior: refused', async () => {
    await given(frontLine('intermediate')).when(claim('intermediate')).then({ code: 'NotEligible', rules: ['national-2018.first-certification-allowance.level'] })
  })

  it('only the first certification at the level: a certificate issued again after a revocation is refused', async () => {
    const revoked: LedgerEvent = { type: 'CertificateRevoked', data: { talentId: TALENT_ID, level: 'senior', reason: 'fraud', on: '2023-01-01', flaggedGrants: [] } }
    await given([...hired({ frontLine: true }), ...holding('senior', '2022-01-01'), revoked, ...holding('senior', '2024-01-15')])
      .when(claim('senior'))
      .then({ code: 'NotEligible', rules: ['national-2018.first-certification-allowance.first'] })
  })

  it('once per level: Duplicate', async () => {
    await given([...frontLine('senior'), aGrant('first-certification-allowance:senior', { benefit: 'first-certification-allowance' })]).when(claim('senior')).then({ code: 'Duplicate' })
  })
})

describe('§7 apprenticeship subsidy (新型学徒制补贴), paid to the employer', () => {
  const enrolled = [...hired(), anEnrolment('p-1', { startedOn: '2021-09-01', plannedYears: 2 })]
  const claim = (on: string) => grantBenefit('apprenticeship-subsidy', on, { programId: 'p-1' })
  const paid = (on: string, planYear: number) =>
    granted({ benefit: 'apprenticeship-subsidy', on, grantId: `apprenticeship-subsidy:p-1:${planYear}`, amount: 500_000, recipientId: 'emp-1', policyId: 'national-2018', ruleId: 'national-2018.apprenticeship-subsidy.per-year', basis: { programId: 'p-1', planYear } })

  it('year 1 of the plan: 5,000 元 to the employer', async () => {
    await given(enrolled).when(claim('2021-10-01')).then(paid('2021-10-01', 1))
  })

  it('year 2 of a 2-year plan', async () => {
    await given([...enrolled, aGrant('apprenticeship-subsidy:p-1:1', { benefit: 'apprenticeship-subsidy' })]).when(claim('2022-09-01')).then(paid('2022-09-01', 2))
  })

  it('once per plan year: Duplicate', async () => {
    await given([...enrolled, aGrant('apprenticeship-subsidy:p-1:1', { benefit: 'apprenticeship-subsidy' })]).when(claim('2022-08-31')).then({ code: 'Duplicate' })
  })

  it('within the plan: year 3 of a 2-year plan is refused', async () => {
    await given(enrolled).when(claim('2023-09-01')).then({ code: 'NotEligible', rules: ['national-2018.apprenticeship-subsidy.within-plan'] })
  })

  it('while running: after an early completion it is refused', async () => {
    await given([...enrolled, aCompletion('p-1', '2022-06-30')]).when(claim('2022-09-01')).then({ code: 'NotEligible', rules: ['national-2018.apprenticeship-subsidy.running'] })
  })

  it('not before the programme starts', async () => {
    await given(enrolled).when(claim('2021-08-31')).then({ code: 'NotEligible', rules: ['national-2018.apprenticeship-subsidy.started'] })
  })

  it('only for a new apprenticeship', async () => {
    await given([...hired(), anEnrolment('p-1', { kind: 'specialized', plannedYears: null })])
      .when(claim('2021-10-01'))
      .then({ code: 'NotEligible', rules: ['national-2018.apprenticeship-subsidy.programme-kind', 'national-2018.apprenticeship-subsidy.within-plan'] })
  })

  it('a programme the talent is not enrolled in: NotFound', async () => {
    await given(hired()).when(claim('2021-10-01')).then({ code: 'NotFound' })
  })
})

describe('§7 housing subsidy (购房补贴) and living allowance (生活补贴)', () => {
  const lyg = aPolicyAdopted('lyg-2025', '2025-01-01', (doc) => ({ ...doc, benefits: { ...doc.benefits, housingSubsidy: { amount: 10_000_000 }, livingAllowance: { monthly: 200_000 } } }))
  const highSkilled = [lyg, ...hired(), ...holding('senior', '2024-01-15')]

  it.each(['housing-subsidy', 'living-allowance'] as const)('%s unset by the default policy: PolicyValueUnset', async (benefit) => {
    await given([...hired(), ...holding('senior', '2024-01-15')]).when(grantBenefit(benefit, '2025-03-01')).then({ code: 'PolicyValueUnset' })
  })

  it('unset before the adopted policy takes effect: PolicyValueUnset under national-2018', async () => {
    await given(highSkilled).when(grantBenefit('housing-subsidy', '2024-12-31')).then({ code: 'PolicyValueUnset', message: 'national-2018' })
  })

  it('housing, set by an adopted policy: granted to a high-skilled talent, once per person', async () => {
    await given(highSkilled).when(grantBenefit('housing-subsidy', '2025-03-01')).then(
      granted({ benefit: 'housing-subsidy', on: '2025-03-01', grantId: 'housing-subsidy', amount: 10_000_000, policyId: 'lyg-2025', ruleId: 'lyg-2025.housing-subsidy', basis: {} }),
    )
    await given([...highSkilled, aGrant('housing-subsidy', { benefit: 'housing-subsidy' })]).when(grantBenefit('housing-subsidy', '2026-03-01')).then({ code: 'Duplicate' })
  })

  it('living allowance, set by an adopted policy: monthly, once per month', async () => {
    await given(highSkilled).when(grantBenefit('living-allowance', '2025-03-31')).then(
      granted({ benefit: 'living-allowance', on: '2025-03-31', grantId: 'living-allowance:2025-03', amount: 200_000, policyId: 'lyg-2025', ruleId: 'lyg-2025.living-allowance', basis: { month: '2025-03' } }),
    )
    await given([...highSkilled, aGrant('living-allowance:2025-03', { benefit: 'living-allowance' })]).when(grantBenefit('living-allowance', '2025-03-01')).then({ code: 'Duplicate' })
    await given([...highSkilled, aGrant('living-allowance:2025-03', { benefit: 'living-allowance' })]).when(grantBenefit('living-allowance', '2025-04-01')).thenEventTypes(['BenefitGranted'])
  })

  it.each(['housing-subsidy', 'living-allowance'] as const)('%s only for high-skilled talents: intermediate is refused', async (benefit) => {
    await given([lyg, ...hired(), ...holding('intermediate', '2024-01-15')]).when(grantBenefit(benefit, '2025-03-01')).then({ code: 'NotEligible', rules: [`lyg-2025.${benefit}.high-skilled`] })
  })
})

describe('§7 competition prize (竞赛奖金), per the Lianyungang contest precedent', () => {
  const prize = (rank: number) => [...hired(), aCompetitionResult('c-1', { tier: 'municipal', rank })]
  const claim = grantBenefit('competition-prize', '2024-07-01', { competitionId: 'c-1' })

  it.each([
    [1, 1_200_000],
    [2, 700_000],
    [3, 500_000],
  ])('municipal rank %i: %i fen', async (rank, amount) => {
    await given(prize(rank)).when(claim).then(
      granted({ benefit: 'competition-prize', on: '2024-07-01', grantId: 'competition-prize:c-1', amount, policyId: 'national-2018', ruleId: `national-2018.prize.municipal.${rank}`, basis: { competitionId: 'c-1' } }),
    )
  })

  it('municipal rank 4 carries no prize: refused', async () => {
    await given(prize(4)).when(claim).then({ code: 'NotEligible', rules: ['national-2018.prize.municipal'] })
  })

  it('a tier without prizes in the policy: PolicyValueUnset', async () => {
    await given([...hired(), aCompetitionResult('c-1', { tier: 'provincial', rank: 1 })]).when(claim).then({ code: 'PolicyValueUnset', message: 'competition.prizes.provincial' })
  })

  it('no recorded result: NotFound; the same prize twice: Duplicate', async () => {
    await given(hired()).when(claim).then({ code: 'NotFound' })
    await given([...prize(1), aGrant('competition-prize:c-1', { benefit: 'competition-prize' })]).when(claim).then({ code: 'Duplicate' })
  })
})
