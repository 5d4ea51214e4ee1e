// The invariant postsWithinQuota (DOMAIN.md §12) on a city where the quota is reached: the core
// decider keeps it, a decider blind to the posts already filled breaks it and is caught, and the
// generated histories (with the appointment block and post commands) keep it under city policies.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { defaultPolicyDocument, nationalIdCheckChar, talentCategory } from '@talent-ledger/core'
import { assertInvariant, postsWithinQuota, runPureLedger, type TalentCategoryUnderTest } from '../../src/invariants/index.js'
import { policyDocument } from '../../src/arbitraries/index.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' }
const talent = (talentId: string, seq: string) => {
  const first17 = `3207061980031200${seq}`
  return {
    type: 'RegisterTalent',
    actor: bureau,
    data: { talentId, name: '刘强', nationalId: first17 + nationalIdCheckChar(first17), birthDate: '1980-03-12', occupation: '6-18-02-04', occupationSince: '2000-07-01', education: 'none', employerId: 'emp-a', district: '海州区', registeredOn: '2026-01-05' },
  }
}
const prior = (talentId: string) => ({ type: 'RecordPriorCertificate', actor: bureau, data: { talentId, certificateNumber: `GJ-${talentId}`, level: 'senior-technician', occupation: '6-18-02-04', issuedOn: '2018-06-30', issuer: '江苏省职业技能鉴定中心' } })
const appoint = (talentId: string) => ({ type: 'AppointSeniorPost', actor: { id: 'emp-a', role: 'employer' }, data: { talentId, level: 'principal-technician', employerId: 'emp-a', on: '2027-03-01' } })

const CITY = [
  { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'emp-a', kind: 'employer', name: '连云港港口集团', canAppoint: true } },
  { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t2', effectiveFrom: '2027-01-01', document: { ...defaultPolicyDocument, appointment: { termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: true } } } },
  { type: 'SetSeniorPostQuota', actor: bureau, data: { organizationId: 'emp-a', level: 'principal-technician', posts: 1, on: '2027-01-01' } },
  talent('c-1', '1'),
  prior('c-1'),
  talent('c-2', '2'),
  prior('c-2'),
  appoint('c-1'),
  appoint('c-2'),
]

/** Decides appointments as if the employer had filled no post yet. */
const quotaBlind: TalentCategoryUnderTest = {
  ...talentCategory,
  decide: (c, s, context) =>
    talentCategory.decide(c, s, c.type === 'AppointSeniorPost' ? { ...context, organizations: Object.fromEntries(Object.entries(context.organizations).map(([id, o]) => [id, o === undefined ? o : { ...o, posts: [] }])) } : context),
}

describe('postsWithinQuota', () => {
  it('holds for the core decider: the second appointment is refused on the quota', async () => {
    const run = await runPureLedger(CITY)
    expect(run.outcomes.map((o) => E.isRight(o.result))).toEqual([true, true, true, true, true, true, true, true, false])
    expect(postsWithinQuota.violations(run)).toEqual([])
  })

  it('catches a decider blind to the posts already filled', async () => {
    const run = await runPureLedger(CITY, quotaBlind)
    expect(E.isRight(run.outcomes[8]!.result)).toBe(true)
    expect(postsWithinQuota.violations(run, quotaBlind)).toEqual(['org-emp-a: filling c-2\'s post from 2027-03-01 makes 2 principal-technician post(s) in force on 2027-03-01, quota 1'])
  })

  it('holds over generated histories under city policies with appointment blocks', async () => {
    await assertInvariant(postsWithinQuota, { policies: policyDocument(), numRuns: 200 })
  })
})
