// DOMAIN.md (preamble of §§2–9): every rule is policy data, versioned and effective-dated; a
// decision uses the policy in force on its business date and records that policy's id and rule.
import { describe, it } from 'vitest'
import type { PolicyDocument } from '@talent-ledger/core'
import { aPolicyAdopted, aPolicyDocument, bureau, command, given, recordAssessment } from '../../src/spec/index.js'
import { hired, passedAndCertified, ruleOf } from './fixtures.js'

const twoYearsForJunior = (doc: PolicyDocument): PolicyDocument => ({
  ...doc,
  promotion: doc.promotion.map((r) =>
    r.level === 'junior' ? { ...r, alternatives: [{ ruleId: 'lyg-2025.junior.years-2', text: 'years in occupation ≥ 2', allOf: [{ kind: 'years-in-occupation', min: 2 }] }] } : r,
  ),
})
const lyg = aPolicyAdopted('lyg-2025', '2025-01-01', twoYearsForJunior)
const history = [lyg, ...hired({ occupationSince: '2023-06-01' })]

describe('policy in force on the business date', () => {
  it('the day before the adopted policy takes effect, the default policy decides and is recorded', async () => {
    await given(history)
      .when(recordAssessment('ab-1', { level: 'junior', on: '2024-12-31' }))
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation'), { on: '2024-12-31' }))
  })

  it('from its effective date, the adopted policy decides: its rule is the one that failed', async () => {
    await given(history).when(recordAssessment('ab-1', { level: 'junior', on: '2025-01-01' })).then({ code: 'NotEligible', rules: ['lyg-2025.junior.years-2'] })
  })

  it('once its rule holds, the certificate records the adopted policy and rule', async () => {
    await given(history)
      .when(recordAssessment('ab-1', { level: 'junior', on: '2025-06-01' }))
      .then(passedAndCertified('junior', 'lyg-2025.junior.years-2', { on: '2025-06-01', policyId: 'lyg-2025' }))
  })

  it('of two policies effective the same day, the one adopted last is in force', async () => {
    const later = aPolicyAdopted('lyg-2025b', '2025-01-01')
    await given([...history, later])
      .when(recordAssessment('ab-1', { level: 'junior', on: '2025-01-01' }))
      .then(passedAndCertified('junior', ruleOf('junior.years-in-occupation'), { on: '2025-01-01', policyId: 'lyg-2025b' }))
  })
})

describe('adopting a policy', () => {
  const adopt = (policyId: string) => command('AdoptPolicy', bureau, { policyId, effectiveFrom: '2026-01-01', document: aPolicyDocument() })

  it('the bureau adopts a new version', async () => {
    await given([]).when(adopt('lyg-2026')).then([{ type: 'PolicyAdopted', data: { policyId: 'lyg-2026', effectiveFrom: '2026-01-01', document: aPolicyDocument() } }])
  })

  it('a policy id already adopted, or the shipped default’s: Duplicate (changes go under a new id)', async () => {
    await given([lyg]).when(adopt('lyg-2025')).then({ code: 'Duplicate' })
    await given([]).when(adopt('national-2018')).then({ code: 'Duplicate' })
  })

  it('a document that is not a valid policy: Malformed', async () => {
    await given([]).when({ ...adopt('lyg-2026'), data: { ...adopt('lyg-2026').data, document: { title: 'incomplete' } } }).then({ code: 'Malformed' })
  })
})
