// DOMAIN.md §15: the housing subsidy (购房补贴) and living allowance (生活补贴) graded by level, with
// the conditions a city may set (first home, purchase window, insured months, instalments, duration);
// example 15-b. Amounts stay unset in the default policy.
import { describe, it } from 'vitest'
import type { EventOf, LedgerEvent, PolicyDocument } from '@talent-ledger/core'
import { aGrant, aPolicyAdopted, bureau, command, given, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding, ruleOf } from './fixtures.js'

type Granted = EventOf<'BenefitGranted'>['data']
const grant = (benefit: 'housing-subsidy' | 'living-allowance', on: string, extra: Record<string, unknown> = {}) => command('GrantBenefit', bureau, { talentId: TALENT_ID, benefit, on, ...extra } as never)
const HOUSE = { purchasedOn: '2027-05-01', firstHome: true, insuredMonths: 14 }
const levels = (senior: number | null) => ({ senior, technician: null, 'senior-technician': null, 'principal-technician': null, 'chief-technician': null })
/** 15-b's `lyg-t` (test values), changed by `change`. */
const lygT = (change: (b: PolicyDocument['benefits']) => PolicyDocument['benefits'] = (b) => b) =>
  aPolicyAdopted('lyg-t', '2026-01-01', (d) => ({
    ...d,
    benefits: change({
      ...d.benefits,
      housingSubsidy: { amount: null, byLevel: levels(2_000_000), conditions: { firstHomeOnly: true, purchaseWindowMonths: 24, minInsuredMonths: 12, instalments: 2 } },
      livingAllowance: { monthly: null, byLevel: levels(60_000), conditions: { minInsuredMonths: 6, maxMonths: 2 } },
    }),
  }))
const h1 = [lygT(), ...hired(), ...holding('senior', '2027-01-10')]
const granted = (data: Partial<Granted>): LedgerEvent => ({
  type: 'BenefitGranted',
  data: { talentId: TALENT_ID, grantId: 'housing-subsidy', benefit: 'housing-subsidy', amount: 1_000_000, recipientId: TALENT_ID, on: '2027-06-01', policyId: 'lyg-t', ruleId: 'lyg-t.housing-subsidy', basis: { level: 'senior', insuredMonths: 14, planYear: 1 }, ...data },
})
const first = granted({})

