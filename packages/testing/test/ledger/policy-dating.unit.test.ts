// Policy as effective-dated data: the policy in force on the business date decides, and the
// decision records which one.
import { describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { assess, bureau, registerEmployer, registerTalent, setup } from './fixtures.js'

const cityPolicy = {
  type: 'AdoptPolicy',
  actor: bureau,
  data: {
    policyId: 'lyg-2027',
    effectiveFrom: '2027-01-01',
    document: {
      ...defaultPolicyDocument,
      title: 'Lianyungang 2027',
      benefits: { ...defaultPolicyDocument.benefits, housingSubsidy: { amount: 5_000_000 }, livingAllowance: { monthly: 100_000 } },
    },
  },
}

const housing = (on: string) => ({ type: 'GrantBenefit', actor: bureau, data: { talentId: 't-1', benefit: 'housing-subsidy', on } })

describe('effective-dated policy', () => {
  it('an unset value refuses before the city policy is in force and is granted after, recording the policy', async () => {
    const { ledger } = setup()
    for (const c of [registerEmployer, registerTalent(), assess('a1', 'intermediate', '2026-02-01'), assess('a2', 'senior', '2026-03-01'), cityPolicy])
      expect((await ledger.execute(c)).ok).toBe(true)
    expect(await ledger.execute(housing('2026-12-31'))).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset' } })
    expect(await ledger.execute(housing('2027-01-02'))).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    const [grant] = (await ledger.profile('t-1'))!.benefits
    expect(grant).toMatchObject({ benefit: 'housing-subsidy', amount: 5_000_000, policyId: 'lyg-2027', ruleId: 'lyg-2027.housing-subsidy' })
  })

  it('a policy id can be adopted once; the default id is reserved', async () => {
    const { ledger } = setup()
    expect((await ledger.execute(cityPolicy)).ok).toBe(true)
    expect(await ledger.execute(cityPolicy)).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    const reuse = { ...cityPolicy, data: { ...cityPolicy.data, policyId: 'national-2018' } }
    expect(await ledger.execute(reuse)).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
  })

  it('a policy document that does not decode is Malformed and names the field', async () => {
    const { ledger } = setup()
    const bad = { ...cityPolicy, data: { ...cityPolicy.data, document: { ...cityPolicy.data.document, apprenticeship: { minPlannedYears: 0, maxPlannedYears: 3 } } } }
    const result = await ledger.execute(bad)
    expect(result).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ field: 'data.document.apprenticeship.minPlannedYears' }] } })
  })
})
