/**
 * The hand-written canonical JSON (kernel/canonical-json.ts) against the `canonicalize` package it
 * replaces on the hashing path: the same text for every JSON value, including keys and strings
 * outside the Basic Multilingual Plane, members whose value is `undefined`, and the same refusals
 * (NaN, Infinity, a lone surrogate, a cycle); the envelope's fixed-order form against the generic
 * one; and the RFC 8785 reference vectors as shipped in the shared folder, byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, hashedFieldsOf, type HashedFields } from '../src/index.js'
import { canonicalEventTexts, canonicalHashedFields } from '../src/kernel/canonical-json.js'

const reference = (v: unknown): string | undefined => canonicalize(v)
/** The text, or the fact that it throws. */
const outcome = (f: () => string | undefined): string => {
  try {
    return `ok ${String(f())}`
  } catch {
    return 'throws'
  }
}

const anyString = fc.string({ unit: 'binary', maxLength: 12 })
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    anyString,
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 5 }),
  ),
})).value

describe('canonicalJson (hand-written) equals the canonicalize package', () => {
  it('on any JSON-like value, lone surrogates, undefined members and non-finite numbers included', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(outcome(() => canonicalJson(v))).toBe(outcome(() => reference(v) ?? (() => { throw new TypeError('no JSON') })()))
      }),
      { numRuns: 2000 },
    )
  })

  it('on values whose keys are already in order (text a store may hold as it is), lone surrogates and non-finite numbers included', () => {
    // rebuilt with every object's keys in code-unit order: canonical text is then JSON.stringify's but for lone surrogates
    const sortedDeep = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortedDeep) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedDeep((v as Record<string, unknown>)[k])])) : v
    fc.assert(
      fc.property(json, (v) => {
        const sorted = sortedDeep(v)
        expect(outcome(() => canonicalJson(sorted))).toBe(outcome(() => reference(sorted) ?? (() => { throw new TypeError('no JSON') })()))
        expect(outcome(() => canonicalJson({ data: sorted }))).toBe(outcome(() => reference({ data: sorted })))
      }),
      { numRuns: 2000 },
    )
    for (const v of [{ a: 'x\ud800' }, { a: ['\udc00y'] }, { '\ud800': 1 }, { a: 'back\\ud800slash' }, { a: -0, b: 1e21, c: [1, null] }])
      expect(outcome(() => canonicalJson(v))).toBe(outcome(() => reference(v)))
  })

  it('refuses a cycle, NaN, Infinity and a lone surrogate as the package does', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    for (const bad of [cyclic, Number.NaN, [Infinity], { '\ud800': 1 }, ['x\udc00']]) {
      expect(() => canonicalJson(bad)).toThrow()
      expect(() => reference(bad)).toThrow()
    }
  })

  it('on values in key order that JSON.stringify writes otherwise than RFC 8785, as the package does', () => {
    const date = new Date(Date.UTC(2026, 0, 2))
    const cases: unknown[] = [
      // integer-like keys: code-unit order, which is not the engine's own order for them
      { '10': 1, '9': 2 },
      { a: { '1': 'x', '10': 'y', '2': 'z' } },
      // an escaped backslash before "ud", a lone surrogate, a pair
      { a: '\\ud800' },
      { a: '\ud800' },
      { a: '\ud83d\ude00' },
      // values JSON.stringify writes (or leaves out) where the canonical writer refuses or writes them otherwise
      { a: Number.NaN },
      { a: [1, undefined, 3] },
      { a: date, b: 1 },
      { a: -0, b: 1e21, c: 1e-7, d: 0.1 },
      { a: undefined, b: 1 },
      { a: 1n },
    ]
    for (const v of cases) {
      expect(outcome(() => canonicalJson(v))).toBe(outcome(() => reference(v) ?? (() => { throw new TypeError('no JSON') })()))
      expect(outcome(() => canonicalJson({ data: v }))).toBe(outcome(() => reference({ data: v })))
    }
  })

  it('writes a value with toJSON (a Date) as the package does', () => {
    const v = { at: new Date(Date.UTC(2026, 0, 2)), n: [1, undefined, 'x'] }
    expect(canonicalJson(v)).toBe(reference(v))
  })
})

