// `report`: the city dashboard as JSON (the contract's fields and target ids) or as a text table;
// `--as-of` defaults to today (UTC) and must be a real date.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'report.db')}`
const report = (...args: string[]) => runCli(['--store', store, 'report', ...args], { cwd: dir.path })

beforeAll(() => {
  const input = jsonl(registerEmployer, registerTalent('t-1'), assess('t-1', 'a-1', 'intermediate', '2026-03-01'), assess('t-1', 'a-2', 'senior', '2026-04-01'), registerTalent('t-2'))
  expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).code).toBe(0)
})
afterAll(() => dir.remove())

describe('talent-ledger report', () => {
  it('prints the dashboard as JSON with every target of the contract', () => {
    const run = report('--json', '--as-of', '2026-12-31')
    expect(run.code).toBe(0)
    const out = run.json()
    expect(out).toHaveLength(1)
    const r = out[0] as { targets: Array<{ id: string; target: number; actual: number | null; met: boolean }> }
    expect(r).toMatchObject({ asOf: '2026-12-31', newHighSkilled: 1, highSkilledTotal: 1, skilledTotal: 1, employedPersons: null, carriers: 0 })
    expect(r.targets.map((t) => t.id)).toEqual(['new-high-skilled-2030', 'skilled-share', 'high-skilled-share', 'high-skilled-2035', 'carriers'])
    for (const t of r.targets) expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'target', 'actual', 'met']))
  })

  it('reports as of a date: before the senior certificate, nobody is high-skilled', () => {
    expect(report('--json', '--as-of', '2026-03-15').json()[0]).toMatchObject({ highSkilledTotal: 0, skilledTotal: 1 })
  })

  it('defaults --as-of to today (UTC)', () => {
    const before = new Date().toISOString().slice(0, 10)
    const asOf = (report('--json').json()[0] as { asOf: string }).asOf
    expect([before, new Date().toISOString().slice(0, 10)]).toContain(asOf)
  })

  it('prints a readable table without --json', () => {
    const run = report('--as-of', '2026-12-31')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^City dashboard as of 2026-12-31 \(policy national-2018\)\n/)
    expect(run.stdout).toMatch(/new-high-skilled-2030 +target +80,000 +actual +1\n/)
    expect(run.stdout).toContain('Levels by district')
  })

  it.each([
    [['--as-of', '2026-13-01'], /--as-of "2026-13-01" is not a calendar date/],
    [['--json', '--html', 'report.html'], /--json or --html FILE, not both/],
  ])('exits 2 with one line on stderr for %j', (args, message) => {
    const run = report(...args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })
})
