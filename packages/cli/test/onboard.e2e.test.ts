// `onboard FILE` with the built CLI on real SQLite files: the same registry rows load alike from UTF-8
// (with and without BOM), GB18030 and .xlsx, under Chinese or English headers or a --map; rows of one
// person fold into one talent, highest level last; bad rows are refused with their line and a
// masked reason while the rest load; a rerun adds nothing and says so.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHINESE_HEADER, EMPLOYERS_JSONL, ENGLISH_HEADER, person, row, writeCsv, writeXlsx } from './onboard-files.js'
import { dropSchemas, pgStoreUrl, uniqueSchemaName } from './pg-test-schemas.js'
import { exportedLog, freshStores, type Exported } from './onboard-ledgers.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
const pgSchema = uniqueSchemaName('tl_cli_onboard')
afterAll(async () => {
  await dropSchemas([pgSchema])
  dir.remove()
})
const freshStore = freshStores(dir.path, 'onboard')
const exported = (store: string): Exported[] => exportedLog(dir.path, store)

type Summary = { type: 'summary'; rowsRead: number; talentsCreated: number; certificatesRecorded: number; alreadyLoaded: number; refused: number; refusedByReason: Record<string, number>; nothingNew: boolean; encoding: string | null; format: string; rejects: string | null }
const summaryOf = (lines: unknown[]): Summary => lines.find((l) => (l as { type: string }).type === 'summary') as Summary

// person 0: three certificates, given highest first; person 1: one; person 2: one, employer named by name
const ROWS = [
  row(0, '三级/高级工', 'C-0-3', '2019-11-20'),
  row(0, '五级/初级工', 'C-0-1', '2012-06-30'),
  row(1, '技师', 'C-1-1', '2021-09-01', { employer: 'steel-co' }),
  row(0, '四级', 'C-0-2', '2015-05-18'),
  row(2, '高级技师', 'C-2-1', '2016-12-05', { employer: '连云港钢铁公司' }),
]

/** Checks the ledger holds ROWS: 3 talents, person 0's certificates lowest first, personal data sealed. */
const expectRowsLoaded = (store: string): void => {
  const events = exported(store)
  const registered = events.filter((e) => e.type === 'TalentRegistered')
  expect(registered).toHaveLength(3)
  const certificates = events.filter((e) => e.type === 'PriorCertificateRecorded')
  expect(certificates.map((e) => e.data['certificateNumber']).sort()).toEqual(['C-0-1', 'C-0-2', 'C-0-3', 'C-1-1', 'C-2-1'])
  const stream0 = certificates.find((e) => e.data['certificateNumber'] === 'C-0-1')!.streamId
  expect(certificates.filter((e) => e.streamId === stream0).map((e) => e.data['level'])).toEqual(['junior', 'intermediate', 'senior'])
  expect(registered.find((e) => e.streamId === certificates.find((c) => c.data['certificateNumber'] === 'C-2-1')!.streamId)!.data['employerId']).toBe('steel-co')
  // 职业(工种) is kept on every certificate, for display
  expect(new Set(certificates.map((e) => e.data['occupationName']))).toEqual(new Set(['港口装卸机械司机']))
  const shown = runCli(['--store', store, 'show', stream0.replace(/^talent-/, '')], { cwd: dir.path })
  expect(shown.code).toBe(0)
  expect((JSON.parse(shown.stdout) as { certificates: Array<{ occupationName?: string }> }).certificates.map((c) => c.occupationName)).toEqual(['港口装卸机械司机', '港口装卸机械司机', '港口装卸机械司机'])
  const log = JSON.stringify(events)
  for (const n of [0, 1, 2]) {
    expect(log).not.toContain(person(n).id)
    expect(log).not.toContain(person(n).name)
  }
  expect(runCli(['--store', store, 'verify'], { cwd: dir.path }).code).toBe(0)
}

