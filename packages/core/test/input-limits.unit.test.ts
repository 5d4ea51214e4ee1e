/**
 * The input limits (issue 10 §4, docs/input-limits.md): each bound accepted at its value and refused
 * one past it, as `Malformed` naming the field; lone surrogates and control characters refused in
 * every string (tab and line feed only in free text); nesting far past the stack's depth refused
 * without overflowing it. Nothing here reaches a codec: the walk runs first.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { MAX_ARRAY_LENGTH, MAX_LINE_BYTES, MAX_STRING_LENGTH, decodeCommand, defaultPolicyDocument } from '../src/index.js'
import { MAX_DEPTH, MAX_POLICY_DOCUMENT_BYTES, inputViolations } from '../src/vocabulary/input-limits.js'
import { registration, refusal } from './command-fixtures.js'

const revocation = (reason: string) => ({
  type: 'RevokeCertificate',
  actor: { id: 'hr-bureau', role: 'hr-bureau' },
  data: { talentId: 't-1', level: 'junior', reason, on: '2026-05-01' },
})

const nested = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

describe('string length', () => {
  it(`accepts ${MAX_STRING_LENGTH} characters and refuses one more`, () => {
    expect(E.isRight(decodeCommand(registration({ name: '王'.repeat(MAX_STRING_LENGTH) })))).toBe(true)
    const error = refusal(registration({ name: '王'.repeat(MAX_STRING_LENGTH + 1) }))
    expect(error.code).toBe('Malformed')
    expect(error.details).toEqual([{ field: 'data.name', message: `data.name: text longer than ${MAX_STRING_LENGTH} characters (${MAX_STRING_LENGTH + 1})` }])
  })

  it('refuses a 10 MB name without echoing it', () => {
    const error = refusal(registration({ name: 'x'.repeat(10_000_000) }))
    expect(JSON.stringify(error).length).toBeLessThan(1_000)
  })

  it('applies to field names too', () => {
    expect(refusal({ ...registration(), ['k'.repeat(MAX_STRING_LENGTH + 1)]: 1 }).details[0]!.message).toMatch(/a field name text longer/)
  })
})

describe('surrogates and control characters', () => {
  it('accepts a surrogate pair (a character outside the BMP)', () => {
    expect(E.isRight(decodeCommand(registration({ name: '王𠮷' })))).toBe(true)
  })

  it.each([
    ['a lone high surrogate in a name', registration({ name: '王\ud800芳' }), 'data.name', /lone UTF-16 surrogate U\+D800/],
    ['a lone low surrogate in an id', registration({ talentId: 't-\udc00' }), 'data.talentId', /lone UTF-16 surrogate U\+DC00/],
    ['a lone surrogate in the actor', { ...registration(), actor: { id: '\ud83d', role: 'employer' } }, 'actor.id', /surrogate/],
    ['NUL in a name', registration({ name: '王\u0000芳' }), 'data.name', /control character U\+0000/],
    ['a terminal escape sequence', registration({ district: '\u001b[2J\u001b[31m连云区' }), 'data.district', /control character U\+001B/],
    ['a C1 control (CSI)', registration({ district: '连云区\u009b' }), 'data.district', /control character U\+009B/],
    ['DEL', registration({ district: '连云区\u007f' }), 'data.district', /control character U\+007F/],
    ['a line feed in a name', registration({ name: '王\n芳' }), 'data.name', /control character U\+000A/],
    ['a tab in an id', registration({ talentId: 't\t1' }), 'data.talentId', /control character U\+0009/],
    ['a carriage return in free text', revocation('fraud\r\nfound'), 'data.reason', /control character U\+000D/],
  ])('refuses %s', (_what, raw, field, message) => {
    const error = refusal(raw)
    expect(error.code).toBe('Malformed')
    expect(error.details[0]!.field).toBe(field)
    expect(error.details[0]!.message).toMatch(message)
  })

  it('accepts tab and line feed in free text (a revocation reason)', () => {
    expect(E.isRight(decodeCommand(revocation('forged papers:\n\t- certificate 2019')))).toBe(true)
  })
})

describe('nesting depth', () => {
  it(`accepts ${MAX_DEPTH} levels and refuses one more`, () => {
    expect(inputViolations(nested(MAX_DEPTH))).toEqual([])
    expect(inputViolations(nested(MAX_DEPTH + 1))[0]!.message).toMatch(`nested deeper than ${MAX_DEPTH} levels`)
  })

  it('refuses 3,000 and 100,000 levels in an extra field without overflowing the stack', () => {
    expect(refusal(registration({ extra: nested(3_000) })).details[0]!.message).toMatch(/^data\.extra(\.0)+: nested deeper than/)
    expect(refusal(registration({ extra: nested(100_000) })).code).toBe('Malformed')
  })

  it('refuses a cyclic value (from a library caller) instead of looping', () => {
    const data: Record<string, unknown> = { ...registration().data }
    data['self'] = data
    expect(refusal({ ...registration(), data }).code).toBe('Malformed')
  })
})

describe('array length', () => {
  it(`accepts ${MAX_ARRAY_LENGTH} items and refuses one more`, () => {
    expect(inputViolations({ a: new Array(MAX_ARRAY_LENGTH).fill(1) })).toEqual([])
    expect(inputViolations({ a: new Array(MAX_ARRAY_LENGTH + 1).fill(1) })).toEqual([
      { field: 'a', message: `a: array longer than ${MAX_ARRAY_LENGTH} items (${MAX_ARRAY_LENGTH + 1})` },
    ])
  })
})

describe('command and policy document size', () => {
  it('counts bytes as JSON.stringify writes them', () => {
    const value = { a: ['王', 'x"y', 1.5, true, null], b: { c: '𠮷\\' } }
    const within = inputViolations({ pad: 'x'.repeat(10), ...value })
    expect(within).toEqual([])
    // a command of exactly the limit passes, one byte more is refused
    const base = { s: [] as string[] }
    const overhead = Buffer.byteLength(JSON.stringify(base))
    const chunk = 'x'.repeat(MAX_STRING_LENGTH - 2)
    const items = Math.floor((MAX_LINE_BYTES - overhead) / (chunk.length + 3))
    base.s = new Array(items).fill(chunk)
    const rest = MAX_LINE_BYTES - Buffer.byteLength(JSON.stringify(base)) - 3
    const exact = { s: [...base.s, 'x'.repeat(rest)] }
    expect(Buffer.byteLength(JSON.stringify(exact))).toBe(MAX_LINE_BYTES)
    expect(inputViolations(exact)).toEqual([])
    expect(inputViolations({ s: [...base.s, 'x'.repeat(rest + 1)] })[0]!.message).toMatch(`longer than ${MAX_LINE_BYTES} bytes`)
  })

  it(`refuses a policy document over ${MAX_POLICY_DOCUMENT_BYTES} bytes`, () => {
    const catalogue = new Array(10_000)
      .fill(null)
      .map((_, i) => ({ code: `6-${String(i % 100).padStart(2, '0')}-${String(Math.floor(i / 100)).padStart(2, '0')}-01`, category: 'A', shortage: false }))
    const document = { ...defaultPolicyDocument, occupations: { ...defaultPolicyDocument.occupations, catalogue } }
    expect(Buffer.byteLength(JSON.stringify(document))).toBeGreaterThan(MAX_POLICY_DOCUMENT_BYTES)
    const error = refusal({ type: 'AdoptPolicy', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { policyId: 'p', effectiveFrom: '2027-01-01', document } })
    expect(error.details).toEqual([expect.objectContaining({ field: 'data.document' })])
    const small = { ...document, occupations: { ...document.occupations, catalogue: catalogue.slice(0, 100) } }
    expect(E.isRight(decodeCommand({ type: 'AdoptPolicy', actor: { id: 'hr-bureau', role: 'hr-bureau' }, data: { policyId: 'p', effectiveFrom: '2027-01-01', document: small } }))).toBe(true)
  })
})
