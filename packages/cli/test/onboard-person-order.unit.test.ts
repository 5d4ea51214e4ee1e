// The person order of onboarding (person-order.ts, person-census.ts) over rows held in memory, for
// any rows and any budget of held rows: every row comes out once with its own line; each person's
// rows come out next to each other; a person's rows that were apart come out lowest level first
// (rows of one level in file order); rows that were adjacent, and rows naming no one, keep their
// order; the file is read once for the census and once per pass, as many passes as the budget needs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { personCensus } from '../src/onboard/person-census.js'
import { inPersonOrder, type RowPass } from '../src/onboard/person-order.js'
import type { SourceRow } from '../src/onboard/row-source.js'

/** Person n's talent id: `t-` and 24 hex digits, as talentIdsOf makes them (hex of a hash here). */
const talentId = (n: number): string => `t-${(Math.imul(n + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}${(Math.imul(n + 7, 0x85ebca6b) >>> 0).toString(16).padStart(8, '0')}00000000`

/** Rows: cells [person or '', level rank, a cell that may hold the packing separator]. */
const rowsOf = (specs: ReadonlyArray<{ person: number | null; rank: number; odd: boolean }>): SourceRow[] =>
  specs.map((s, i) => ({ line: i + 2, cells: [s.person === null ? '' : String(s.person), String(s.rank), s.odd ? 'a\u001fb' : `cell ${i}`] }))

const ordered = async (rows: ReadonlyArray<SourceRow>, pendingRows: number): Promise<{ out: SourceRow[]; opens: number; passes: number }> => {
  let opens = 0
  const open = (): RowPass => {
    opens++
    return {
      rows: (async function* () {
        // each read hands out fresh rows, as a file read does
        for (const r of rows) yield { line: r.line, cells: [...r.cells] }
      })(),
      bytesRead: () => 0,
    }
  }
  const result = await inPersonOrder({ open, personOf: (r) => (r.cells[0] === '' ? null : talentId(Number(r.cells[0]))), rankOf: (r) => Number(r.cells[1]), pendingRows })
  const out: SourceRow[] = []
  for await (const r of result.rows) out.push(r)
  return { out, opens, passes: result.passes }
}

const spec = fc.record({ person: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 6 }), rank: fc.integer({ min: 0, max: 4 }), odd: fc.boolean() })

describe('person order', () => {
  it('for any rows and budget: each row once, people together, scattered people lowest level first, the rest in file order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), async (specs, pendingRows) => {
        const rows = rowsOf(specs)
        const { out, opens, passes } = await ordered(rows, pendingRows)
        // every row once, cells intact
        expect([...out].sort((a, b) => a.line - b.line)).toEqual(rows)
        const byLine = new Map(rows.map((r) => [r.line, r]))
        const personAt = (r: SourceRow): string => r.cells[0]!
        const people = new Set(rows.map(personAt).filter((p) => p !== ''))
        let scatteredRows = 0
        for (const p of people) {
          const inFile = rows.filter((r) => personAt(r) === p).map((r) => r.line)
          const positions = out.flatMap((r, i) => (personAt(r) === p ? [i] : []))
          // together in the output
          expect(positions.at(-1)! - positions[0]!).toBe(positions.length - 1)
          const adjacent = inFile.at(-1)! - inFile[0]! === inFile.length - 1
          const got = positions.map((i) => out[i]!.line)
          if (adjacent) expect(got).toEqual(inFile)
          else {
            scatteredRows += inFile.length
            expect(got).toEqual([...inFile].sort((a, b) => Number(byLine.get(a)!.cells[1]) - Number(byLine.get(b)!.cells[1]) || a - b))
          }
        }
        // rows naming no one keep their order
        expect(out.filter((r) => personAt(r) === '').map((r) => r.line)).toEqual(rows.filter((r) => personAt(r) === '').map((r) => r.line))
        expect(passes).toBe(Math.max(1, Math.ceil(scatteredRows / pendingRows)))
        expect(opens).toBe(1 + passes)
      }),
      { numRuns: 300 },
    )
  })

  it('two people whose ids share their first 64 bits are held as one, and every row still comes out once', async () => {
    const census = personCensus()
    const a = 't-0123456789abcdef00000001'
    const b = 't-0123456789abcdef00000002'
    for (const id of [a, b, a]) census.add(id)
    expect(census.people()).toBe(1)
    expect(census.rowsAt(census.find(b))).toBe(3)
    expect(census.scatteredRows()).toBe(0)
  })

  it('the census grows past its first table and finds everyone again', () => {
    const census = personCensus(4)
    for (let n = 0; n < 5000; n++) census.add(talentId(n))
    census.add(talentId(3))
    expect(census.people()).toBe(5000)
    expect(census.scatteredPeople()).toBe(1)
    expect(census.rowsAt(census.find(talentId(3)))).toBe(2)
    expect(census.find(talentId(5001))).toBe(-1)
    expect(census.bytes()).toBe(16384 * 13)
  })
})
