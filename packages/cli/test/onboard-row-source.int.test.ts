// The CSV rows of an export (row-source.ts) against the row source as it was (the same streams,
// csv-parse's own `info: true` giving the lines), on real files, for any text made of the pieces that make CSV hard: quoted fields with
// commas, quotes and line breaks (CRLF, LF, CR), stray quotes, empty lines, padding, NUL and lone
// surrogates, in UTF-8 and GB18030: every record with the same cells and the same line, and a record
// over the size limit refused with the same error.
import { createReadStream, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_RECORD_CHARS, openRows, type SourceRow } from '../src/onboard/row-source.js'
import { tempDir } from './run-cli.js'

const dir = tempDir()
afterAll(() => dir.remove())

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, max_record_size: MAX_RECORD_CHARS }

/** What a read gave: its rows, then the error that stopped it, if one did. */
interface Outcome {
  readonly rows: SourceRow[]
  readonly error?: string
}

const outcome = async (rows: AsyncIterable<SourceRow>): Promise<Outcome> => {
  const out: SourceRow[] = []
  try {
    for await (const r of rows) out.push(r)
    return { rows: out }
  } catch (e) {
    return { rows: out, error: (e as Error).message }
  }
}

/** The row source as it was: the same streams, csv-parse with `info: true` giving each record's line. */
const reference = (file: string, encoding: string): Promise<Outcome> => {
  const records = createReadStream(file, { highWaterMark: 256 * 1024 })
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ ...OPTIONS, info: true }))
  return outcome(
    (async function* () {
      for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { line: info.lines, cells: record }
    })(),
  )
}

const read = (file: string): Promise<Outcome> => outcome(openRows(file).rows)

const piece = fc.constantFrom(',', '"', '""', '\r\n', '\n', '\r', ' ', '\t', '三级/高级工', 'a', '1990-01-01', '\u0000', '\ud800', '"x,\r\ny"', '"a""b"', 'x"y', '\r\n\r\n', '连云港')
const text = fc.array(piece, { maxLength: 60 }).map((p) => `姓名,证件号码\r\n${p.join('')}`)

let n = 0
describe('CSV rows', () => {
  it.each(['utf-8', 'gb18030'])('for any text (%s): the same records on the same lines as csv-parse with info', async (encoding) => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const file = join(dir.path, `rows-${n++}.csv`)
        writeFileSync(file, iconv.encode(t, encoding))
        expect(await read(file)).toEqual(await reference(file, encoding))
      }),
      { numRuns: 150 },
    )
  })

  it('a file of many read chunks: the same records on the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 20, maxLength: 60 }), async (pieces) => {
        const file = join(dir.path, `long-${n++}.csv`)
        // each read of the file takes 256 KiB: records and line breaks fall across them
        const line = pieces.join('')
        const bytes = iconv.encode(`姓名,证件号码\r\n${Array.from({ length: Math.ceil(600_000 / line.length) }, () => line).join('\r\n')}`, 'gb18030')
        expect(bytes.length).toBeGreaterThan(2 * 256 * 1024)
        writeFileSync(file, bytes)
        expect(await read(file)).toEqual(await reference(file, 'gb18030'))
      }),
      { numRuns: 3 },
    )
  })

  it('a record over the size limit is refused with the error csv-parse gives', async () => {
    const file = join(dir.path, 'huge.csv')
    const bytes = Buffer.from(`a,b\r\nc,"${'x'.repeat(MAX_RECORD_CHARS + 10)}"\r\n`)
    writeFileSync(file, bytes)
    const expected = await reference(file, 'utf-8')
    expect(expected.error).toMatch(/max_record_size|Max Record Size/i)
    expect(await read(file)).toEqual(expected)
  })
})
