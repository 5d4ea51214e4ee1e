// Featured-industry standards through the CLI (DOMAIN.md §13): a city policy carrying a standard for
// 穿戴甲 off the ladder (worked example 13-a), the assessment refused before a year in the occupation
// and certified after it without changing the level, a missing standardId refused as Malformed, and
// `report --json` counting the certificate under `featuredCertificates`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, jsonl, NAILS, nailsStandard as standard, nailsTalent as talent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const store = `sqlite:${join(dir.path, 'featured.db')}`

const assess = (id: string, on: string, standardId?: string) => ({
  type: 'RecordAssessment',
  actor: { id: 'eval-05', role: 'assessment-body' },
  data: { talentId: 'n-1', assessmentId: id, route: 'featured-industry', occupation: NAILS, level: 'junior', passed: true, assessorId: 'eval-05', on, ...(standardId === undefined ? {} : { standardId }) },
})

describe('featured-industry standards (DOMAIN.md §13) through the CLI', () => {
  it('13-a: refused before a year, certified off the ladder after it, counted in the report', () => {
    const lines = [
      { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'port-co', kind: 'employer', name: '连云港港口集团' } },
      { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'eval-05', kind: 'assessment-body', name: '连云港特色产业评价中心', authorizations: [{ route: 'featured-industry', occupations: [NAILS], maxLevel: 'senior-technician' }] } },
      { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t', effectiveFrom: '2026-01-01', document: { ...defaultPolicyDocument, featuredStandards: [standard] } } },
      talent,
      assess('a-0', '2026-04-01'),
      assess('a-1', '2026-02-01', 'std-nails'),
      assess('a-2', '2026-04-01', 'std-nails'),
    ]
    const run = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...lines) })
    expect(run.stderr).toBe('')
    const results = run.json() as Array<{ ok: boolean; events?: string[]; error?: { code: string; details: Array<{ rule?: string }> } }>
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true)
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'Malformed', details: [{ rule: 'featured.standard-required' }] } })
    expect(results[5]).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'lyg-t.featured.std-nails.junior.years-1' }] } })
    expect(results[6]).toMatchObject({ ok: true, events: ['AssessmentPassed', 'FeaturedSkillCertified'] })
    const show = runCli(['--store', store, 'show', 'n-1'], { cwd: dir.path }).json() as Array<{ level: string | null; certificates: unknown[] }>
    expect([show[0]!.level, show[0]!.certificates]).toEqual([null, []])
    const report = (asOf: string) => (runCli(['--store', store, 'report', '--json', '--as-of', asOf], { cwd: dir.path }).json() as Array<{ featuredCertificates: unknown }>)[0]!.featuredCertificates
    expect(report('2026-03-31')).toEqual([])
    expect(report('2026-12-31')).toEqual([{ standardId: 'std-nails', level: 'junior', count: 1 }])
    // the text and HTML reports show the same row
    expect(runCli(['--store', store, 'report', '--as-of', '2026-12-31'], { cwd: dir.path }).stdout).toMatch(/std-nails\s+junior\s+1\n/)
    const page = join(dir.path, 'featured.html')
    expect(runCli(['--store', store, 'report', '--html', page, '--as-of', '2026-12-31'], { cwd: dir.path }).code).toBe(0)
    expect(readFileSync(page, 'utf8')).toContain('data-standard="std-nails" data-level="junior"><th scope="row">std-nails</th><td>junior</td><td class="num" data-count="1">1</td></tr>')
  })
})
