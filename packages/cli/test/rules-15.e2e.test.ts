// DOMAIN.md §15 rules through the CLI, each accepted once and refused once by `talent-ledger apply -`
// on a SQLite file of its own: how often a service may be delivered, and the housing subsidy and
// living allowance of worked example 15-b (amount by level, first home, instalments, duration). The
// decider specs are in packages/testing/test/rules/services.unit.test.ts and allowances.unit.test.ts.
import { afterAll, describe, expect, it } from 'vitest'
import { assess, bureau, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { adoptChanged, applyScenario, rules, scenarioStore, type PolicyDoc, type Result } from './scenarios.js'

const dir = tempDir()
afterAll(() => dir.remove())

const apply = (scenario: string, ...lines: unknown[]): Result[] => applyScenario(dir.path, scenario, ...lines)

/** Senior from a municipal prize (rank 5) on `on`, intermediate half a year before. */
const senior = (talentId: string, on: string, intermediateOn: string) => [
  registerTalent(talentId),
  assess(talentId, `a-${talentId}`, 'intermediate', intermediateOn),
  { type: 'RecordCompetitionResult', actor: bureau, data: { talentId, competitionId: `lyg-${talentId}`, tier: 'municipal', rank: 5, on } },
]
const deliver = (talentId: string, deliveryId: string, service: string, on: string) => ({ type: 'RecordServiceDelivery', actor: bureau, data: { talentId, deliveryId, service, on } })
const grant = (talentId: string, benefit: 'housing-subsidy' | 'living-allowance', on: string, extra: Record<string, unknown>) => ({ type: 'GrantBenefit', actor: bureau, data: { talentId, benefit, on, ...extra } })

describe('§15 service.frequency through talent-ledger apply', () => {
  it('on request (default policy): a new delivery id is accepted, the same id again is Duplicate', () => {
    const results = apply('on-request', registerEmployer, ...senior('s-1', '2026-02-01', '2025-08-01'), deliver('s-1', 'sd-1', 'one-stop-service', '2026-04-01'), deliver('s-1', 'sd-2', 'one-stop-service', '2026-05-01'), deliver('s-1', 'sd-1', 'one-stop-service', '2026-06-01'))
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true)
    expect(results[4]).toMatchObject({ ok: true, events: ['ServiceDelivered'] })
    expect(results[5]).toMatchObject({ ok: true, events: ['ServiceDelivered'] })
    expect(results[6]).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(rules(results[6])).toEqual(['national-2018.service.frequency'])
  })

  it('yearly (a city policy): once a calendar year, again the next year', () => {
    const services = (d: PolicyDoc): PolicyDoc => ({ ...d, services: (d.services ?? []).map((s) => (s.service === 'health-check' ? { ...s, minLevel: 'senior', frequency: 'yearly' } : s)) })
    const results = apply(
      'yearly',
      registerEmployer,
      adoptChanged('lyg-t', '2026-01-01', services),
      ...senior('s-1', '2026-02-01', '2025-08-01'),
      deliver('s-1', 'sd-1', 'health-check', '2026-04-01'),
      deliver('s-1', 'sd-2', 'health-check', '2026-11-01'),
      deliver('s-1', 'sd-3', 'health-check', '2027-04-01'),
    )
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true)
    expect(results[5]).toMatchObject({ ok: true, events: ['ServiceDelivered'] })
    expect(results[6]).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(rules(results[6])).toEqual(['lyg-t.service.frequency'])
    expect(results[7]).toMatchObject({ ok: true, events: ['ServiceDelivered'] })
  })
})

