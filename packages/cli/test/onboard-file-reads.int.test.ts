// The reads onboarding makes of one export file (file-reads.ts), on real files: the first read goes
// on from the header; each later one replays the first read's rows when they fit the budget, or
// else reads the data rows anew in the encoding first detected, and then a file changed since the
// first read stops the run rather than loading it by another file's census.
import { utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { dataRows, rereads } from '../src/onboard/file-reads.js'
import { openRows, type SourceRow } from '../src/onboard/row-source.js'
import { CHINESE_HEADER, row, writeCsv } from './onboard-files.js'
import { tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

const all = async (rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> => {
  const out: SourceRow[] = []
  for await (const r of rows) out.push(r)
  return out
}

it('past the budget of kept rows: reads the data rows again, the same as the first time, and refuses a file changed since', async () => {
  const file = join(dir.path, 'reads.csv')
  writeCsv(file, CHINESE_HEADER, [row(0, '五级', 'R-1', '2015-01-01'), row(1, '四级', 'R-2', '2016-01-01')], 'gb18030')
  const first = openRows(file)
  const iterator = first.rows[Symbol.asyncIterator]()
  expect((await iterator.next()).value?.cells).toEqual(CHINESE_HEADER)
  const open = rereads(file, first, { [Symbol.asyncIterator]: () => iterator }, 100)
  const census = await all(open().rows)
  expect(census.map((r) => [r.line, r.cells[5]])).toEqual([[2, 'R-1'], [3, 'R-2']])
  const load = await all(open().rows)
  expect(load).toEqual(census)
  expect(load[0]!.cells[0]).toBe(row(0, '五级', 'R-1', '2015-01-01')[0])

  // same size, another modification time: another file as far as the census knows
  utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'))
  expect(() => open()).toThrow(/changed while it was onboarded/)
  writeFileSync(file, 'x')
  expect(() => open()).toThrow(/changed while it was onboarded/)
})

it('within the budget: every later read replays the rows of the first, as a fresh read of the file gives them, and never opens the file again', async () => {
  const file = join(dir.path, 'kept.csv')
  const rows = [row(0, '五级', 'K-1', '2015-01-01'), row(1, '四级', 'K-"2\n"', '2016-01-01'), row(2, '三级', 'K-3\u001fx', '2017-01-01')]
  writeCsv(file, CHINESE_HEADER, rows, 'gb18030')
  const first = openRows(file)
  const iterator = first.rows[Symbol.asyncIterator]()
  expect((await iterator.next()).value?.cells).toEqual(CHINESE_HEADER)
  const open = rereads(file, first, { [Symbol.asyncIterator]: () => iterator })
  const census = await all(open().rows)
  const fresh = await all(dataRows(openRows(file)))
  expect(census).toEqual(fresh)
  // the quoted line break ends its record a line later: lines 2, 4, 5
  expect(census.map((r) => r.line)).toEqual([2, 4, 5])
  writeFileSync(file, 'x')
  for (let pass = 0; pass < 2; pass++) {
    const replay = open()
    expect(await all(replay.rows)).toEqual(fresh)
    expect(replay.bytesRead()).toBe(first.bytesRead())
  }
})

it('dataRows drops the header row only', async () => {
  const file = join(dir.path, 'data.csv')
  writeCsv(file, CHINESE_HEADER, [row(2, '五级', 'D-1', '2015-01-01')], 'utf-8')
  expect((await all(dataRows(openRows(file)))).map((r) => r.line)).toEqual([2])
})
