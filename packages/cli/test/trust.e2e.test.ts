// Dates, identity and who may act (DOMAIN.md §8, §17), through the binary on SQLite and on
// PostgreSQL: the worked examples 17-a, 17-b (with --max-future-days 0) and 17-c, the official
// accounts of --officials / TALENT_LEDGER_OFFICIALS, and actor ids. Each PostgreSQL run uses a schema
// of its own at 127.0.0.1:5432, dropped afterwards; an unreachable server fails the test.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addDays, defaultPolicyDocument, nationalIdCheckChar, recordDateOf } from '@talent-ledger/core'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'
import { PG_SERVER as SERVER, dropSchemas } from './pg-test-schemas.js'

const prefix = `tl_trust_${Math.random().toString(36).slice(2, 10)}`
const schemas: string[] = []
const dir = tempDir()
let n = 0

/** A fresh store of the kind: a new SQLite file, or a new PostgreSQL schema. */
const freshStore = (kind: 'sqlite' | 'postgres'): string => {
  n += 1
  if (kind === 'sqlite') return `sqlite:${join(dir.path, `trust-${n}.db`)}`
  schemas.push(`${prefix}_${n}`)
  return `${SERVER}?schema=${prefix}_${n}`
}

afterAll(async () => {
  await dropSchemas(schemas)
  dir.remove()
})

interface Result {
  readonly ok: boolean
  readonly events?: string[]
  readonly error?: { readonly code: string; readonly message: string; readonly details: ReadonlyArray<{ readonly rule?: string; readonly field?: string }> }
}
const apply = (store: string, lines: ReadonlyArray<unknown>, ...options: string[]) => {
  const run = runCli(['--store', store, ...options, 'apply', '-'], { cwd: dir.path, input: jsonl(...lines) })
  return { code: run.code, stderr: run.stderr, results: run.json() as Result[] }
}
/** `ok`, or the code and the rules of the refusal. */
const outcome = (r: Result): string => (r.ok ? 'ok' : `${r.error!.code} ${r.error!.details.flatMap((d) => (d.rule === undefined ? [] : [d.rule])).join(',')}`.trim())

const bornTalent = (talentId: string, nationalId: string, birthDate: string, occupationSince = '2016-07-01') => {
  const c = registerTalent(talentId)
  return { ...c, data: { ...c.data, nationalId, birthDate, occupationSince } }
}
const employerOrg = (id: string) => ({ ...registerEmployer, data: { ...registerEmployer.data, organizationId: id, name: `单位 ${id}` } })
const BORN_1985 = `32070619850101001${nationalIdCheckChar('32070619850101001')}`
const as = (id: string) => ({ id, role: 'employer' })