describe('§15 housing subsidy and living allowance (15-b) through talent-ledger apply', () => {
  const levels = (senior: number) => ({ senior, technician: null, 'senior-technician': null, 'principal-technician': null, 'chief-technician': null })
  // 15-b's test values; from 2027-01-01 so that h-1 becomes senior under it
  const lygT = adoptChanged('lyg-t', '2027-01-01', (d) => ({
    ...d,
    benefits: {
      ...d.benefits,
      housingSubsidy: { amount: null, byLevel: levels(2_000_000), conditions: { firstHomeOnly: true, purchaseWindowMonths: 24, minInsuredMonths: 12, instalments: 2 } },
      livingAllowance: { monthly: null, byLevel: levels(60_000), conditions: { minInsuredMonths: 6, maxMonths: 2 } },
    },
  }))
  const HOUSE = { purchasedOn: '2027-05-01', firstHome: true, insuredMonths: 14 }
  // a technician since 2026-06-01 (a prior certificate must be issued before the day it is recorded)
  const technician = {
    type: 'RecordPriorCertificate',
    actor: bureau,
    data: { talentId: 'h-2', certificateNumber: 'GJ-h-2', level: 'technician', occupation: '6-18-02-04', issuedOn: '2026-06-01', issuer: '江苏省职业技能鉴定中心' },
  }
  const h1 = [registerEmployer, lygT, ...senior('h-1', '2027-01-10', '2026-06-01'), registerTalent('h-2', '李雷'), technician]

  it('housing-subsidy.amount: byLevel.senior set → granted; byLevel.technician unset → PolicyValueUnset', () => {
    const results = apply('housing-amount', ...h1, grant('h-2', 'housing-subsidy', '2027-06-01', HOUSE), grant('h-1', 'housing-subsidy', '2027-06-01', HOUSE))
    expect(results.slice(0, h1.length).every((r) => r.ok)).toBe(true)
    expect(results[h1.length]).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset' } })
    expect(rules(results[h1.length])).toEqual(['lyg-t.housing-subsidy.amount'])
    expect(results[h1.length + 1]).toMatchObject({ ok: true, events: ['BenefitGranted'] })
  })

  it('housing-subsidy.first-home and .instalment: not a first home refused; the first instalment (half), the second too early refused, then due, then Duplicate', () => {
    const results = apply(
      'housing',
      ...h1,
      grant('h-1', 'housing-subsidy', '2027-06-01', { ...HOUSE, firstHome: false }),
      grant('h-1', 'housing-subsidy', '2027-06-01', HOUSE),
      grant('h-1', 'housing-subsidy', '2027-12-01', HOUSE),
      grant('h-1', 'housing-subsidy', '2028-06-01', HOUSE),
      grant('h-1', 'housing-subsidy', '2028-06-01', HOUSE),
    )
    const [notFirst, one, early, two, again] = results.slice(h1.length)
    expect(results.slice(0, h1.length).every((r) => r.ok)).toBe(true)
    expect(notFirst).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(notFirst)).toEqual(['lyg-t.housing-subsidy.first-home'])
    expect(one).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    expect(early).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(early)).toEqual(['lyg-t.housing-subsidy.instalment'])
    expect(two).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    expect(again).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(rules(again)).toEqual(['lyg-t.housing-subsidy.instalment'])
    const show = runCli(['--store', scenarioStore(dir.path, 'housing'), 'show', 'h-1'], { cwd: dir.path }).json() as Array<{ benefits: Array<{ grantId: string; amount: number }> }>
    expect(show[0]!.benefits.map((b) => [b.grantId, b.amount])).toEqual([['housing-subsidy', 1_000_000], ['housing-subsidy:2', 1_000_000]])
  })

  it('living-allowance.duration: two months granted, the third refused', () => {
    const results = apply(
      'living',
      ...h1,
      grant('h-1', 'living-allowance', '2027-03-31', { insuredMonths: 6 }),
      grant('h-1', 'living-allowance', '2027-04-30', { insuredMonths: 6 }),
      grant('h-1', 'living-allowance', '2027-05-31', { insuredMonths: 6 }),
    )
    const [march, april, may] = results.slice(h1.length)
    expect(results.slice(0, h1.length).every((r) => r.ok)).toBe(true)
    expect(march).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    expect(april).toMatchObject({ ok: true, events: ['BenefitGranted'] })
    expect(may).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(may)).toEqual(['lyg-t.living-allowance.duration'])
  })
})
