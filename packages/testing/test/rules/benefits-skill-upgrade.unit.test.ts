// DOMAIN.md §7 技能提升补贴 (skill-upgrade subsidy): the Jiangsu 2023 table by category and level,
// special-ability amounts, shortage +30 %, category from the policy's catalogue (unlisted → C),
// ≥ 12 insured months, claimed ≤ 12 months after the certificate, once per occupation per level.
import { describe, expect, it } from 'vitest'
import type { CertifiedLevel, LedgerEvent, SubsidyCategory } from '@talent-ledger/core'
import { aGrant, aPolicyAdopted, aSpecialAbilityCertificate, given, grantBenefit, OCCUPATION, TALENT_ID } from '../../src/spec/index.js'
import { hired, holding } from './fixtures.js'

const CERTIFIED_ON = '2024-01-15'
const CLAIMED_ON = '2024-06-01'
type SubsidyLevel = CertifiedLevel | 'special-ability'

const catalogue = (category: SubsidyCategory, shortage = false) =>
  aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({ ...doc, occupations: { ...doc.occupations, catalogue: [{ code: OCCUPATION, category, shortage }] } }))
const claim = (level: SubsidyLevel, insuredMonths = 12, on = CLAIMED_ON) => grantBenefit('skill-upgrade-subsidy', on, { level, insuredMonths })
const holdingFor = (level: SubsidyLevel): LedgerEvent[] => (level === 'special-ability' ? [aSpecialAbilityCertificate(CERTIFIED_ON)] : holding(level, CERTIFIED_ON))
const granted = (level: SubsidyLevel, amount: number, policyId: string, ruleId: string, insuredMonths = 12): LedgerEvent => ({
  type: 'BenefitGranted',
  data: {
    talentId: TALENT_ID,
    benefit: 'skill-upgrade-subsidy',
    on: CLAIMED_ON,
    grantId: `skill-upgrade-subsidy:${OCCUPATION}:${level}`,
    amount,
    recipientId: TALENT_ID,
    policyId,
    ruleId,
    basis: { level, occupation: OCCUPATION, insuredMonths },
  },
})

// [category, level, amount, shortage amount (+30 %)] in fen — Jiangsu 2023 table in 元 × 100
const TABLE: ReadonlyArray<readonly [SubsidyCategory, SubsidyLevel, number, number]> = [
  ['A', 'junior', 100_000, 130_000], ['A', 'intermediate', 150_000, 195_000], ['A', 'senior', 200_000, 260_000], ['A', 'technician', 350_000, 455_000], ['A', 'senior-technician', 430_000, 559_000],
  ['B', 'junior', 80_000, 104_000], ['B', 'intermediate', 120_000, 156_000], ['B', 'senior', 180_000, 234_000], ['B', 'technician', 250_000, 325_000], ['B', 'senior-technician', 350_000, 455_000],
  ['C', 'junior', 50_000, 65_000], ['C', 'intermediate', 100_000, 130_000], ['C', 'senior', 150_000, 195_000], ['C', 'technician', 200_000, 260_000], ['C', 'senior-technician', 300_000, 390_000],
  ['A', 'special-ability', 80_000, 104_000], ['B', 'special-ability', 60_000, 78_000], ['C', 'special-ability', 40_000, 52_000],
]

