// Honours through the CLI (DOMAIN.md §14, §16): a municipal first place confers 连云港技能状元 with
// its promotion (14-a), the bureau confers a catalogued medal and reports its whole list, and
// `report` tells the high-skilled share of the list the same way in `--json`, text and HTML (14-b).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess, bureau, jsonl, registerEmployer, registerTalent } from './fixtures.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const store = `sqlite:${join(dir.path, 'honours.db')}`
const cli = (...args: string[]) => runCli(['--store', store, ...args], { cwd: dir.path })

interface Result { readonly ok: boolean; readonly events?: string[]; readonly error?: { code: string; details: { rule?: string }[] } }
const compete = (talentId: string, competitionId: string, rank: number, on: string) => ({ type: 'RecordCompetitionResult', actor: bureau, data: { talentId, competitionId, tier: 'municipal', rank, on } })
const medal = (talentId: string) => ({ type: 'ConferHonor', actor: bureau, data: { talentId, honourId: 'jiangsu-may-day-medal', on: '2027-05-28' } })
const list = (recipients: number) => ({ type: 'ReportHonourList', actor: bureau, data: { honourId: 'jiangsu-may-day-medal', year: 2027, recipients } })

let results: Result[] = []
beforeAll(() => {
  const input = jsonl(
    registerEmployer,
    registerTalent('e-1'),
    registerTalent('e-2', '李强'),
    assess('e-1', 'a-1', 'intermediate', '2026-03-01'),
    assess('e-2', 'a-2', 'intermediate', '2026-03-01'),
    compete('e-1', 'lyg-3-2027', 1, '2027-05-01'),
    compete('e-1', 'lyg-4-2027', 2, '2027-10-01'),
    medal('e-1'),
    medal('e-2'),
    list(4),
    // refused: outside the catalogue, the same honour again this year, the same list figure again
    { type: 'ConferHonor', actor: bureau, data: { talentId: 'e-2', honourId: 'no-such-honour', on: '2027-06-01' } },
    { ...medal('e-2'), data: { ...medal('e-2').data, on: '2027-09-01' } },
    list(4),
  )
  results = runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input }).json() as Result[]
})
afterAll(() => dir.remove())

describe('talent-ledger apply: honours', () => {
  it('14-a: a municipal first place promotes and confers 连云港技能状元; a second place confers 技术能手 without a promotion', () => {
    expect(results[5]).toMatchObject({ ok: true, events: ['CompetitionResultRecorded', 'LevelCertified', 'HonorConferred', 'TalentPoolEntered'] })
    expect(results[6]).toMatchObject({ ok: true, events: ['CompetitionResultRecorded', 'HonorConferred'] })
    const honours = (cli('show', 'e-1').json()[0] as { honours: unknown[] }).honours
    expect(honours).toEqual([
      { title: '连云港技能状元', grade: 'municipal', on: '2027-05-01', honourId: 'lyg-skill-champion', kind: 'skill-champion', source: 'lyg-3-2027', policyId: 'national-2018' },
      { title: '技术能手', grade: 'municipal', on: '2027-10-01', honourId: 'lyg-technical-expert', kind: 'technical-expert', source: 'lyg-4-2027', policyId: 'national-2018' },
      { title: '江苏省五一劳动奖章', grade: 'provincial', on: '2027-05-28', honourId: 'jiangsu-may-day-medal', kind: 'may-day-medal', source: null, policyId: 'national-2018' },
    ])
  })

  it('the refusals name their rule and store nothing', () => {
    expect(results.slice(7, 10).every((r) => r.ok)).toBe(true)
    expect(results[10]).toMatchObject({ ok: false, error: { code: 'NotFound', details: [{ rule: 'honour.in-catalogue' }] } })
    expect(results[11]).toMatchObject({ ok: false, error: { code: 'Duplicate', details: [{ rule: 'honour.once-a-year' }] } })
    expect(results[12]).toMatchObject({ ok: false, error: { code: 'Duplicate', details: [{ rule: 'honour.list-reported' }] } })
    expect(cli('verify').code).toBe(0)
  })
})

describe('talent-ledger report: honours', () => {
  const json = (asOf: string) => cli('report', '--json', '--as-of', asOf).json()[0] as { honours: unknown[]; honourShares: unknown }

  it('14-b as of 2027-12-31: {reported:4, inLedger:2, highSkilled:1, highSkilledSharePercent:25}; the prize titles have no list', () => {
    const r = json('2027-12-31')
    expect(r.honours).toEqual([
      { honourId: 'jiangsu-may-day-medal', grade: 'provincial', year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 },
      { honourId: 'lyg-skill-champion', grade: 'municipal', year: 2027, reported: null, inLedger: 1, highSkilled: 1, highSkilledSharePercent: null },
      { honourId: 'lyg-technical-expert', grade: 'municipal', year: 2027, reported: null, inLedger: 1, highSkilled: 1, highSkilledSharePercent: null },
    ])
    expect(r.honourShares).toEqual({
      target: null,
      met: null,
      byGrade: [{ grade: 'provincial', year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 }],
      overall: [{ year: 2027, reported: 4, inLedger: 2, highSkilled: 1, highSkilledSharePercent: 25 }],
    })
  })

  it('as of 2026-12-31 there is nothing to show: the text report has no Honours section', () => {
    expect(json('2026-12-31').honours).toEqual([])
    expect(cli('report', '--as-of', '2026-12-31').stdout).not.toContain('Honours')
  })

  it('the text report and the HTML page tell the same figures', () => {
    const text = cli('report', '--as-of', '2027-12-31').stdout
    expect(text).toContain('Honours (high-skilled share of each reported list)')
    expect(text).toMatch(/jiangsu-may-day-medal +provincial +2027 +4 +2 +1 +25 %/)
    expect(text).toContain('target unset')
    const file = join(dir.path, 'page.html')
    expect(cli('report', '--html', file, '--as-of', '2027-12-31').code).toBe(0)
    const html = readFileSync(file, 'utf8')
    expect(html).toMatch(/<tr class="honour" data-honour="jiangsu-may-day-medal" data-year="2027">.*data-reported="4".*data-in-ledger="2".*data-high-skilled="1".*data-share="25"/)
    expect(html).toContain('id="honours-target" data-target="" data-met=""')
  })
})
