/**
 * Canonical JSON (RFC 8785, JCS): the byte form every hash is computed over, so an independent
 * verifier in any language gets the same bytes. Checked against the RFC's own examples (section
 * 3.2.2 and 3.2.3, Appendix B numbers) and, as properties, for key order and re-parsing; and
 * `jsonEqual`, the comparison that judges values as their canonical JSON would.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalJson } from '../src/index.js'
import { jsonEqual } from '../src/kernel/json-equal.js'

/** A copy of a JSON value with every object's keys inserted in reverse order. */
const reverseKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reverseKeys)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
      : v

describe('canonicalJson', () => {
  it('gives the output of the RFC 8785 sample (section 3.2.2)', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    )
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    )
  })

  it('sorts keys by UTF-16 code units (section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    }
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    )
  })

  it('writes numbers as the IEEE 754 values of Appendix B are written there', () => {
    const appendixB: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['3eb0c6f7a0b5ed8e', '0.0000010000000000000002'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ]
    const view = new DataView(new ArrayBuffer(8))
    for (const [bits, text] of appendixB) {
      view.setBigUint64(0, BigInt(`0x${bits}`))
      expect(canonicalJson([view.getFloat64(0)]), bits).toBe(`[${text}]`)
    }
    expect(canonicalJson({ n: 1e21, m: -0, k: 1e-7 })).toBe('{"k":1e-7,"m":0,"n":1e+21}')
  })

  it('keeps non-ASCII text as is and escapes only what JSON must, in lowercase hex', () => {
    expect(canonicalJson({ 名: '高技能人才 😀' })).toBe('{"名":"高技能人才 😀"}')
    expect(canonicalJson(['\u001f', '\u007f', '\t', '\b', '\f', '"', '\\', '/'])).toBe('["\\u001f","\u007f","\\t","\\b","\\f","\\"","\\\\","/"]')
    // no Unicode normalisation: é precomposed and e + combining accent stay different
    expect(canonicalJson('\u00e9')).not.toBe(canonicalJson('e\u0301'))
  })

  it('refuses what has no canonical form: NaN, infinities, lone surrogates, undefined', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow()
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow()
    expect(() => canonicalJson({ s: '\ud800' })).toThrow()
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
  })

  it('drops undefined members like JSON.stringify, so they cannot change a hash', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reverseKeys(v))).toBe(canonicalJson(v))
      }),
      { numRuns: 200 },
    )
  })

  it('is a fixed point of parse and re-canonicalise, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v)
        expect(canonicalJson(JSON.parse(text))).toBe(text)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)))
      }),
      { numRuns: 200 },
    )
  })
})

// `jsonEqual` must judge two JSON values exactly as comparing their canonical JSON would: `verify`
// relies on it to find an altered outbox payload.
const json = fc.jsonValue({ maxDepth: 4 })

describe('jsonEqual', () => {
  it('agrees with comparing canonical JSON, for any two values', () => {
    fc.assert(fc.property(json, json, (a, b) => jsonEqual(a, b) === (canonicalJson(a) === canonicalJson(b))))
  })

  it('holds for a value and its copy with members in another order', () => {
    fc.assert(fc.property(json, (a) => jsonEqual(a, reverseKeys(a))))
  })

  it('tells a changed member, an extra member, a reordered array and a type change apart', () => {
    const payload = { eventType: 'BenefitGranted', amount: 500000, paidTo: 'emp-055', items: [1, 2] }
    expect(jsonEqual(payload, { ...payload, amount: 500001 })).toBe(false)
    expect(jsonEqual(payload, { ...payload, extra: null })).toBe(false)
    expect(jsonEqual(payload, { ...payload, items: [2, 1] })).toBe(false)
    expect(jsonEqual(payload, { ...payload, amount: '500000' })).toBe(false)
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false)
    expect(jsonEqual(payload, { ...payload })).toBe(true)
  })
})