describe.each(['sqlite', 'postgres'] as const)('talent-ledger on %s', (kind) => {
  it('17-a: region and birth date of the ID, and the legal working age', () => {
    const { code, results } = apply(freshStore(kind), [
      registerEmployer,
      bornTalent('a-1', '320706199001010019', '1990-01-01'),
      bornTalent('a-2', '320706199001010019', '1990-01-02'),
      bornTalent('a-3', '990706199001010013', '1990-01-01'),
      bornTalent('a-4', '320706199002300018', '1990-01-01'),
      bornTalent('a-5', '000000000000000001', '1990-01-01'),
      bornTalent('a-6', BORN_1985, '1985-01-01', '2000-06-01'),
      bornTalent('a-7', BORN_1985, '1985-01-01', '2001-01-01'),
    ])
    expect(results.map(outcome)).toEqual([
      'ok',
      'ok',
      'Malformed id.birth-date',
      'Malformed id.region',
      'Malformed id.birth-date',
      'Malformed id.region,id.birth-date',
      'NotEligible talent.working-age',
      'ok',
    ])
    expect(code).toBe(1)
    // the refusals never quote the ID number or the birth date
    expect(JSON.stringify(results)).not.toMatch(/320706199001010019|990706199001010013|1990-01-02/)
  })

  it('17-b: --max-future-days 0 refuses a business date after the record date (UTC+8), not a plan date; without it only the window holds', () => {
    const store = freshStore(kind)
    expect(apply(store, [registerEmployer, registerTalent('t-1')]).code).toBe(0)
    const recordDate = recordDateOf(new Date().toISOString())
    const ahead = addDays(recordDate, 2)
    const policy = { type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-next', effectiveFrom: addDays(recordDate, 30), document: defaultPolicyDocument } }
    const strict = apply(store, [assess('t-1', 'as-1', 'junior', ahead), policy], '--max-future-days', '0')
    expect(strict.results.map(outcome)).toEqual(['NotEligible dates.not-after-record-date', 'ok'])
    const open = apply(store, [assess('t-1', 'as-1', 'junior', ahead), assess('t-1', 'as-2', 'intermediate', '2100-01-01')])
    expect(open.results.map(outcome)).toEqual(['ok', 'Malformed dates.window'])
  })

  it('--max-future-days must be a whole number: exit 2', () => {
    const run = runCli(['--store', freshStore(kind), '--max-future-days', '-1', 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) })
    expect(run.code).toBe(2)
  })

  it('17-c: a new employer claims a talent only after the current one released it, and not before the release date', () => {
    const store = freshStore(kind)
    const t2 = { ...registerTalent('t-2'), actor: bureau, data: { ...registerTalent('t-2').data, employerId: 'org-1' } }
    const claim = (on: string) => ({ type: 'ChangeEmployer', actor: as('org-2'), data: { talentId: 't-2', employerId: 'org-2', on } })
    const { results } = apply(store, [
      employerOrg('org-1'),
      employerOrg('org-2'),
      t2,
      claim('2027-01-15'),
      { type: 'ReleaseTalent', actor: as('org-1'), data: { talentId: 't-2', on: '2027-01-10', reason: '合同到期' } },
      claim('2027-01-05'),
      claim('2027-01-15'),
      { type: 'ReleaseTalent', actor: as('org-1'), data: { talentId: 't-2', on: '2027-01-20' } },
    ])
    expect(results.map(outcome)).toEqual([
      'ok',
      'ok',
      'ok',
      'Unauthorized employer-change.release-required',
      'ok',
      'NotEligible employer-change.after-release',
      'ok',
      'Unauthorized release.current-employer',
    ])
    expect(results[4]!.events).toEqual(['TalentReleased'])
    expect(results[6]!.events).toEqual(['EmployerChanged'])
    const shown = runCli(['--store', store, 'show', 't-2'], { cwd: dir.path })
    expect(shown.code, shown.stderr).toBe(0)
    expect((shown.json()[0] as { employerId: string }).employerId).toBe('org-2')
  })

  it('--officials FILE (or TALENT_LEDGER_OFFICIALS) restricts the hr-bureau to its ids; without it any id acts as before', () => {
    const file = join(dir.path, 'officials.json')
    writeFileSync(file, JSON.stringify({ 'hr-bureau': ['hrss-zhang'], auditor: ['audit-1'] }))
    const anyone = { ...registerEmployer, actor: { id: 'anyone-at-all', role: 'hr-bureau' } }
    const official = { ...employerOrg('org-9'), actor: { id: 'hrss-zhang', role: 'hr-bureau' } }
    const store = freshStore(kind)
    expect(apply(store, [anyone, official], '--officials', file).results.map(outcome)).toEqual(['Unauthorized actor.official', 'ok'])
    process.env['TALENT_LEDGER_OFFICIALS'] = file
    try {
      expect(apply(store, [anyone]).results.map(outcome)).toEqual(['Unauthorized actor.official'])
    } finally {
      delete process.env['TALENT_LEDGER_OFFICIALS']
    }
    expect(apply(store, [anyone]).results.map(outcome)).toEqual(['ok'])
  })

  it('an officials file that is not the documented shape: exit 2, nothing applied', () => {
    const file = join(dir.path, 'bad-officials.json')
    writeFileSync(file, JSON.stringify({ mayor: ['x'] }))
    const run = runCli(['--store', freshStore(kind), '--officials', file, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer) })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('unknown role mayor')
  })

  it('actor ids must be non-empty, trimmed and printable; an organisation role needs a registered organisation of that kind', () => {
    const { results } = apply(freshStore(kind), [
      { ...registerEmployer, actor: { id: '', role: 'hr-bureau' } },
      { ...registerEmployer, actor: { id: ' hr-bureau', role: 'hr-bureau' } },
      registerEmployer,
      { ...registerTalent('t-1'), actor: { id: 'port-co', role: 'training-provider' } },
      { ...registerTalent('t-1'), actor: { id: 'nobody', role: 'employer' } },
    ])
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error!.code} ${r.error!.details[0]?.field ?? r.error!.message}`))).toEqual([
      'Malformed actor.id',
      'Malformed actor.id',
      'ok',
      'Unauthorized port-co is registered as kind employer, not training-provider: it may not act in that role',
      'Unauthorized nobody is not a registered organisation: the role employer is for organisations registered as such',
    ])
  })
})