describe('onboard reads every supported file form', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['UTF-8 with BOM', 'utf-8-bom'],
    ['GB18030', 'gb18030'],
  ] as const)('%s CSV with Chinese headers', (_label, encoding) => {
    const store = freshStore()
    const file = join(dir.path, `registry-${encoding}.csv`)
    writeCsv(file, CHINESE_HEADER, ROWS, encoding)
    const run = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(summaryOf(run.json())).toMatchObject({ rowsRead: 5, talentsCreated: 3, certificatesRecorded: 5, alreadyLoaded: 0, refused: 0, format: 'csv', encoding: encoding === 'gb18030' ? 'gb18030' : 'utf-8', rejects: null })
    expectRowsLoaded(store)
  })

  it('.xlsx with Chinese headers', async () => {
    const store = freshStore()
    const file = join(dir.path, 'registry.xlsx')
    await writeXlsx(file, CHINESE_HEADER, ROWS)
    const run = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
    expect(run.code).toBe(0)
    expect(summaryOf(run.json())).toMatchObject({ rowsRead: 5, talentsCreated: 3, certificatesRecorded: 5, format: 'xlsx' })
    expectRowsLoaded(store)
  })

  it('.xlsx with date cells, and an ID number stored as a number (its last digits lost) refused with a hint', async () => {
    const store = freshStore()
    const file = join(dir.path, 'registry-typed.xlsx')
    const dated = row(0, '五级', 'X-0-1', '2012-06-30').map((c, i) => (i === 6 ? new Date('2012-06-30T00:00:00Z') : c))
    const numeric = row(1, '四级', 'X-1-1', '2015-01-01').map((c, i) => (i === 1 ? Number(c.replace('X', '')) : c))
    await writeXlsx(file, CHINESE_HEADER, [dated, numeric])
    const run = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
    expect(run.code).toBe(1)
    const lines = run.json() as Array<{ type: string; line?: number; reason?: string; message?: string }>
    expect(lines[0]).toMatchObject({ type: 'refused', line: 3, reason: 'invalid nationalId' })
    expect(lines[0]!.message).toContain('keep the column as text')
    expect(summaryOf(lines)).toMatchObject({ rowsRead: 2, certificatesRecorded: 1, refused: 1 })
    expect(exported(store).find((e) => e.type === 'PriorCertificateRecorded')?.data['issuedOn']).toBe('2012-06-30')
  })

  it('English headers, and a --map for headers of its own', () => {
    const english = freshStore()
    const file = join(dir.path, 'registry-en.csv')
    writeCsv(file, ENGLISH_HEADER, ROWS, 'utf-8')
    expect(runCli(['--store', english, 'onboard', file], { cwd: dir.path }).code).toBe(0)
    expectRowsLoaded(english)

    const mapped = freshStore()
    const own = ['Worker', 'ID card', ...CHINESE_HEADER.slice(2, 5), 'Cert no.', ...CHINESE_HEADER.slice(6)]
    const mappedFile = join(dir.path, 'registry-own.csv')
    writeCsv(mappedFile, own, ROWS, 'utf-8')
    const map = join(dir.path, 'map.json')
    writeFileSync(map, JSON.stringify({ Worker: 'name', 'ID card': 'nationalId', 'Cert no.': 'certificateNumber' }))
    const unmapped = runCli(['--store', mapped, 'onboard', mappedFile], { cwd: dir.path })
    expect(unmapped.code).toBe(2)
    expect(unmapped.stderr).toContain('no column for name, nationalId, certificateNumber')
    expect(runCli(['--store', mapped, 'onboard', mappedFile, '--map', map], { cwd: dir.path }).code).toBe(0)
    expectRowsLoaded(mapped)

    writeFileSync(map, JSON.stringify({ Worker: 'fullName' }))
    const bad = runCli(['--store', mapped, 'onboard', mappedFile, '--map', map], { cwd: dir.path })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('fullName')
  })
})

describe('on PostgreSQL', () => {
  it('loads the same rows, and a rerun adds nothing', () => {
    const store = pgStoreUrl(pgSchema)
    expect(runCli(['--store', store, 'apply', '-'], { cwd: dir.path, input: EMPLOYERS_JSONL }).code).toBe(0)
    const file = join(dir.path, 'registry-pg.csv')
    writeCsv(file, CHINESE_HEADER, ROWS, 'gb18030')
    const first = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
    expect(first.code).toBe(0)
    expect(summaryOf(first.json())).toMatchObject({ rowsRead: 5, talentsCreated: 3, certificatesRecorded: 5 })
    expectRowsLoaded(store)
    const again = runCli(['--store', store, 'onboard', file, '--json'], { cwd: dir.path })
    expect(summaryOf(again.json())).toMatchObject({ talentsCreated: 0, certificatesRecorded: 0, alreadyLoaded: 5, nothingNew: true })
  })
})

