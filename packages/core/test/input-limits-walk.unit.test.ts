/**
 * `inputViolations` walks every command, so it builds a field's path only when it refuses one. This
 * holds it to the walk it replaced (kept below as the reference, verbatim): the same details, in
 * the same order, for hostile values (lone surrogates, control characters, long strings and keys,
 * deep nesting, multi-line fields in and out of place, oversized policy documents) and for
 * arbitrary JSON.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ErrorDetail } from '../src/kernel/errors.js'
import { MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_LINE_BYTES, MAX_POLICY_DOCUMENT_BYTES, MAX_STRING_LENGTH, inputViolations } from '../src/vocabulary/input-limits.js'

// ---- the reference: the walk as it was, building every path ----

const isMultiLineField = (path: ReadonlyArray<string>): boolean =>
  path[0] === 'data' && ((path.length === 2 && path[1] === 'reason') || (path[1] === 'document' && path[path.length - 1] === 'text'))

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`

/** C0 controls, DEL and C1 controls (ESC starts terminal escape sequences, NUL breaks PostgreSQL text). */
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f)

/** What is wrong with one string, and its UTF-8 JSON size (quotes and escapes included). */
const checkString = (s: string, multiLine: boolean): { readonly problem: string | null; readonly bytes: number } => {
  if (s.length > MAX_STRING_LENGTH) return { problem: `text longer than ${MAX_STRING_LENGTH} characters (${s.length})`, bytes: s.length }
  let bytes = 2
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return { problem: `contains a lone UTF-16 surrogate ${hex(code)} at character ${i + 1}`, bytes }
      bytes += 4
      i++
    } else if (code >= 0xdc00 && code <= 0xdfff) return { problem: `contains a lone UTF-16 surrogate ${hex(code)} at character ${i + 1}`, bytes }
    else if (isControl(code) && !(multiLine && (code === 0x09 || code === 0x0a)))
      return { problem: `contains the control character ${hex(code)} at character ${i + 1}`, bytes }
    else bytes += code === 0x22 || code === 0x5c || code < 0x20 ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3
  }
  return { problem: null, bytes }
}

const scalarBytes = (v: unknown): number =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v).length : 4) : typeof v === 'boolean' ? (v ? 4 : 5) : 4

const fieldOf = (path: ReadonlyArray<string>): string => (path.length === 0 ? '(root)' : path.join('.'))

interface Pending {
  readonly value: unknown
  readonly path: ReadonlyArray<string>
  readonly depth: number
  readonly inDocument: boolean
}

/**
 * Every limit a raw command breaks, at most one detail per field and at most `maxDetails` in all
 * (a hostile command could break thousands). Iterative, so no input can overflow the stack; it
 * stops as soon as the command is over `MAX_LINE_BYTES`, so no input makes it walk for long.
 */
const referenceViolations = (raw: unknown, maxDetails = 10): ErrorDetail[] => {
  const details: ErrorDetail[] = []
  const stack: Pending[] = [{ value: raw, path: [], depth: 1, inDocument: false }]
  let total = 0
  let documentBytes = 0
  const add = (bytes: number, inDocument: boolean): boolean => {
    total += bytes
    if (inDocument) documentBytes += bytes
    return total <= MAX_LINE_BYTES
  }
  const refuse = (path: ReadonlyArray<string>, message: string): void => {
    details.push({ field: fieldOf(path), message: `${fieldOf(path)}: ${message}` })
  }
  while (stack.length > 0 && details.length < maxDetails) {
    const { value, path, depth, inDocument } = stack.pop()!
    if (typeof value === 'string') {
      const { problem, bytes } = checkString(value, isMultiLineField(path))
      if (problem !== null) refuse(path, problem)
      if (!add(bytes, inDocument)) break
    } else if (typeof value !== 'object' || value === null) {
      if (!add(scalarBytes(value), inDocument)) break
    } else if (depth > MAX_DEPTH) {
      refuse(path, `nested deeper than ${MAX_DEPTH} levels`)
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH) refuse(path, `array longer than ${MAX_ARRAY_LENGTH} items (${value.length})`)
      else {
        if (!add(Math.max(2, value.length + 1), inDocument)) break
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)], depth: depth + 1, inDocument })
      }
    } else {
      const keys = Object.keys(value)
      if (!add(Math.max(2, keys.length + 1), inDocument)) break
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!
        const { problem, bytes } = checkString(key, false)
        if (problem !== null) {
          refuse(path, `a field name ${problem}`)
          continue
        }
        if (!add(bytes + 1, inDocument)) break
        const childPath = [...path, key]
        const document = inDocument || (path.length === 1 && path[0] === 'data' && key === 'document')
        stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1, inDocument: document })
      }
    }
  }
  if (total > MAX_LINE_BYTES) details.push({ field: '(root)', message: `the command is longer than ${MAX_LINE_BYTES} bytes of JSON` })
  else if (documentBytes > MAX_POLICY_DOCUMENT_BYTES)
    details.push({ field: 'data.document', message: `data.document: policy document longer than ${MAX_POLICY_DOCUMENT_BYTES} bytes of JSON` })
  return details
}
// ---- the comparison ----

