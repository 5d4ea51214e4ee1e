// `report` and money (DOMAIN.md §16): benefit figures by kind, year and district in `--json`, the
// "Benefits" section of the text report and the benefits table of the HTML page tell the same
// figures, as of the report date, with the amount flagged after a revocation.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'money.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Row { readonly benefit: string; readonly year: number; readonly district: string; readonly grants: number; readonly amount: number; readonly flaggedAmount: number }
interface Figures { readonly benefits: Row[]; readonly benefitTotals: Record<string, number> }

const inDistrict = (talentId: string, district: string) => {
  const c = registerTalent(talentId)
  return { ...c, data: { ...c.data, district } }
}
const upgrade = (talentId: string, on: string) => ({
  type: 'GrantBenefit',
  actor: bureau,
  data: { talentId, benefit: 'skill-upgrade-subsidy', level: 'intermediate', insuredMonths: 128, on },
})

beforeAll(() => {
  const input = jsonl(
    registerEmployer,
    inDistrict('t-1', '海州区'),
    inDistrict('t-2', '赣榆区'),
    assess('t-1', 'a-1', 'intermediate', '2026-03-01'),
    upgrade('t-1', '2026-07-01'),
    assess('t-2', 'a-2', 'intermediate', '2027-02-01'),
    upgrade('t-2', '2027-05-01'),
    { type: 'RevokeCertificate', actor: bureau, data: { talentId: 't-1', level: 'intermediate', reason: 'forged papers', on: '2027-06-01' } },
  )
  const applied = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input })
  expect(applied.code).toBe(0)
})
afterAll(() => dir.remove())

const json = (asOf: string): Figures => cli('report', '--json', '--as-of', asOf).json()[0] as Figures

/** Rows of the text report's Benefits section, amounts read back from 元 into fen. */
const textRows = (asOf: string): Array<[string, number, string, number, number, number]> => {
  const lines = cli('report', '--as-of', asOf).stdout.split('\n')
  const start = lines.indexOf('Benefits (元; flagged: after a revocation)')
  expect(start).toBeGreaterThan(0)
  const fen = (yuan: string) => Math.round(Number(yuan.replace(/元$/, '')) * 100)
  const rows = []
  for (const line of lines.slice(start + 2)) {
    const m = /^ {2}(\S+) +(\d{4}) +(\S+) +(\d+) +([\d.]+元) +([\d.]+元)$/.exec(line)
    if (m === null) break
    rows.push([m[1]!, Number(m[2]), m[3]!, Number(m[4]), fen(m[5]!), fen(m[6]!)] as [string, number, string, number, number, number])
  }
  return rows
}

/** Rows of the HTML page's benefits table, from its data attributes. */
const htmlRows = (asOf: string): Array<[string, number, string, number, number, number]> => {
  const file = join(dir.path, `page-${asOf}.html`)
  expect(cli('report', '--html', file, '--as-of', asOf).code).toBe(0)
  const html = readFileSync(file, 'utf8')
  return [...html.matchAll(/<tr class="benefit" data-benefit="([^"]+)" data-year="(\d+)" data-district="([^"]+)">.*?data-grants="(\d+)".*?data-fen="(\d+)".*?data-fen="(\d+)"/g)].map(
    (m) => [m[1]!, Number(m[2]), m[3]!, Number(m[4]), Number(m[5]), Number(m[6])],
  )
}

const asTuples = (f: Figures) => f.benefits.map((r) => [r.benefit, r.year, r.district, r.grants, r.amount, r.flaggedAmount])

describe('talent-ledger report: benefits', () => {
  it('as of 2026-12-31: the 海州区 grant only, nothing flagged yet', () => {
    const f = json('2026-12-31')
    expect(f.benefits).toHaveLength(1)
    expect(f.benefits[0]).toMatchObject({ benefit: 'skill-upgrade-subsidy', year: 2026, district: '海州区', grants: 1, flaggedAmount: 0 })
    expect(f.benefits[0]!.amount).toBeGreaterThan(0)
    expect(f.benefitTotals).toEqual({ 'skill-upgrade-subsidy': f.benefits[0]!.amount })
  })

  it('as of 2027-12-31: both districts, and the 海州区 grant flagged after the revocation', () => {
    const f = json('2027-12-31')
    const amount = json('2026-12-31').benefits[0]!.amount
    expect(f.benefits).toEqual([
      { benefit: 'skill-upgrade-subsidy', year: 2026, district: '海州区', grants: 1, amount, flaggedAmount: amount },
      { benefit: 'skill-upgrade-subsidy', year: 2027, district: '赣榆区', grants: 1, amount: expect.any(Number), flaggedAmount: 0 },
    ])
    expect(f.benefitTotals['skill-upgrade-subsidy']).toBe(f.benefits[0]!.amount + f.benefits[1]!.amount)
  })

  it.each(['2026-12-31', '2027-05-31', '2027-12-31'])('as of %s, --json, the text report and the HTML page agree', (asOf) => {
    const expected = asTuples(json(asOf))
    expect(textRows(asOf)).toEqual(expected)
    expect(htmlRows(asOf)).toEqual(expected)
    // the totals chart's table beside it: one row per kind, the same fen as benefitTotals
    const html = readFileSync(join(dir.path, `page-${asOf}.html`), 'utf8')
    const totals = [...html.matchAll(/<tr data-benefit="([^"]+)"><th scope="row">[^<]*<\/th><td class="num" data-fen="(\d+)">/g)].map((m) => [m[1], Number(m[2])])
    expect(Object.fromEntries(totals)).toEqual(json(asOf).benefitTotals)
    expect(html).toContain('<table id="benefit-totals-table" class="chart-table">\n<caption>')
  })

  it('prints no Benefits section before the first grant', () => {
    expect(cli('report', '--as-of', '2026-06-30').stdout).not.toContain('Benefits')
    expect(json('2026-06-30')).toMatchObject({ benefits: [], benefitTotals: {} })
  })
})