describe('canonicalHashedFields', () => {
  const fields = fc.record({
    eventId: anyString,
    streamId: anyString,
    version: fc.integer(),
    type: anyString,
    schemaVersion: fc.integer(),
    data: json,
    metadata: fc.record({
      actor: fc.record({ id: anyString, role: anyString }),
      correlationId: anyString,
      causationId: fc.option(anyString),
      occurredOn: anyString,
      recordedAt: anyString,
    }),
  })
  it('is canonicalJson(hashedFieldsOf(e)) for any envelope', () => {
    fc.assert(
      fc.property(fields, (e) => {
        expect(outcome(() => canonicalHashedFields(e as HashedFields))).toBe(outcome(() => canonicalJson(hashedFieldsOf(e as HashedFields))))
      }),
      { numRuns: 1000 },
    )
  })
  it('is the canonicalize package’s text of the seven fields for envelopes read back from canonical text (data and metadata in key order)', () => {
    // values a store parsed from the texts it stored: every object's keys already in order, so the
    // fields are written by the engine at once; ids with escapes, lone surrogates and non-finite numbers mixed in
    const inOrder = (v: unknown): unknown => {
      const text = outcome(() => reference(v))
      return text.startsWith('ok ') && text !== 'ok undefined' ? JSON.parse(text.slice(3)) : v
    }
    const stored = fc.record({
      eventId: fc.oneof(anyString, fc.constantFrom('e-\\ud800', 'e-\ud800', 'e-"1"')),
      streamId: anyString,
      version: fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, Infinity, -0, 1e21, 0.1)),
      type: anyString,
      schemaVersion: fc.integer(),
      data: json.map(inOrder),
      metadata: fields.map((f) => inOrder(f.metadata)),
    })
    fc.assert(
      fc.property(stored, (e) => {
        const want = outcome(() => reference(hashedFieldsOf(e as HashedFields)))
        expect(outcome(() => canonicalHashedFields(e as HashedFields))).toBe(want)
        expect(outcome(() => canonicalEventTexts(e as HashedFields).hashed)).toBe(want)
      }),
      { numRuns: 2000 },
    )
  })

  // a store keeps these texts as the event's stored JSON (sealEventsWithTexts): they must be the
  // canonical texts the hash covered, and read back as the values JSON.stringify would have kept
  it('hands back the canonical texts of data and metadata that the hashed text holds', () => {
    fc.assert(
      fc.property(fields, (e) => {
        const f = e as HashedFields
        if (outcome(() => canonicalHashedFields(f)) === 'throws') {
          expect(outcome(() => JSON.stringify(canonicalEventTexts(f)))).toBe('throws')
          return
        }
        const { hashed, data, metadata } = canonicalEventTexts(f)
        expect(hashed).toBe(canonicalHashedFields(f))
        expect(data).toBe(f.data === undefined ? undefined : canonicalJson(f.data))
        expect(metadata).toBe(canonicalJson(f.metadata))
        if (data !== undefined) expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(f.data)))
        expect(JSON.parse(metadata!)).toEqual(JSON.parse(JSON.stringify(f.metadata)))
      }),
      { numRuns: 1000 },
    )
  })
})

// the reference vectors as shipped to every engineer (the package's own copy is test/fixtures/rfc8785)
const shared = '/work/shared/rfc8785-vectors/'
describe.runIf(existsSync(shared))('canonicalJson against /work/shared/rfc8785-vectors', () => {
  const names = existsSync(shared) ? readdirSync(`${shared}input`).sort() : []
  it.each(names)('%s canonicalises to its output byte for byte', (name) => {
    const input = JSON.parse(readFileSync(`${shared}input/${name}`, 'utf8')) as unknown
    expect(Buffer.from(canonicalJson(input), 'utf8').equals(readFileSync(`${shared}output/${name}`))).toBe(true)
  })
})