describe('bad rows', () => {
  const good = ROWS
  const wrongCheck = row(3, '四级', 'C-3-1', '2020-01-01')
  wrongCheck[1] = wrongCheck[1]!.slice(0, 17) + (wrongCheck[1]!.endsWith('1') ? '2' : '1')
  const bad = [
    wrongCheck, // line 7: check digit
    row(4, '六级', 'C-4-1', '2020-01-01'), // line 8: no such level
    row(5, '四级', '', '2020-01-01'), // line 9: empty certificate number
    row(6, '四级', 'C-6-1', '2020-01-01', { employer: 'no-such-co' }), // line 10: the ledger: employer not registered
    row(7, '四级', 'C-7-1', '2098-01-01'), // line 11: the ledger: a prior certificate is one already issued
  ]
  const file = join(dir.path, 'registry-bad.csv')
  let store = ''
  beforeAll(() => {
    store = freshStore()
    writeCsv(file, CHINESE_HEADER, [...good.slice(0, 5), ...bad], 'utf-8')
  })

  it('are refused with their line and reason, personal data masked, and the rest load', () => {
    const rejects = join(dir.path, 'bad-rejects.csv')
    const run = runCli(['--store', store, 'onboard', file, '--json', '--rejects', rejects], { cwd: dir.path })
    expect(run.code).toBe(1)
    const lines = run.json() as Array<{ type: string; line?: number; reason?: string; message?: string }>
    const refused = lines.filter((l) => l.type === 'refused')
    expect(refused.map((l) => [l.line, l.reason])).toEqual([
      [7, 'invalid nationalId'],
      [8, 'unknown level'],
      [9, 'missing certificateNumber'],
      [10, 'NotFound'],
      [11, 'NotEligible prior-certificate.issued'],
    ])
    expect(refused[0]!.message).toContain(`${wrongCheck[1]!.slice(0, 4)}**********${wrongCheck[1]!.slice(-4)}`)
    expect(summaryOf(lines)).toMatchObject({ rowsRead: 10, talentsCreated: 3, certificatesRecorded: 5, refused: 5, refusedByReason: { 'invalid nationalId': 1, 'unknown level': 1, 'missing certificateNumber': 1, NotFound: 1, 'NotEligible prior-certificate.issued': 1 } })
    for (const n of [3, 4, 5, 6, 7]) {
      expect(run.stdout).not.toContain(person(n).id)
      expect(run.stdout).not.toContain(person(n).name)
    }
    // the rejects file: the original columns (the operator's own data, to fix), then line and reason
    const text = readFileSync(rejects, 'utf8')
    expect(text.startsWith('\uFEFF姓名,证件号码')).toBe(true)
    const rejectLines = text.slice(1).trim().split(/\r?\n/)
    expect(rejectLines[0]).toBe([...CHINESE_HEADER, 'line', 'reason'].join(','))
    expect(rejectLines).toHaveLength(6)
    expect(rejectLines[1]).toContain(`${wrongCheck[1]},`)
    expect(rejectLines[1]).toMatch(/,7,"?invalid nationalId: nationalId 3207\*+\d{3}[\dX]/)
    const records = parse(text, { bom: true }) as string[][]
    expect(records.slice(1).map((r) => r[CHINESE_HEADER.length])).toEqual(['7', '8', '9', '10', '11'])
    for (const r of records.slice(1)) expect(r[CHINESE_HEADER.length + 1]).not.toMatch(/\d{15,}/)
  })

  it('a rerun adds nothing and says so; the bad rows are refused again', () => {
    const before = exported(store).length
    const run = runCli(['--store', store, 'onboard', file], { cwd: dir.path })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('10 rows read, 0 talents created, 0 certificates recorded, 5 already in the ledger, 5 refused')
    expect(run.stdout).toContain('nothing new')
    expect(exported(store).length).toBe(before)
  })
})

describe('arguments', () => {
  it('an unreadable file or a file without the required columns is exit 2 and stores nothing', () => {
    const store = freshStore()
    expect(runCli(['--store', store, 'onboard', join(dir.path, 'missing.csv')], { cwd: dir.path }).code).toBe(2)
    const file = join(dir.path, 'no-columns.csv')
    writeFileSync(file, '甲,乙\r\n1,2\r\n')
    const run = runCli(['--store', store, 'onboard', file], { cwd: dir.path })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no column for name')
    expect(exported(store).filter((e) => e.type === 'TalentRegistered')).toHaveLength(0)
  })

  it('--encoding overrides the guess; an unknown one is exit 2', () => {
    const store = freshStore()
    const file = join(dir.path, 'registry-gbk.csv')
    writeCsv(file, CHINESE_HEADER, ROWS, 'gb18030')
    const run = runCli(['--store', store, 'onboard', file, '--encoding', 'gbk', '--json'], { cwd: dir.path })
    expect(run.code).toBe(0)
    expect(summaryOf(run.json())).toMatchObject({ encoding: 'gbk', certificatesRecorded: 5 })
    expect(runCli(['--store', store, 'onboard', file, '--encoding', 'klingon'], { cwd: dir.path }).code).toBe(2)
  })

  it('a CSV record over 1 MiB stops the run naming its line, without echoing it', () => {
    const store = freshStore()
    const file = join(dir.path, 'registry-huge.csv')
    writeFileSync(file, `${CHINESE_HEADER.join(',')}\r\n${row(0, '五级', 'H-1', '2015-01-01').join(',')}\r\n${'x'.repeat(2 * 1024 * 1024)},1\r\n`)
    const run = runCli(['--store', store, 'onboard', file], { cwd: dir.path })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Max Record Size.*line 3/)
    expect(run.stderr.length).toBeLessThan(500)
  })

  it('the text summary is one line', () => {
    const store = freshStore()
    const file = join(dir.path, 'registry-text.csv')
    writeCsv(file, CHINESE_HEADER, ROWS, 'gb18030')
    const run = runCli(['--store', store, 'onboard', file], { cwd: dir.path })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`onboard ${file}: 5 rows read, 3 talents created, 5 certificates recorded, 0 already in the ledger, 0 refused\n`)
  })
})

