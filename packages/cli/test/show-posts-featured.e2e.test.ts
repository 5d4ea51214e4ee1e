// `show` prints a talent's senior posts (DOMAIN.md §12) with their terms, and whether each is in force
// on the --as-of date (today without one): in force, ended (EndSeniorPost), expired (its term ran out)
// or not yet in force; and the talent's featured-industry certificates (§13), on the ladder and off it.
// A profile without either prints neither key, as before. One line, or indented with --pretty.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, employer, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const store = `sqlite:${join(dir.path, 'show.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

const NAILS = '4-10-03-05'
const SECURITY = '4-07-05-01'
const alternative = (ruleId: string) => [{ ruleId, text: 'years in occupation ≥ 1', allOf: [{ kind: 'years-in-occupation', min: 1 }] }]
const standards = [
  { standardId: 'std-nails', title: '穿戴甲 (test values)', issuer: null, occupations: [NAILS], countsTowardLadder: false, levels: [{ level: 'junior', alternatives: alternative('lyg-s.featured.std-nails.junior.years-1') }] },
  { standardId: 'std-sec', title: '安防 (test values)', issuer: null, occupations: [SECURITY], countsTowardLadder: true, levels: [{ level: 'junior', alternatives: alternative('lyg-s.featured.std-sec.junior.years-1') }] },
]
const policy = { ...defaultPolicyDocument, appointment: { termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: false }, featuredStandards: standards }
const prior = (talentId: string) => ({
  type: 'RecordPriorCertificate',
  actor: bureau,
  data: { talentId, certificateNumber: `GJ-${talentId}`, level: 'senior-technician', occupation: '6-18-02-04', issuedOn: '2020-06-30', issuer: '江苏省职业技能鉴定中心' },
})
const appoint = (talentId: string, on: string) => ({ type: 'AppointSeniorPost', actor: employer, data: { talentId, level: 'principal-technician', employerId: 'port-co', on } })
const inOccupation = (talentId: string, occupation: string) => {
  const c = registerTalent(talentId)
  return { ...c, data: { ...c.data, occupation, occupationSince: '2024-03-01' } }
}
const featured = (talentId: string, id: string, occupation: string, standardId: string) => ({
  type: 'RecordAssessment',
  actor: { id: 'eval-05', role: 'assessment-body' },
  data: { talentId, assessmentId: id, route: 'featured-industry', standardId, occupation, level: 'junior', passed: true, assessorId: 'eval-05', on: '2026-04-01' },
})

beforeAll(() => {
  const lines = [
    registerEmployer,
    { type: 'RegisterOrganization', actor: bureau, data: { organizationId: 'eval-05', kind: 'assessment-body', name: '连云港特色产业评价中心', authorizations: [{ route: 'featured-industry', occupations: [NAILS, SECURITY], maxLevel: 'senior-technician' }] } },
    { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-s', effectiveFrom: '2026-01-01', document: policy } },
    ...['c-1', 'c-2', 'c-3'].flatMap((id) => [registerTalent(id), prior(id)]),
    appoint('c-1', '2026-03-01'),
    appoint('c-2', '2026-03-02'),
    appoint('c-3', '2026-03-03'),
    { type: 'RenewSeniorPost', actor: employer, data: { talentId: 'c-1', level: 'principal-technician', employerId: 'port-co', on: '2029-01-15' } },
    { type: 'EndSeniorPost', actor: employer, data: { talentId: 'c-2', level: 'principal-technician', on: '2027-06-30', reason: '退休 (retired)' } },
    inOccupation('n-1', NAILS),
    inOccupation('s-1', SECURITY),
    featured('n-1', 'fa-1', NAILS, 'std-nails'),
    featured('s-1', 'fa-2', SECURITY, 'std-sec'),
  ]
  const run = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...lines) })
  expect([run.code, run.stderr]).toEqual([0, ''])
})

