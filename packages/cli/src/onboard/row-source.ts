/**
 * Rows of a registry export, streamed: a CSV file (decoded by iconv-lite, parsed by csv-parse) or the
 * first worksheet of an .xlsx workbook (exceljs's streaming WorkbookReader). Either way the first
 * row is the header and every later row comes with its line (CSV: the file line where the record
 * ends; xlsx: the sheet's row number), and memory stays flat however long the file is: nothing
 * holds more than the row at hand (an .xlsx's shared-string table aside, which the format needs).
 */
import { createReadStream, statSync } from 'node:fs'
import { Parser, type Options } from 'csv-parse'
import type ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { detectFileEncoding, type TextEncoding } from './encoding.js'

/** The longest CSV record read, in characters. */
export const MAX_RECORD_CHARS = 1024 * 1024

/** One data row: its line in the file and its cells as text. */
export interface SourceRow {
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

/** An opened export: its header row, then its data rows; `bytesRead` for progress against `totalBytes`. */
export interface RowSource {
  readonly format: 'csv' | 'xlsx'
  readonly encoding: TextEncoding | null
  readonly totalBytes: number
  readonly bytesRead: () => number
  /** The header row first (line 1 of the sheet, or the CSV's first record), then the data rows. */
  readonly rows: AsyncIterable<SourceRow>
}

/** True for a file read as a workbook. */
export const isWorkbook = (file: string): boolean => /\.xlsx$/i.test(file)

/** Opens `file` (CSV in `encoding`, or detected; or .xlsx). */
export const openRows = (file: string, options: { readonly encoding?: TextEncoding } = {}): RowSource => {
  const totalBytes = statSync(file).size
  let bytes = 0
  const open = (): NodeJS.ReadableStream => {
    const input = createReadStream(file, { highWaterMark: 256 * 1024 })
    input.on('data', (chunk) => (bytes += chunk.length))
    return input
  }
  // a workbook's stream is opened once its reader is loaded: the counting listener starts the flow
  if (isWorkbook(file)) return { format: 'xlsx', encoding: null, totalBytes, bytesRead: () => bytes, rows: workbookRows(open) }
  const encoding = options.encoding ?? detectFileEncoding(file)
  return { format: 'csv', encoding, totalBytes, bytesRead: () => bytes, rows: csvRows(open(), encoding) }
}

/**
 * csv-parse's stream with each record as a `SourceRow`: the parser counts lines whatever its options
 * and pushes a record as soon as its last field is parsed, so `info.lines` at the push is the line
 * where the record ends (what its `info: true` reports, without the two copies of its state that
 * option builds for every record).
 */
class LinedParser extends Parser {
  constructor(options: Options) {
    super({ ...options, info: false })
  }
  override push(record: unknown): boolean {
    return super.push(record === null ? null : ({ line: this.info.lines, cells: record as string[] } satisfies SourceRow))
  }
}

async function* csvRows(input: NodeJS.ReadableStream, encoding: TextEncoding): AsyncIterable<SourceRow> {
  // iconv-lite drops a UTF-8 byte-order mark while decoding (stripBOM, on by default)
  // a stray quote inside a field (office exports have them) is kept as text; a record over 1 MiB
  // (no registry row is) stops the run with its line rather than filling memory
  const parser = input
    .pipe(iconv.decodeStream(encoding))
    .pipe(new LinedParser({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, max_record_size: MAX_RECORD_CHARS }))
  yield* parser as AsyncIterable<SourceRow>
}

/** A cell of exceljs as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: ReadonlyArray<{ text: string }>; text?: unknown }
    if (v.richText !== undefined) return v.richText.map((r) => r.text).join('').trim()
    if ('result' in v) return cellText(v.result)
    if (v.text !== undefined) return cellText(v.text)
    return ''
  }
  // an 18-digit ID stored as a number has lost its last digits already: it fails its check digit
  if (typeof value === 'number') return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : BigInt(value).toString()
  return String(value as string | boolean).trim()
}

async function* workbookRows(open: () => NodeJS.ReadableStream): AsyncIterable<SourceRow> {
  // loaded when a workbook is read: exceljs took about a third of the start-up of every other command
  const { default: excel } = await import('exceljs')
  const reader = new excel.stream.xlsx.WorkbookReader(open() as never, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' })
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // values is 1-based, with holes for empty cells
      const values = (row.values as ReadonlyArray<unknown>).slice(1)
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]))
      if (cells.some((c) => c !== '')) yield { line: row.number, cells }
    }
    return // the first worksheet only
  }
}