const nested = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: nested(depth - 1, leaf) })
const deepArray = (depth: number): unknown => (depth === 0 ? 'x' : [deepArray(depth - 1)])

const HOSTILE: ReadonlyArray<unknown> = [
  null, 'text', 42, [], {},
  { type: 'RevokeCertificate', actor: { id: 'hr', role: 'hr-bureau' }, data: { talentId: 't-1', reason: 'line one\nline two\tend', note: 'a\nb' } },
  { type: 'X', data: { reason: { reason: 'a\nb' }, document: { rules: [{ text: 'a\n\tb', name: 'a\nb' }], text: 'x\ny' } } },
  { data: { document: { text: '\u0000' }, reason: '\u001b[31m' }, reason: 'a\nb' },
  { data: [{ reason: 'a\nb' }], document: { text: 'a\nb' } },
  { data: { 'bad\u0007key': 1, ['k'.repeat(MAX_STRING_LENGTH + 1)]: 2, '\ud800': 3, ok: '\udc00', fine: '\ud83d\ude00', tail: 'x\ud83d' } },
  { data: { s: 'x'.repeat(MAX_STRING_LENGTH + 1), t: 'é€😀"\\', u: '\u0085', v: '\u00a0\u07ff\u0800' } },
  { data: { n: [1, -2.5, Number.NaN, Infinity, true, false, null, undefined, 1e21] } },
  nested(MAX_DEPTH + 3, 'leaf'),
  deepArray(MAX_DEPTH + 2),
  { data: { list: Array.from({ length: MAX_ARRAY_LENGTH + 1 }, () => 0) } },
  { data: { long: Array.from({ length: 1200 }, () => 'x'.repeat(999)) } },
  { data: { document: { blocks: Array.from({ length: 600 }, () => 'y'.repeat(999)) } } },
  { data: { many: Array.from({ length: 30 }, (_, i) => `bad\u0001${i}`) } },
  { type: 'AdoptPolicy', data: { document: { text: 'a\nb', rules: [{ text: 'ok\n' }, { text: '\u0002' }] } } },
]

const agree = (value: unknown, maxDetails?: number): void => {
  const expected: ErrorDetail[] = referenceViolations(value, maxDetails)
  expect(inputViolations(value, maxDetails)).toEqual(expected)
}

describe('inputViolations against the walk it replaced', () => {
  it('refuses hostile commands with the same details, in the same order', () => {
    for (const value of HOSTILE) {
      agree(value)
      agree(value, 1)
      agree(value, 100)
    }
    // the corpus does reach the limits it is meant to reach
    expect(HOSTILE.map((v) => inputViolations(v, 100).length).filter((n) => n > 0).length).toBeGreaterThan(10)
    expect(referenceViolations({ data: { document: { blocks: Array.from({ length: 600 }, () => 'y'.repeat(999)) } } })[0]?.field).toBe('data.document')
    expect(MAX_LINE_BYTES).toBeGreaterThan(MAX_POLICY_DOCUMENT_BYTES)
  })

  it('agrees on arbitrary JSON, keys and strings with controls and surrogates', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\t', '\u0000', '\u007f', '\u0085', '\ud800', '\udc00', '"', '\\', 'é', '€', 'x'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))) })
    const key = fc.oneof(fc.constantFrom('data', 'document', 'reason', 'text', 'type'), text)
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
    }))
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 12 }), (value, maxDetails) => {
        agree({ type: 'RevokeCertificate', data: value }, maxDetails)
        agree({ data: { document: value, reason: value } })
        agree(value)
      }),
      { numRuns: 500 },
    )
  })
})
