/**
 * `dashboardMatchesRecount` on histories built to sit at the rounding boundary (issue 13): a city of
 * k talents recorded from prior certificates and one year's employment figure, under a policy whose
 * share targets lie within 0.005 % of the actual shares, either side or exactly on them. The
 * dashboard must judge `met`, status, progress and forecast exactly as the recount does; a rounded
 * share would call 29.995 % met against 30 %.
 */
import * as fc from 'fast-check'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { ORGANIZATION_IDS } from '../../src/arbitraries/actors.js'
import type { CityHistory } from '../../src/arbitraries/history.js'
import { organizationSetup } from '../../src/arbitraries/organizations.js'
import { bornBefore } from '../../src/arbitraries/vocabulary.js'
import { assertInvariant, dashboardMatchesRecount, runPureLedger } from '../../src/invariants/index.js'
import { commandsOf } from '../../src/arbitraries/history.js'

const BUREAU = { id: 'hr-bureau', role: 'hr-bureau' }

/** A target within 0.005 of `share` (in thousandths of a percent), kept between 0 and 100. */
const near = (share: number, thousandths: number): number => Math.min(100, Math.max(0, (Math.round(share * 1000) + thousandths) / 1000))

const boundaryHistory: fc.Arbitrary<CityHistory> = fc
  .record({
    organizations: organizationSetup,
    levels: fc.array(fc.constantFrom('junior', 'intermediate', 'senior', 'technician'), { minLength: 1, maxLength: 12 }),
    employedFactor: fc.integer({ min: 1, max: 400 }),
    skilledOffset: fc.integer({ min: -5, max: 5 }),
    highOffset: fc.integer({ min: -5, max: 5 }),
    issuedOn: fc.constantFrom('2025-06-30', '2026-03-01', '2027-09-15'),
  })
  .map((h): CityHistory => {
    const k = h.levels.length
    const employed = k * 3 + h.employedFactor
    const high = h.levels.filter((l) => l === 'senior' || l === 'technician').length
    const document = {
      ...defaultPolicyDocument,
      targets: { ...defaultPolicyDocument.targets, skilledSharePercent: near((100 * k) / employed, h.skilledOffset), highSkilledSharePercent: near((100 * high) / k, h.highOffset) },
    }
    const talents = h.levels.flatMap((level, i) => {
      const talentId = `b-${i + 1}`
      return [
        {
          type: 'RegisterTalent',
          actor: BUREAU,
          data: {
            talentId, name: '王伟', ...bornBefore('2010-01-01', 20, i, i), occupation: '6-18-02-04', occupationSince: '2010-01-01', education: 'none',
            employerId: ORGANIZATION_IDS.employers[0], district: '海州区', registeredOn: '2026-01-05',
          },
        },
        { type: 'RecordPriorCertificate', actor: BUREAU, data: { talentId, certificateNumber: `N-${i + 1}`, level, occupation: '6-18-02-04', issuedOn: h.issuedOn, issuer: '江苏省职业技能鉴定中心' } },
      ]
    })
    return {
      setup: [
        ...h.organizations,
        { type: 'AdoptPolicy', actor: BUREAU, data: { policyId: 'near-boundary', effectiveFrom: '2020-01-01', document } },
        { type: 'ReportEmploymentStatistics', actor: BUREAU, data: { year: 2026, employedPersons: employed } },
        ...talents,
      ],
      talents: [],
      noise: [],
    }
  })

describe('the dashboard at the rounding boundary of its share targets', () => {
  it('judges exactly what a recount judges, for targets within 0.005 % of the shares either side', async () => {
    await assertInvariant(dashboardMatchesRecount, { histories: boundaryHistory, numRuns: 150 })
  })

  it('builds histories the ledger accepts, with the skilled share below, on and above its target', async () => {
    const sides = new Set<number>()
    for (const h of fc.sample(boundaryHistory, { numRuns: 200, seed: 3 })) {
      const data = (type: string) => h.setup.filter((c) => c.type === type).map((c) => c.data as Record<string, unknown>)
      const k = data('RegisterTalent').length
      const employed = data('ReportEmploymentStatistics')[0]!['employedPersons'] as number
      const target = (data('AdoptPolicy')[0]!['document'] as typeof defaultPolicyDocument).targets.skilledSharePercent
      // 100 k / employed against the target, both in thousandths: exact integers
      sides.add(Math.sign(100_000 * k - Math.round(target * 1000) * employed))
    }
    expect([...sides].sort()).toEqual([-1, 0, 1])
    const [first] = fc.sample(boundaryHistory, { numRuns: 1, seed: 5 })
    const run = await runPureLedger(await commandsOf(first!))
    expect(run.outcomes.filter((o) => o.result !== undefined && !('right' in o.result))).toEqual([])
  })
})
