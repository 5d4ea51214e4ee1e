// DOMAIN.md §12 rules through the CLI, each accepted once and refused once by `talent-ledger apply -`
// on a SQLite file of its own: the occupation rule (12-a), the level cap of an occupation, a post
// already in force, and a term left unset in a city's appointment block. The quota (12-b) is in
// senior-posts.e2e.test.ts; the decider specs are in packages/testing/test/rules/senior-posts.unit.test.ts.
import { afterAll, describe, expect, it } from 'vitest'
import { assess, bureau, employer, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { adoptChanged, applyScenario, rules, scenarioStore, type PolicyDoc, type Result } from './scenarios.js'

const dir = tempDir()
afterAll(() => dir.remove())

const apply = (scenario: string, ...lines: unknown[]): Result[] => applyScenario(dir.path, scenario, ...lines)

const withTopLevel = (code: string, topLevel: string) => (d: PolicyDoc): PolicyDoc => ({ ...d, occupations: { ...d.occupations, catalogue: [...d.occupations.catalogue, { code, category: 'C', shortage: false, topLevel } as PolicyDoc['occupations']['catalogue'][number]] } })
const inOccupation = (talentId: string, occupation: string) => {
  const c = registerTalent(talentId)
  return { ...c, data: { ...c.data, occupation } }
}
const prior = (talentId: string, occupation = '6-18-02-04') => ({
  type: 'RecordPriorCertificate',
  actor: bureau,
  data: { talentId, certificateNumber: `GJ-${talentId}`, level: 'senior-technician', occupation, issuedOn: '2024-06-30', issuer: '江苏省职业技能鉴定中心' },
})
const appoint = (talentId: string, on: string) => ({ type: 'AppointSeniorPost', actor: employer, data: { talentId, level: 'principal-technician', employerId: 'port-co', on } })

describe('§12 rules through talent-ledger apply', () => {
  it('appointment.occupation-has-senior-technician: no topLevel given, the senior-technician certificate must be in the talent’s occupation', () => {
    const NAILS = '4-10-01-01'
    const results = apply('occupation', registerEmployer, inOccupation('c-6', NAILS), prior('c-6'), inOccupation('c-7', NAILS), prior('c-7', NAILS), appoint('c-6', '2026-06-01'), appoint('c-7', '2026-06-01'))
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true)
    expect(results[5]).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(results[5])).toEqual(['appointment.occupation-has-senior-technician'])
    expect(results[6]).toMatchObject({ ok: true, events: ['SeniorPostAppointed', 'LevelCertified'] })
  })

  it('appointment.occupation-has-senior-technician (12-a): an occupation whose standard stops at technician refuses the post; at senior-technician it is filled', () => {
    const NAILS = '4-10-01-01'
    const results = apply(
      'top-level',
      registerEmployer,
      adoptChanged('lyg-t', '2026-01-01', withTopLevel(NAILS, 'technician')),
      inOccupation('c-5', NAILS),
      prior('c-5', NAILS),
      appoint('c-5', '2026-06-01'),
      adoptChanged('lyg-t3', '2026-07-01', withTopLevel(NAILS, 'senior-technician')),
      appoint('c-5', '2026-07-01'),
    )
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true)
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(results[4])).toEqual(['appointment.occupation-has-senior-technician'])
    expect(results[5]!.ok).toBe(true)
    expect(results[6]).toMatchObject({ ok: true, events: ['SeniorPostAppointed', 'LevelCertified'] })
  })

  it('assessment.level-within-occupation: intermediate certified where the standard stops at intermediate, senior refused', () => {
    const results = apply(
      'level-within',
      registerEmployer,
      adoptChanged('lyg-t', '2020-01-01', withTopLevel('6-18-02-04', 'intermediate')),
      registerTalent('t-1'),
      assess('t-1', 'a-1', 'intermediate', '2026-03-01'),
      assess('t-1', 'a-2', 'senior', '2026-09-01'),
    )
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true)
    expect(results[3]).toMatchObject({ ok: true, events: ['AssessmentPassed', 'LevelCertified'] })
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'NotEligible' } })
    expect(rules(results[4])).toEqual(['assessment.level-within-occupation'])
  })

  it('appointment.post-in-force: a post while none is in force, the same post again Duplicate', () => {
    const results = apply('in-force', registerEmployer, registerTalent('c-1'), prior('c-1'), appoint('c-1', '2026-06-01'), appoint('c-1', '2026-09-01'))
    expect(results[3]).toMatchObject({ ok: true, events: ['SeniorPostAppointed', 'LevelCertified'] })
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'Duplicate' } })
    expect(rules(results[4])).toEqual(['appointment.post-in-force'])
  })

  it('appointment.term: a block with the term unset refuses PolicyValueUnset; with the term set the post runs for it', () => {
    const appointment = (years: number | null) => (d: PolicyDoc): PolicyDoc => ({ ...d, appointment: { termYears: { 'principal-technician': years, 'chief-technician': 3 }, quotaRequired: false } })
    const results = apply(
      'term',
      registerEmployer,
      adoptChanged('lyg', '2027-01-01', appointment(null)),
      registerTalent('c-1'),
      prior('c-1'),
      appoint('c-1', '2027-03-01'),
      adoptChanged('lyg-2', '2027-06-01', appointment(2)),
      appoint('c-1', '2027-07-01'),
    )
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true)
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset' } })
    expect(rules(results[4])).toEqual(['lyg.appointment.term'])
    expect(results[5]!.ok).toBe(true)
    expect(results[6]).toMatchObject({ ok: true, events: ['SeniorPostAppointed', 'LevelCertified'] })
    const show = runCli(['--store', scenarioStore(dir.path, 'term'), 'show', 'c-1'], { cwd: dir.path }).json() as Array<{ seniorPosts: Array<{ expiresOn: string | null }> }>
    expect(show[0]!.seniorPosts.map((p) => p.expiresOn)).toEqual(['2029-07-01'])
  })
})