interface Profile {
  level: string | null
  certificates: Array<{ level: string; standardId?: string }>
  seniorPosts?: Array<Record<string, unknown>>
  featuredCertificates?: Array<Record<string, unknown>>
}
const show = (...args: string[]): Profile => {
  const run = cli('show', ...args)
  expect([run.code, run.stderr]).toEqual([0, ''])
  return JSON.parse(run.stdout) as Profile
}
const post = { level: 'principal-technician', employerId: 'port-co' }

describe('show: senior posts and featured-industry certificates', () => {
  it('a post with its term, renewed, in force on the --as-of date', () => {
    expect(show('c-1', '--as-of', '2030-06-30').seniorPosts).toEqual([
      { ...post, on: '2026-03-01', expiresOn: '2032-03-01', endedOn: null, renewedOn: '2029-01-15', status: 'in-force', statusOn: '2030-06-30' },
    ])
  })

  it('a post ended early is in force before its end and ended from it', () => {
    expect(show('c-2', '--as-of', '2027-06-29').seniorPosts).toEqual([{ ...post, on: '2026-03-02', expiresOn: '2029-03-02', endedOn: null, renewedOn: null, status: 'in-force', statusOn: '2027-06-29' }])
    expect(show('c-2', '--as-of', '2027-12-31').seniorPosts).toEqual([{ ...post, on: '2026-03-02', expiresOn: '2029-03-02', endedOn: '2027-06-30', renewedOn: null, status: 'ended', statusOn: '2027-12-31' }])
  })

  it('a post not renewed expires on the last day of its term', () => {
    const status = (asOf: string) => show('c-3', '--as-of', asOf).seniorPosts!.map((p) => [p['expiresOn'], p['status']])
    expect(status('2029-03-02')).toEqual([['2029-03-03', 'in-force']])
    expect(status('2029-03-03')).toEqual([['2029-03-03', 'expired']])
  })

  it('without --as-of the status is judged today (UTC); --pretty prints the same profile indented', () => {
    const before = new Date().toISOString().slice(0, 10)
    const today = show('c-3').seniorPosts![0]!
    const after = new Date().toISOString().slice(0, 10)
    expect([before, after]).toContain(today['statusOn'])
    // the posts were appointed in 2026: on any day of the test they are either ahead or running
    expect(['not-yet-in-force', 'in-force', 'expired']).toContain(today['status'])
    const pretty = cli('show', 'c-1', '--as-of', '2030-06-30', '--pretty').stdout
    expect(pretty).toContain('\n  "seniorPosts": [\n    {\n      "level": "principal-technician",')
    expect(JSON.parse(pretty)).toEqual(show('c-1', '--as-of', '2030-06-30'))
  })

  it('a featured certificate off the ladder leaves the level as it was', () => {
    const p = show('n-1')
    expect([p.level, p.certificates]).toEqual([null, []])
    expect(p.featuredCertificates).toEqual([
      { standardId: 'std-nails', level: 'junior', occupation: NAILS, on: '2026-04-01', onLadder: false, policyId: 'lyg-s', ruleId: 'lyg-s.featured.std-nails.junior.years-1', source: 'fa-1', valid: true },
    ])
  })

  it('a featured certificate on the ladder is a certificate too', () => {
    const p = show('s-1')
    expect(p.level).toBe('junior')
    expect(p.certificates.map((c) => [c.level, c.standardId])).toEqual([['junior', 'std-sec']])
    expect(p.featuredCertificates).toEqual([
      { standardId: 'std-sec', level: 'junior', occupation: SECURITY, on: '2026-04-01', onLadder: true, policyId: 'lyg-s', ruleId: 'lyg-s.featured.std-sec.junior.years-1', source: 'fa-2', valid: true },
    ])
  })

  it('a talent with neither prints neither key', () => {
    const p = show('c-1', '--as-of', '2026-02-01')
    expect('seniorPosts' in p || 'featuredCertificates' in p).toBe(false)
  })
})
