/**
 * Code-point order of strings: the order SQLite's BINARY collation (UTF-8 bytes) and PostgreSQL's
 * COLLATE "C" give. JavaScript's `<` compares UTF-16 code units, which puts characters beyond the
 * BMP (surrogate pairs) before U+E000…U+FFFF; audit reads that page by key must agree with the
 * database on the order, so adapters and the verifier compare with this instead.
 */

/** Negative, zero or positive as `a` comes before, with or after `b` in code-point order. */
export const compareCodePoints = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // a surrogate (U+D800–U+DFFF) stands for a code point above U+FFFF: it sorts after every other unit
    const sx = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x
    const sy = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y
    return sx - sy
  }
  return a.length - b.length
}
