// DOMAIN.md §13 rules through the CLI (13-b), each accepted once and refused once by
// `talent-ledger apply -` on a SQLite file: a standard not in the policy in force (NotFound
// featured.standard-exists) and an occupation the standard does not cover (NotEligible
// featured.occupation); the accepted line is the 13-a assessment under std-nails. The decider specs
// are in packages/testing/test/rules/featured-standards.unit.test.ts.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, jsonl, NAILS, nailsStandard as standard, nailsTalent as talent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { rules, type Result } from './scenarios.js'

const dir = tempDir()


const assess = (id: string, standardId: string, occupation = NAILS) => ({
  type: 'RecordAssessment',
  actor: { id: 'eval-05', role: 'assessment-body' },
  data: { talentId: 'n-1', assessmentId: id, route: 'featured-industry', occupation, level: 'junior', passed: true, assessorId: 'eval-05', on: '2026-04-01', standardId },
})

let results: Result[] = []
beforeAll(() => {
  const lines = [
    { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'port-co', kind: 'employer', name: '连云港港口集团' } },
    {
      type: 'RegisterOrganization',
      actor: bureau,
      data: { organizationId: 'eval-05', kind: 'assessment-body', name: '连云港特色产业评价中心', authorizations: [{ route: 'featured-industry', occupations: ['*'], maxLevel: 'senior-technician' }] },
    },
    { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t', effectiveFrom: '2026-01-01', document: { ...defaultPolicyDocument, featuredStandards: [standard] } } },
    talent,
    assess('a-1', 'std-x'),
    assess('a-2', 'std-nails', '6-18-01-01'),
    assess('a-3', 'std-nails'),
  ]
  const run = runCli(['--store', `sqlite:${join(dir.path, 'featured-rules.db')}`, 'apply', '-'], { cwd: dir.path, input: jsonl(...lines) })
  expect(run.stderr).toBe('')
  results = run.json() as Result[]
  expect(results).toHaveLength(lines.length)
  expect(results.slice(0, 4).every((r) => r.ok)).toBe(true)
})
afterAll(() => dir.remove())

describe('§13 rules through talent-ledger apply', () => {
  it('featured.standard-exists: std-x is not in the policy in force → NotFound; std-nails is → certified', () => {
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'NotFound' } })
    expect(rules(results[4])).toEqual(['featured.standard-exists'])
    expect(results[6]).toMatchObject({ ok: true, events: ['AssessmentPassed', 'FeaturedSkillCertified'] })
  })

  it('featured.occupation: 6-18-01-01 is not among std-nails’s occupations → NotEligible (with assessment.occupation); 4-10-03-05 is → certified', () => {
    expect(results[5]).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    // both rules fail; their order is not part of the contract
    expect(rules(results[5])?.sort()).toEqual(['assessment.occupation', 'featured.occupation'])
    expect(results[6]).toMatchObject({ ok: true, events: ['AssessmentPassed', 'FeaturedSkillCertified'] })
  })
})
