/**
 * The RFC 8785 reference vectors (fixtures/rfc8785, copied unchanged from the reference
 * implementation's test data; see its SOURCE.txt): every input parsed and canonicalised must give
 * its output byte for byte. An independent verifier that follows RFC 8785 then hashes the very
 * bytes the ledger hashed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../src/index.js'

const root = fileURLToPath(new URL('./fixtures/rfc8785/', import.meta.url))
const names = readdirSync(`${root}input`).filter((n) => n.endsWith('.json')).sort()

describe('canonicalJson against the RFC 8785 reference vectors', () => {
  it('finds the vectors (six in the reference set)', () => {
    expect(names).toEqual(['arrays.json', 'french.json', 'structures.json', 'unicode.json', 'values.json', 'weird.json'])
    expect(readdirSync(`${root}output`).sort()).toEqual(names)
  })

  it.each(names)('%s canonicalises to its output byte for byte', (name) => {
    const input = JSON.parse(readFileSync(`${root}input/${name}`, 'utf8')) as unknown
    const expected = readFileSync(`${root}output/${name}`)
    expect(Buffer.from(canonicalJson(input), 'utf8').equals(expected)).toBe(true)
    // the same comparison as text, so a failure shows the difference
    expect(canonicalJson(input)).toBe(expected.toString('utf8'))
  })
})
