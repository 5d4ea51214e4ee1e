// The bounded line reader of `apply`: lines split across chunks, CRLF endings, a last line without a
// newline, and a line over the bound that is reported by size (never kept whole) while the next
// lines still come through.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { boundedLines, type BoundedLine } from '../src/bounded-lines.js'

const read = async (chunks: ReadonlyArray<string | Buffer>, maxBytes: number): Promise<BoundedLine[]> => {
  const lines: BoundedLine[] = []
  for await (const line of boundedLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), maxBytes)) lines.push(line)
  return lines
}

describe('boundedLines', () => {
  it('splits lines across chunks, drops CR of CRLF, keeps blank lines and a last line without newline', async () => {
    expect(await read(['{"a":', '1}\r\n\n{"b"', ':2}\n{"c":3}'], 100)).toEqual(['{"a":1}', '', '{"b":2}', '{"c":3}'])
  })

  it('keeps a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('"连云区"\n')
    expect(await read([bytes.subarray(0, 2), bytes.subarray(2)], 100)).toEqual(['"连云区"'])
  })

  it('accepts a line of exactly the bound (with or without CR) and reports one byte more by size', async () => {
    expect(await read(['x'.repeat(10) + '\n', 'y'.repeat(10) + '\r\n', 'z'.repeat(11) + '\n', 'ok\n'], 10)).toEqual([
      'x'.repeat(10),
      'y'.repeat(10),
      { overlongBytes: 11 },
      'ok',
    ])
  })

  it('counts an over-long line across many chunks without keeping it, and goes on', async () => {
    const chunks = ['{"name":"', ...new Array(100).fill('x'.repeat(1_000)), '"}\n{"next":1}\n']
    expect(await read(chunks, 4_096)).toEqual([{ overlongBytes: 100_000 + 11 }, '{"next":1}'])
  })

  it('reports an over-long last line without a newline', async () => {
    expect(await read(['ok\n', 'x'.repeat(50)], 10)).toEqual(['ok', { overlongBytes: 50 }])
  })
})