describe('15-b housing subsidy: by level, in instalments', () => {
  it('first instalment 2027-06-01: half of byLevel.senior', async () => {
    await given(h1).when(grant('housing-subsidy', '2027-06-01', HOUSE)).then([first])
  })

  it('the second before a year has passed: NotEligible lyg-t.housing-subsidy.instalment; on 2028-06-01: housing-subsidy:2, the rest', async () => {
    await given([...h1, first]).when(grant('housing-subsidy', '2027-12-01', HOUSE)).then({ code: 'NotEligible', rules: ['lyg-t.housing-subsidy.instalment'] })
    await given([...h1, first]).when(grant('housing-subsidy', '2028-06-01', HOUSE)).then([granted({ grantId: 'housing-subsidy:2', on: '2028-06-01', basis: { level: 'senior', insuredMonths: 14, planYear: 2 } })])
  })

  it('the same grant again on the date of an instalment: Duplicate lyg-t.housing-subsidy.instalment', async () => {
    await given([...h1, first]).when(grant('housing-subsidy', '2027-06-01', HOUSE)).then({ code: 'Duplicate', rules: ['lyg-t.housing-subsidy.instalment'] })
  })

  it('after the last instalment: Duplicate lyg-t.housing-subsidy.instalment', async () => {
    const second = granted({ grantId: 'housing-subsidy:2', on: '2028-06-01' })
    await given([...h1, first, second]).when(grant('housing-subsidy', '2029-06-01', HOUSE)).then({ code: 'Duplicate', rules: ['lyg-t.housing-subsidy.instalment'] })
  })

  it('an odd total: ⌊total/n⌋ first, the rest last; the level stays that of the first instalment', async () => {
    const odd = [lygT((b) => ({ ...b, housingSubsidy: { ...b.housingSubsidy, byLevel: { ...levels(1_000_001), technician: 5_000_000 } } })), ...hired(), ...holding('senior', '2027-01-10')]
    const one = granted({ amount: 500_000 })
    await given(odd).when(grant('housing-subsidy', '2027-06-01', HOUSE)).then([one])
    await given([...odd, one, ...holding('technician', '2028-01-01')]).when(grant('housing-subsidy', '2028-06-01', HOUSE)).then([
      granted({ grantId: 'housing-subsidy:2', on: '2028-06-01', amount: 500_001, basis: { level: 'senior', insuredMonths: 14, planYear: 2 } }),
    ])
  })

  it('not a first home, bought outside the window, too few insured months: NotEligible, every rule listed', async () => {
    await given(h1).when(grant('housing-subsidy', '2027-06-01', { purchasedOn: '2029-02-01', firstHome: false, insuredMonths: 11 })).then({
      code: 'NotEligible',
      rules: ['lyg-t.housing-subsidy.first-home', 'lyg-t.housing-subsidy.purchase-window', 'lyg-t.housing-subsidy.insured-months'],
    })
    await given(h1).when(grant('housing-subsidy', '2027-06-01', { ...HOUSE, purchasedOn: '2027-01-09' })).then({ code: 'NotEligible', rules: ['lyg-t.housing-subsidy.purchase-window'] })
  })

  it('under the conditions purchasedOn, firstHome and insuredMonths are required: Malformed', async () => {
    await given(h1).when(grant('housing-subsidy', '2027-06-01', { insuredMonths: 14 })).then({ code: 'Malformed' })
  })

  it('a level the policy leaves unset, or a condition unset: PolicyValueUnset', async () => {
    const technician = [lygT(), ...hired(), ...holding('technician', '2027-01-10')]
    await given(technician).when(grant('housing-subsidy', '2027-06-01', HOUSE)).then({ code: 'PolicyValueUnset', rules: ['lyg-t.housing-subsidy.amount'] })
    const noWindow = [lygT((b) => ({ ...b, housingSubsidy: { ...b.housingSubsidy, conditions: { firstHomeOnly: true, purchaseWindowMonths: null, minInsuredMonths: 12, instalments: 2 } } })), ...hired(), ...holding('senior', '2027-01-10')]
    await given(noWindow).when(grant('housing-subsidy', '2027-06-01', HOUSE)).then({ code: 'PolicyValueUnset', message: 'purchaseWindowMonths' })
  })

  it('the default policy grades by level and leaves every amount unset: PolicyValueUnset', async () => {
    await given([...hired(), ...holding('senior', '2024-01-10')]).when(grant('housing-subsidy', '2024-06-01')).then({ code: 'PolicyValueUnset', rules: [ruleOf('housing-subsidy.amount')] })
    await given([...hired(), ...holding('senior', '2024-01-10')]).when(grant('living-allowance', '2024-06-01')).then({ code: 'PolicyValueUnset', rules: [ruleOf('living-allowance.amount')] })
  })
})

describe('15-b living allowance: by level, for at most maxMonths months', () => {
  const month = (on: string): LedgerEvent =>
    aGrant(`living-allowance:${on.slice(0, 7)}`, { benefit: 'living-allowance', on, amount: 60_000, policyId: 'lyg-t', ruleId: 'lyg-t.living-allowance', basis: { month: on.slice(0, 7), level: 'senior', insuredMonths: 6 } })

  it('2027-03 and 2027-04 granted, byLevel.senior each; 2027-05 → NotEligible lyg-t.living-allowance.duration', async () => {
    await given(h1).when(grant('living-allowance', '2027-03-31', { insuredMonths: 6 })).then([month('2027-03-31')])
    await given([...h1, month('2027-03-31')]).when(grant('living-allowance', '2027-04-30', { insuredMonths: 6 })).then([month('2027-04-30')])
    await given([...h1, month('2027-03-31'), month('2027-04-30')]).when(grant('living-allowance', '2027-05-31', { insuredMonths: 6 })).then({ code: 'NotEligible', rules: ['lyg-t.living-allowance.duration'] })
  })

  it('too few insured months: NotEligible lyg-t.living-allowance.insured-months; none given: Malformed', async () => {
    await given(h1).when(grant('living-allowance', '2027-03-31', { insuredMonths: 5 })).then({ code: 'NotEligible', rules: ['lyg-t.living-allowance.insured-months'] })
    await given(h1).when(grant('living-allowance', '2027-03-31')).then({ code: 'Malformed' })
  })

  it('an intermediate talent: NotEligible lyg-t.living-allowance.high-skilled', async () => {
    await given([lygT(), ...hired(), ...holding('intermediate', '2020-01-10')]).when(grant('living-allowance', '2027-03-31', { insuredMonths: 6 })).then({ code: 'NotEligible', rules: ['lyg-t.living-allowance.high-skilled'] })
  })
})
