/**
 * The rows of a file's first read (the census, person-order.ts), kept in memory when they fit a
 * budget, so the reads after it (the load, and any further pass) replay them instead of decoding
 * and parsing the file again: for an export of up to about 100,000 rows that is half of what
 * reading costs. A larger file is read again as before: past the budget everything kept is dropped
 * and memory stays flat in the file's size. A replay gives each row its own line and cells exactly
 * as read (packed-cells.ts), and its `bytesRead` follows the bytes the first read had read when it
 * reached the same row, so progress moves as it would on a read of the file.
 */
import type { RowPass } from './person-order.js'
import { packCells, packedChars, unpackCells, type PackedCells } from './packed-cells.js'
import type { SourceRow } from './row-source.js'

/** Characters kept at most (about 0.2 KiB a registry row packed: some 32 MiB at most). */
export const KEPT_CHARS = 16 * 1024 * 1024

/** Characters charged per row besides its cells: its line, its bytes and the string's own header. */
const ROW_CHARS = 24

/** A first read kept for replays. */
export interface KeptRows {
  /** The rows of `pass`, handed on as they come and kept while they fit. */
  readonly keep: (pass: RowPass) => RowPass
  /** A read of every row kept; null unless the kept read went to its end within the budget. */
  readonly replay: () => RowPass | null
}

/** Keeps at most `budget` characters of rows (0: keeps none). */
export const keptRows = (budget = KEPT_CHARS): KeptRows => {
  let lines: number[] = []
  let cells: PackedCells[] = []
  let bytes: number[] = []
  let chars = 0
  let overflowed = budget <= 0
  let finalBytes = 0
  let complete = false

  const drop = (): void => {
    overflowed = true
    lines = []
    cells = []
    bytes = []
  }

  async function* keeping(pass: RowPass): AsyncIterable<SourceRow> {
    for await (const row of pass.rows) {
      if (!overflowed) {
        const packed = packCells(row.cells)
        chars += packedChars(packed) + ROW_CHARS
        if (chars > budget) drop()
        else {
          lines.push(row.line)
          cells.push(packed)
          bytes.push(pass.bytesRead())
        }
      }
      yield row
    }
    finalBytes = pass.bytesRead()
    complete = true
  }

  const replay = (): RowPass | null => {
    if (!complete || overflowed) return null
    let next = 0
    async function* rows(): AsyncIterable<SourceRow> {
      for (; next < lines.length; next++) yield { line: lines[next]!, cells: unpackCells(cells[next]!) }
    }
    // while row `next` is out, the first read had read bytes[next]; after the last, all of them
    return { rows: rows(), bytesRead: () => (next >= lines.length ? finalBytes : bytes[next]!) }
  }

  return { keep: (pass) => ({ rows: keeping(pass), bytesRead: pass.bytesRead }), replay }
}