describe('the sample of the README quick start (examples/onboarding)', () => {
  const example = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'onboarding')
  it('loads as README.md and docs/onboarding.md say, and again adds nothing', () => {
    const store = `sqlite:${join(dir.path, 'city.db')}`
    expect(runCli(['--store', store, 'apply', join(example, 'organizations.jsonl')], { cwd: dir.path }).code).toBe(0)
    const first = runCli(['--store', store, 'onboard', join(example, 'registry-sample.csv')], { cwd: dir.path })
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('9 rows read, 6 talents created, 8 certificates recorded, 0 already in the ledger, 1 refused (invalid nationalId: 1); rejected rows in registry-sample.rejected.csv')
    const again = runCli(['--store', store, 'onboard', join(example, 'registry-sample.csv')], { cwd: dir.path })
    expect(again.stdout).toContain('0 talents created, 0 certificates recorded, 8 already in the ledger')
    expect(again.stdout).toContain('nothing new')
    for (const page of ['README.md', 'docs/onboarding.md']) expect(readFileSync(join(example, '..', '..', page), 'utf8')).toContain('9 rows read, 6 talents created, 8 certificates recorded, 0 already in the ledger,')
  })
})

describe('show --national-id: an onboarded person found by ID number', () => {
  it('shows the talent onboarding made for the ID number (given, or on stdin), and NotFound for one not onboarded, masked', () => {
    const store = freshStore()
    const nobodyYet = runCli(['--store', store, 'show', '--national-id', person(0).id], { cwd: dir.path })
    expect(nobodyYet.code).toBe(1)
    expect(nobodyYet.stdout).toContain('"code":"NotFound"')
    expect(nobodyYet.stdout).not.toContain(person(0).id)
    const file = join(dir.path, 'registry-lookup.csv')
    writeCsv(file, CHINESE_HEADER, ROWS, 'utf-8')
    expect(runCli(['--store', store, 'onboard', file], { cwd: dir.path }).code).toBe(0)
    const byArgument = runCli(['--store', store, 'show', '--national-id', person(0).id.toLowerCase()], { cwd: dir.path })
    expect(byArgument.code).toBe(0)
    const profile = JSON.parse(byArgument.stdout) as { talentId: string; name: string; level: string }
    expect(profile).toMatchObject({ name: person(0).name, level: 'senior' })
    const byStdin = runCli(['--store', store, 'show', '--national-id', '-'], { cwd: dir.path, input: `${person(0).id}\n` })
    expect(JSON.parse(byStdin.stdout)).toEqual(profile)
    expect(JSON.parse(runCli(['--store', store, 'show', profile.talentId], { cwd: dir.path }).stdout)).toEqual(profile)
    const stranger = runCli(['--store', store, 'show', '--national-id', person(9).id], { cwd: dir.path })
    expect(stranger.code).toBe(1)
    expect(stranger.stdout).toContain('"code":"NotFound"')
    expect(stranger.stdout).not.toContain(person(9).id)
  })

  it('a talent id and --national-id together, neither, or an ID number with a wrong check digit: exit 2, the number masked', () => {
    const store = freshStore()
    expect(runCli(['--store', store, 'show', 't-1', '--national-id', person(0).id], { cwd: dir.path }).code).toBe(2)
    expect(runCli(['--store', store, 'show'], { cwd: dir.path }).code).toBe(2)
    const bad = person(0).id.slice(0, 17) + (person(0).id.endsWith('1') ? '2' : '1')
    const wrong = runCli(['--store', store, 'show', '--national-id', bad], { cwd: dir.path })
    expect(wrong.code).toBe(2)
    expect(wrong.stderr + wrong.stdout).not.toContain(bad)
  })
})