describe('§7 skill-upgrade subsidy amounts', () => {
  it.each(TABLE)('category %s, %s: %i fen', async (category, level, amount) => {
    await given([catalogue(category), ...hired(), ...holdingFor(level)])
      .when(claim(level))
      .then([granted(level, amount, 'lyg-2024', `lyg-2024.skill-upgrade-subsidy.${category}.${level}`)])
  })

  it.each(TABLE)('category %s, %s, shortage occupation: %i + 30 %% = %i fen', async (category, level, _amount, shortage) => {
    await given([catalogue(category, true), ...hired(), ...holdingFor(level)])
      .when(claim(level))
      .then([granted(level, shortage, 'lyg-2024', `lyg-2024.skill-upgrade-subsidy.${category}.${level}.shortage`)])
  })

  it('the default policy lists no occupation: category C, not short', async () => {
    await given([...hired(), ...holding('senior', CERTIFIED_ON)]).when(claim('senior')).then([granted('senior', 150_000, 'national-2018', 'national-2018.skill-upgrade-subsidy.C.senior')])
  })

  it('an occupation the catalogue does not list falls in category C', async () => {
    const other = aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({ ...doc, occupations: { ...doc.occupations, catalogue: [{ code: '6-18-02-05', category: 'A', shortage: true }] } }))
    await given([other, ...hired(), ...holding('technician', CERTIFIED_ON)]).when(claim('technician')).then([granted('technician', 200_000, 'lyg-2024', 'lyg-2024.skill-upgrade-subsidy.C.technician')])
  })

  it('the caller never chooses the amount: an amount in the command is refused, the policy decides it', async () => {
    const raw = { ...claim('junior'), data: { ...claim('junior').data, amount: 1 } }
    await given([...hired(), ...holding('junior', CERTIFIED_ON)]).when(raw).then({ code: 'Malformed', message: 'data.amount: unknown field' })
    await given([...hired(), ...holding('junior', CERTIFIED_ON)]).when(claim('junior')).then([granted('junior', 50_000, 'national-2018', 'national-2018.skill-upgrade-subsidy.C.junior')])
  })
})

describe('§7 skill-upgrade subsidy conditions', () => {
  const history = [...hired(), ...holding('intermediate', CERTIFIED_ON)]

  it('≥ 12 months of unemployment insurance: 11 is refused', async () => {
    await given(history).when(claim('intermediate', 11)).then({ code: 'NotEligible', rules: ['national-2018.skill-upgrade-subsidy.insured-months'] })
  })

  it('claimed ≤ 12 months after the certificate: on the last day it is granted', async () => {
    await given(history).when(claim('intermediate', 12, '2025-01-15')).thenEventTypes(['BenefitGranted'])
  })

  it('claimed ≤ 12 months after the certificate: a day later it is refused', async () => {
    await given(history).when(claim('intermediate', 12, '2025-01-16')).then({ code: 'NotEligible', rules: ['national-2018.skill-upgrade-subsidy.claim-window'] })
  })

  it('every failed condition is listed', async () => {
    await given(history).when(claim('intermediate', 3, '2026-01-01')).then({
      code: 'NotEligible',
      rules: ['national-2018.skill-upgrade-subsidy.insured-months', 'national-2018.skill-upgrade-subsidy.claim-window'],
    })
  })

  it('once per occupation per level: a second claim is Duplicate', async () => {
    await given([...history, aGrant(`skill-upgrade-subsidy:${OCCUPATION}:intermediate`)]).when(claim('intermediate')).then({ code: 'Duplicate' })
  })

  it('once per occupation per level: another level is still open', async () => {
    await given([...history, ...holding('senior', '2024-03-01'), aGrant(`skill-upgrade-subsidy:${OCCUPATION}:intermediate`)]).when(claim('senior')).thenEventTypes(['BenefitGranted'])
  })

  it('only for a certificate held: NotFound without one', async () => {
    await given(hired()).when(claim('senior')).then({ code: 'NotFound' })
  })

  it('the table covers junior to senior-technician and special-ability: appointed levels are refused', async () => {
    await given([...hired(), ...holding('principal-technician', CERTIFIED_ON)]).when(claim('principal-technician')).then({ code: 'NotEligible', rules: ['national-2018.skill-upgrade-subsidy.level'] })
  })

  it('level and insured months are required: Malformed', async () => {
    const error = await given(history).when(grantBenefit('skill-upgrade-subsidy', CLAIMED_ON)).then({ code: 'Malformed' })
    expect(error.details.map((d) => d.field)).toEqual(['data.level', 'data.insuredMonths'])
  })

  it('a policy that leaves a value unset: PolicyValueUnset', async () => {
    const unset = aPolicyAdopted('lyg-2024', '2024-01-01', (doc) => ({
      ...doc,
      benefits: { ...doc.benefits, skillUpgradeSubsidy: { ...doc.benefits.skillUpgradeSubsidy, minInsuredMonths: null } },
    }))
    await given([unset, ...history]).when(claim('intermediate')).then({ code: 'PolicyValueUnset', message: 'minInsuredMonths' })
  })
})
