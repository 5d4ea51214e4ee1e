// `show`: a talent's profile as JSON, explained by policy and rule, read as of a business date and
// as known at a record time; NotFound (exit 1) for an unknown talent, exit 2 for a bad date.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'show.db')}`
let between = ''

interface Profile {
  readonly talentId: string
  readonly name: string | null
  readonly level: string | null
  readonly highSkilled: boolean
  readonly certificates: ReadonlyArray<{ level: string; route: string; on: string; policyId: string; ruleId: string }>
  readonly trainings: unknown[]
  readonly competitions: unknown[]
  readonly honours: unknown[]
  readonly benefits: unknown[]
}

const show = (...args: string[]) => runCli(['--store', store, 'show', ...args], { cwd: dir.path })
const profileOf = (...args: string[]): Profile => {
  const run = show(...args)
  expect(run.code).toBe(0)
  return run.json()[0] as Profile
}

beforeAll(async () => {
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(registerEmployer, registerTalent('t-42', '李强'), assess('t-42', 'a-1', 'intermediate', '2026-03-01')) }).code).toBe(0)
  await new Promise((resolve) => setTimeout(resolve, 20))
  between = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: jsonl(assess('t-42', 'a-2', 'senior', '2026-04-01')) }).code).toBe(0)
})
afterAll(() => dir.remove())

describe('talent-ledger show', () => {
  it('prints the profile with the policy and rule behind every certificate', () => {
    const p = profileOf('t-42')
    expect(p).toMatchObject({ talentId: 't-42', name: '李强', level: 'senior', highSkilled: true, trainings: [], competitions: [], honours: [], benefits: [] })
    expect(p.certificates.map((c) => [c.level, c.route, c.on])).toEqual([
      ['intermediate', 'skill-level-recognition', '2026-03-01'],
      ['senior', 'skill-level-recognition', '2026-04-01'],
    ])
    for (const c of p.certificates) {
      expect(c.policyId).toBe('national-2018')
      expect(c.ruleId).toMatch(new RegExp(`^national-2018\\.${c.level}\\.`))
    }
  })

  it('indents the profile with --pretty, the same JSON as the one line', () => {
    const run = show('t-42', '--pretty')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').length).toBeGreaterThan(10)
    expect(run.stdout).toContain('\n  "talentId": "t-42",\n')
    expect(JSON.parse(run.stdout)).toEqual(profileOf('t-42'))
  })

  it('reads as of a business date', () => {
    expect(profileOf('t-42', '--as-of', '2026-03-15')).toMatchObject({ level: 'intermediate', highSkilled: false })
    expect(profileOf('t-42', '--as-of', '2026-03-15').certificates).toHaveLength(1)
  })

  it('reads as the ledger knew it at a record time', () => {
    expect(profileOf('t-42', '--known-at', between)).toMatchObject({ level: 'intermediate' })
    expect(profileOf('t-42', '--known-at', new Date().toISOString())).toMatchObject({ level: 'senior' })
  })

  it('answers NotFound with exit 1 for a talent unknown (or not yet registered on the date)', () => {
    for (const args of [['t-404'], ['t-42', '--as-of', '2026-01-04']]) {
      const run = show(...args)
      expect(run.code).toBe(1)
      expect(run.json()).toEqual([{ ok: false, error: { code: 'NotFound', message: expect.stringContaining(args[0]!), details: [] } }])
    }
  })

  it.each([
    ['--as-of', '2026-02-30'],
    ['--as-of', 'yesterday'],
    ['--known-at', '2026-03-01 10:00'],
  ])('exits 2 for %s %s', (flag, value) => {
    const run = show('t-42', flag, value)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual([`talent-ledger: ${flag} "${value}" ${flag === '--as-of' ? 'is not a calendar date (YYYY-MM-DD)' : 'is not an ISO 8601 UTC timestamp (e.g. 2026-05-01T10:00:00Z)'}`])
  })

  it('exits 2 when there is no ledger at the path', () => {
    const run = runCli(['--store', `sqlite:${join(dir.path, 'nothing.db')}`, 'show', 't-42'], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no ledger at .*nothing\.db/)
  })
})
