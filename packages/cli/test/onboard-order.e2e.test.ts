// `onboard FILE` with the built CLI when the rows of one person lie far apart in the file (more than a
// batch between them): the person still becomes one talent registered from the highest-level row,
// with the certificates recorded lowest level first and the highest last, in CSV and .xlsx alike;
// a refused row keeps its own line; a rerun adds nothing; stdin (read only once) is refused.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CHINESE_HEADER, person, row, writeCsv, writeXlsx } from './onboard-files.js'
import { exportedLog, freshStores, type Exported } from './onboard-ledgers.js'
import { runCli, tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())
const freshStore = freshStores(dir.path, 'order')
const exported = (store: string): Exported[] => exportedLog(dir.path, store)

/** `n` one-row people from person `from` on: rows that push a person's next row past the batch. */
const filler = (from: number, n: number): string[][] => Array.from({ length: n }, (_, i) => row(from + i, '五级', `F-${from + i}`, '2018-04-02'))

// person 0: the highest level (senior, the only row naming another occupation and employer) on line 2,
// the junior 700 rows later, an unreadable level and the intermediate further on still;
// person 1: technician first, junior 1,000 rows later; everyone else one row
const senior = row(0, '三级', 'P-0-3', '2019-11-20', { employer: 'steel-co' })
senior[2] = '6-17-01-02'
const ROWS = [
  senior, // line 2
  row(1, '技师', 'P-1-4', '2021-09-01'), // line 3
  ...filler(10, 700), // lines 4–703
  row(0, '五级', 'P-0-1', '2012-06-30'), // line 704
  ...filler(710, 300), // lines 705–1004
  row(1, '五级', 'P-1-1', '2011-03-01'), // line 1005
  row(0, '六级', 'P-0-x', '2014-01-01'), // line 1006: no such level, refused with this line
  ...filler(1010, 300), // lines 1007–1306
  row(0, '四级', 'P-0-2', '2015-05-18'), // line 1307
]
const PEOPLE = 2 + 700 + 300 + 300

/** Checks the far-apart people: registered once from their highest row, certificates lowest level first. */
const expectPersonOrder = (store: string): void => {
  const events = exported(store)
  const certificates = events.filter((e) => e.type === 'PriorCertificateRecorded')
  const streamOf = (certificateNumber: string): string => certificates.find((e) => e.data['certificateNumber'] === certificateNumber)!.streamId
  const levelsIn = (stream: string): unknown[] => certificates.filter((e) => e.streamId === stream).map((e) => e.data['level'])
  expect(levelsIn(streamOf('P-0-1'))).toEqual(['junior', 'intermediate', 'senior'])
  expect(levelsIn(streamOf('P-1-1'))).toEqual(['junior', 'technician'])
  const registered = events.filter((e) => e.type === 'TalentRegistered')
  expect(registered).toHaveLength(PEOPLE)
  const first = registered.find((e) => e.streamId === streamOf('P-0-1'))!
  // the registration's facts are the highest-level row's; the years in the occupation the earliest stated
  expect(first.data).toMatchObject({ occupation: '6-17-01-02', employerId: 'steel-co', occupationSince: '1988-07-01' })
  const shown = runCli(['--store', store, 'show', '--national-id', '-'], { cwd: dir.path, input: `${person(0).id}\n` })
  expect(shown.code).toBe(0)
  expect((JSON.parse(shown.stdout) as { level: string; certificates: Array<{ level: string }> })).toMatchObject({ level: 'senior', certificates: [{ level: 'junior' }, { level: 'intermediate' }, { level: 'senior' }] })
  expect(runCli(['--store', store, 'verify'], { cwd: dir.path }).code).toBe(0)
}

type Line = { type: string; line?: number; reason?: string; rowsRead?: number; talentsCreated?: number; certificatesRecorded?: number; alreadyLoaded?: number; refused?: number; nothingNew?: boolean }

describe('rows of one person far apart in the file', () => {
  it.each(['csv', 'xlsx'] as const)('fold into one talent, highest level last (%s); the refused row keeps its line; a rerun adds nothing', async (format) => {
    const store = freshStore()
    const file = join(dir.path, `far-apart.${format}`)
    if (format === 'csv') writeCsv(file, CHINESE_HEADER, ROWS, 'gb18030')
    else await writeXlsx(file, CHINESE_HEADER, ROWS)
    const run = runCli(['--store', store, 'onboard', file, '--json', '--rejects', join(dir.path, `far-${format}.rejected.csv`)], { cwd: dir.path })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const lines = run.json() as Line[]
    expect(lines.filter((l) => l.type === 'refused').map((l) => [l.line, l.reason])).toEqual([[1006, 'unknown level']])
    expect(lines.at(-1)).toMatchObject({ type: 'summary', rowsRead: ROWS.length, talentsCreated: PEOPLE, certificatesRecorded: ROWS.length - 1, refused: 1 })
    expectPersonOrder(store)
    const before = exported(store).length
    const again = runCli(['--store', store, 'onboard', file, '--json', '--rejects', join(dir.path, `far-${format}-again.rejected.csv`)], { cwd: dir.path })
    expect((again.json() as Line[]).at(-1)).toMatchObject({ talentsCreated: 0, certificatesRecorded: 0, alreadyLoaded: ROWS.length - 1, refused: 1, nothingNew: true })
    expect(exported(store).length).toBe(before)
    // seven CLI runs over 1,306 rows: minutes on a loaded machine
  }, 300_000)

  it('stdin is refused (exit 2, naming why): the file is read twice', () => {
    const store = freshStore()
    const run = runCli(['--store', store, 'onboard', '-'], { cwd: dir.path, input: `${CHINESE_HEADER.join(',')}\r\n${row(0, '五级', 'S-1', '2015-01-01').join(',')}\r\n` })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('stdin')
    expect(exported(store).filter((e) => e.type === 'TalentRegistered')).toHaveLength(0)
  })
})
