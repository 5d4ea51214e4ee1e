// Principal and chief technicians through the CLI (DOMAIN.md §12): the worked example 12-b applied to a
// SQLite store — a city policy with three-year terms and quotas, the quota set by the bureau, the
// first appointment accepted and the second refused on the quota, the renewal — then `report --json`
// showing `seniorPosts` as of two dates, `verify` intact over both streams, and `schema` listing the
// new commands.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultPolicyDocument } from '@talent-ledger/core'
import { bureau, employer, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const store = `sqlite:${join(dir.path, 'posts.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

const prior = (talentId: string) => ({
  type: 'RecordPriorCertificate',
  actor: bureau,
  data: { talentId, certificateNumber: `GJ-${talentId}`, level: 'senior-technician', occupation: '6-18-02-04', issuedOn: '2024-06-30', issuer: '江苏省职业技能鉴定中心' },
})
const appoint = (talentId: string, on: string) => ({ type: 'AppointSeniorPost', actor: employer, data: { talentId, level: 'principal-technician', employerId: 'port-co', on } })

describe('senior posts (DOMAIN.md §12) through the CLI', () => {
  it('12-b: appointed, refused on the quota, renewed; the report counts the post against the quota', () => {
    const lines = [
      registerEmployer,
      { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-t2', effectiveFrom: '2027-01-01', document: { ...defaultPolicyDocument, appointment: { termYears: { 'principal-technician': 3, 'chief-technician': 3 }, quotaRequired: true } } } },
      registerTalent('c-1'),
      prior('c-1'),
      registerTalent('c-2', '李雷'),
      prior('c-2'),
      appoint('c-1', '2027-01-02'),
      { type: 'SetSeniorPostQuota', actor: bureau, data: { organizationId: 'port-co', level: 'principal-technician', posts: 1, on: '2027-01-01' } },
      appoint('c-1', '2027-01-02'),
      appoint('c-2', '2027-02-01'),
      { type: 'RenewSeniorPost', actor: employer, data: { talentId: 'c-1', level: 'principal-technician', employerId: 'port-co', on: '2029-12-01' } },
    ]
    const run = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(...lines) })
    expect(run.stderr).toBe('')
    expect(run.code, 'two lines are refused').toBe(1)
    const results = run.json() as Array<{ ok: boolean; events?: string[]; error?: { code: string; details: Array<{ rule?: string; field?: string }> } }>
    // before the quota was set: unset (named), nothing stored
    expect(results[6]).toMatchObject({ ok: false, error: { code: 'PolicyValueUnset', details: [{ rule: 'lyg-t2.appointment.quota', field: 'org-port-co.seniorPostQuota.principal-technician' }] } })
    expect(results[8]).toMatchObject({ ok: true, events: ['SeniorPostAppointed', 'LevelCertified'] })
    expect(results[9]).toMatchObject({ ok: false, error: { code: 'NotEligible', details: [{ rule: 'lyg-t2.appointment.quota' }] } })
    expect(results[10]).toMatchObject({ ok: true, events: ['SeniorPostRenewed'] })

    const report = (asOf: string) => (cli('report', '--json', '--as-of', asOf).json() as Array<{ seniorPosts: unknown }>)[0]!.seniorPosts
    expect(report('2026-12-31')).toEqual([])
    expect(report('2031-06-30')).toEqual([{ employerId: 'port-co', level: 'principal-technician', inForce: 1, quota: 1 }])
    expect(report('2033-01-02')).toEqual([{ employerId: 'port-co', level: 'principal-technician', inForce: 0, quota: 1 }])
    // the text and HTML reports show the same row
    const text = cli('report', '--as-of', '2031-06-30').stdout
    expect(text).toMatch(/Senior posts in force on the report date/)
    expect(text).toMatch(/port-co\s+principal-technician\s+1\s+1\n/)
    const page = join(dir.path, 'posts.html')
    expect(cli('report', '--html', page, '--as-of', '2031-06-30').code).toBe(0)
    expect(readFileSync(page, 'utf8')).toContain('<tr class="senior-post" data-employer="port-co" data-level="principal-technician"><th scope="row">port-co</th><td>principal-technician</td><td class="num" data-in-force="1">1</td><td class="num" data-quota="1">1</td></tr>')

    const verified = cli('verify')
    expect([verified.code, verified.stderr]).toEqual([0, ''])
    const show = cli('show', 'c-1').json() as Array<{ level: string }>
    expect(show[0]!.level).toBe('principal-technician')
  })

  it('schema lists the new commands', () => {
    const run = runCli(['schema'], { cwd: dir.path })
    const titles = (JSON.parse(run.stdout) as { oneOf: Array<{ title: string }> }).oneOf.map((s) => s.title)
    expect(titles).toEqual(expect.arrayContaining(['SetSeniorPostQuota', 'RenewSeniorPost', 'EndSeniorPost']))
    const end = JSON.parse(runCli(['schema', 'EndSeniorPost'], { cwd: dir.path }).stdout) as { properties: { data: { required: string[] } } }
    expect(end.properties.data.required).toEqual(['talentId', 'level', 'on', 'reason'])
  })
})
