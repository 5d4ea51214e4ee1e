// The rows of the census kept for the load (kept-rows.ts, packed-cells.ts), for any rows and any
// budget: the kept read hands on every row untouched; when the rows fit, each replay gives them back
// exactly (hostile cells too: NUL, lone surrogates, the packing separator, empty rows) with the
// bytes the first read had read at each row; when they do not, there is no replay.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keptRows } from '../src/onboard/kept-rows.js'
import { packCells, packedChars, unpackCells } from '../src/onboard/packed-cells.js'
import type { SourceRow } from '../src/onboard/row-source.js'

const hostileCell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '\u0000', '\u001f', 'a\u001fb', '\ud800', 'x\udc00y', '证件号码', ' 三级/高级工 '),
)
const rowsArb = fc.array(fc.array(hostileCell, { maxLength: 6 }), { maxLength: 30 })

/** A first read of `cells`: each row read moves the byte count on by its line's length. */
const firstRead = (cells: ReadonlyArray<ReadonlyArray<string>>): { rows: AsyncIterable<SourceRow>; bytesRead: () => number; seen: number[] } => {
  let bytes = 0
  const seen: number[] = []
  return {
    rows: (async function* () {
      for (const [i, c] of cells.entries()) {
        bytes += 7 + c.length
        seen.push(bytes)
        yield { line: i * 2 + 2, cells: [...c] }
      }
      bytes += 3
    })(),
    bytesRead: () => bytes,
    seen,
  }
}

const all = async (rows: AsyncIterable<SourceRow>, during?: (row: SourceRow) => void): Promise<SourceRow[]> => {
  const out: SourceRow[] = []
  for await (const r of rows) {
    during?.(r)
    out.push(r)
  }
  return out
}

describe('kept rows', () => {
  it('packing gives back exactly the cells packed, whatever they hold', () => {
    fc.assert(
      fc.property(fc.array(hostileCell, { maxLength: 14 }), (cells) => {
        const packed = packCells(cells)
        expect(unpackCells(packed)).toEqual(cells)
        expect(packedChars(packed)).toBe(typeof packed === 'string' ? cells.join('').length + Math.max(0, cells.length - 1) : cells.join('').length)
      }),
      { numRuns: 500 },
    )
  })

  it('for any rows and budget: every row handed on; a replay of them all, exactly, when they fit, none when they do not (or the budget is 0)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 0, max: 400 }), async (cells, budget) => {
        const kept = keptRows(budget)
        const read = firstRead(cells)
        expect(kept.replay()).toBeNull()
        const pass = kept.keep(read)
        const handed = await all(pass.rows)
        const expected = cells.map((c, i) => ({ line: i * 2 + 2, cells: c }))
        expect(handed).toEqual(expected)
        const charged = cells.reduce((n, c) => n + packedChars(packCells(c)) + 24, 0)
        const replay = kept.replay()
        if (budget === 0 || charged > budget) {
          expect(replay).toBeNull()
          return
        }
        for (const again of [replay!, kept.replay()!]) {
          const bytes: number[] = []
          expect(await all(again.rows, () => bytes.push(again.bytesRead()))).toEqual(expected)
          expect(bytes).toEqual(read.seen)
          expect(again.bytesRead()).toBe(read.bytesRead())
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a kept read not taken to its end gives no replay', async () => {
    const kept = keptRows()
    const pass = kept.keep(firstRead([['a'], ['b']]))
    for await (const _ of pass.rows) break
    expect(kept.replay()).toBeNull()
  })
})
