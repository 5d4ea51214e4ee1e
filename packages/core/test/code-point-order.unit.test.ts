/**
 * `compareCodePoints` orders strings as SQLite's BINARY and PostgreSQL's COLLATE "C" do: by code
 * point, so a character beyond the BMP sorts after U+FFFF (JavaScript's `<` puts it before U+E000).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareCodePoints } from '../src/index.js'

const byCodePoints = (a: string, b: string): number => {
  const x = Array.from(a, (c) => c.codePointAt(0)!)
  const y = Array.from(b, (c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

describe('compareCodePoints', () => {
  it('puts U+FF5E before U+1F600, where UTF-16 code units put it after', () => {
    expect(compareCodePoints('\uFF5E', '\u{1F600}')).toBeLessThan(0)
    expect('\uFF5E' < '\u{1F600}').toBe(false)
    expect(compareCodePoints('talent-1', 'talent-1')).toBe(0)
    expect(compareCodePoints('talent-1', 'talent-10')).toBeLessThan(0)
  })

  it('agrees in sign with comparing the code points, for any two strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)))
      }),
    )
  })
})
