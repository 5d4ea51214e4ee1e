/**
 * `decodeCommand` accepts a well-formed command by `is` when its codecs only check: that is sound
 * only if, for such a codec, `is(u)` holds exactly when `decode(u)` succeeds and the decoding is `u`
 * itself. This holds every command codec (and the actor's) to that on values built from the codec's
 * own shape, near misses included (a field missing, one too many, a date that does not exist, a
 * wrong kind of value anywhere), and checks that a codec which transforms or strips is not taken
 * for a checking one.
 */
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { LocalDate, Timestamp } from '../src/kernel/dates.js'
import { strictFields, strictType } from '../src/kernel/strict.js'
import { checksOnly } from '../src/domain/checks-only.js'
import { CommandData } from '../src/domain/commands.js'
import { decodeCommand } from '../src/domain/decode.js'
import { defaultPolicyDocument } from '../src/index.js'
import { Actor } from '../src/vocabulary/roles.js'

const WRONG: ReadonlyArray<unknown> = [null, undefined, 0, -1, 1.5, Number.NaN, '', ' x', 'x ', [], {}, true]
const STRINGS = ['x', '6-18-02-04', '6-18', '320703199105020028', '32070319910502002X', '*', 'special-ability', 'a b']
const NUMBERS = [0, 1, 2, 50, 100, 101, 2026, -3, 0.5, 2 ** 53, Number.POSITIVE_INFINITY]
const DATES = ['2026-03-01', '2024-02-29', '2026-02-29', '2026-13-01', '2026-3-1', '1949-10-01']
const INSTANTS = ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00Z', '2026-02-30T10:00:00.000Z', '2026-03-01 10:00']

interface Parts {
  readonly _tag?: string
  readonly type?: t.Mixed
  readonly types?: ReadonlyArray<t.Mixed>
  readonly props?: Readonly<Record<string, t.Mixed>>
  readonly keys?: Readonly<Record<string, unknown>> | ReadonlyArray<string>
  readonly value?: unknown
}

/** The fields of an object codec (a strict one, an intersection of them, a plain or partial type). */
const fieldsOf = (codec: t.Mixed): Record<string, t.Mixed> => {
  const c = codec as Parts
  if (c.props !== undefined) return { ...c.props }
  if (c._tag === 'StrictType' && c.type !== undefined) return fieldsOf(c.type)
  if (c.types !== undefined) return Object.assign({}, ...c.types.map(fieldsOf))
  return {}
}

/** Values shaped by `codec`, each part now and then of the wrong kind. */
const valuesOf = (codec: t.Mixed, depth = 0): fc.Arbitrary<unknown> => {
  const c = codec as Parts
  /** Mostly values the leaf accepts, now and then one it refuses. */
  const leaf = (candidates: ReadonlyArray<unknown>): fc.Arbitrary<unknown> => {
    const accepted = candidates.filter((v) => codec.is(v))
    return accepted.length === 0 ? fc.constantFrom(...candidates) : fc.oneof({ arbitrary: fc.constantFrom(...accepted), weight: 10 }, { arbitrary: fc.constantFrom(...candidates), weight: 1 })
  }
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (codec === LocalDate) return leaf(DATES)
    if (codec === Timestamp) return leaf(INSTANTS)
    switch (c._tag) {
      case 'KeyofType':
        return leaf([...Object.keys(c.keys as object), 'not-a-key'])
      case 'LiteralType':
        return fc.constant(c.value)
      case 'StringType':
        return fc.constantFrom(...STRINGS)
      case 'NumberType':
        return fc.constantFrom(...NUMBERS)
      case 'BooleanType':
        return fc.boolean()
      case 'RefinementType':
        return leaf([...STRINGS, ...DATES, ...NUMBERS])
      case 'UnionType':
        return fc.oneof(...c.types!.map((m) => valuesOf(m, depth)))
      case 'ArrayType':
        return depth > 4 ? fc.constant([]) : fc.array(valuesOf(c.type!, depth + 1), { maxLength: 3 })
      default: {
        if (depth > 4) return fc.constant({})
        const fields = Object.entries(fieldsOf(codec))
        const present = fields.map(([key, field]) => fc.option(valuesOf(field, depth + 1), { freq: 30, nil: undefined }).map((v) => [key, v] as const))
        return fc
          .tuple(fc.tuple(...present), fc.option(fc.constantFrom('extra', '__proto__', 'constructor'), { freq: 20, nil: null }))
          .map(([entries, extra]) => {
            const o: Record<string, unknown> = {}
            for (const [key, v] of entries) if (v !== undefined) Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true })
            if (extra !== null) Object.defineProperty(o, extra, { value: 1, enumerable: true, writable: true, configurable: true })
            return o
          })
      }
    }
  })()
  return fc.oneof({ arbitrary: shaped, weight: 40 }, { arbitrary: fc.constantFrom(...WRONG), weight: 1 })
}

/** Every path into a JSON value (objects and arrays), the value itself first. */
const pathsOf = (v: unknown, path: ReadonlyArray<string> = []): Array<ReadonlyArray<string>> =>
  typeof v === 'object' && v !== null ? [path, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...path, k]))] : [path]

/** `v` with the value at `path` replaced (undefined: removed). */
const replaced = (v: unknown, path: ReadonlyArray<string>, by: unknown): unknown => {
  if (path.length === 0) return by
  const copy: Record<string, unknown> = Array.isArray(v) ? [...(v as unknown[])] as unknown as Record<string, unknown> : { ...(v as Record<string, unknown>) }
  const [key, ...rest] = path as [string, ...string[]]
  const inner = replaced(copy[key], rest, by)
  if (inner === undefined && !Array.isArray(v)) delete copy[key]
  else copy[key] = inner
  return copy
}

/** The shipped policy adopted, and the same with one part anywhere in it wrong or missing. */
const adoptions = (): fc.Arbitrary<unknown> => {
  const adopt = { policyId: 'city-2026', effectiveFrom: '2026-01-01', document: JSON.parse(JSON.stringify(defaultPolicyDocument)) as unknown }
  const paths = pathsOf(adopt)
  return fc.oneof(fc.constant(adopt), fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...WRONG, 'extra')).map(([path, by]) => (by === 'extra' ? replaced(adopt, [...path, 'extra'], 1) : replaced(adopt, path, by))))
}

// the decoding is `u` itself, or, where a number is NaN, a copy equal to it: io-ts compares each
// decoded field with `!==` to decide whether to copy, and NaN !== NaN (SameValue: isDeepStrictEqual)
const agreesWithDecode = (codec: t.Mixed, u: unknown): boolean => {
  const decoded = codec.decode(u)
  return codec.is(u) === E.isRight(decoded) && (E.isLeft(decoded) || decoded.right === u || (holdsNaN(u) && isDeepStrictEqual(decoded.right, u)))
}

/** Whether a NaN is anywhere in `u`. */
const holdsNaN = (u: unknown): boolean =>
  typeof u === 'number' ? Number.isNaN(u) : typeof u === 'object' && u !== null && Object.values(u).some(holdsNaN)

const codecs: ReadonlyArray<readonly [string, t.Mixed]> = [['actor', strictType(Actor.props, 'Actor')], ...Object.entries(CommandData as Readonly<Record<string, t.Mixed>>)]

describe('checksOnly', () => {
  it('takes every command codec and the actor for a checking one', () => {
    for (const [name, codec] of codecs) expect(checksOnly(codec), name).toBe(true)
  })

  for (const [name, codec] of codecs)
    it(`${name}: is holds exactly when decode succeeds, and then the decoding is the value itself`, () => {
      const values = name === 'AdoptPolicy' ? fc.oneof(valuesOf(codec), adoptions()) : valuesOf(codec)
      fc.assert(fc.property(values, (u) => agreesWithDecode(codec, u)), { numRuns: name === 'AdoptPolicy' ? 300 : 400 })
      // the values reach both answers
      const sample = fc.sample(values, { numRuns: 400, seed: 7 })
      expect(sample.some((u) => codec.is(u))).toBe(true)
      expect(sample.some((u) => !codec.is(u))).toBe(true)
    })

  it('AdoptPolicy with a NaN percentile: is and decode agree, and the decoding equals the value (seed 464231711 found it)', () => {
    const doc = JSON.parse(JSON.stringify(defaultPolicyDocument)) as { competition: { table: Array<{ percentileMax: number | null }> } }
    doc.competition.table[2]!.percentileMax = Number.NaN
    const u = { policyId: 'city-2026', effectiveFrom: '2026-01-01', document: doc }
    const codec = (CommandData as Readonly<Record<string, t.Mixed>>)['AdoptPolicy']!
    expect(codec.is(u)).toBe(true)
    expect(agreesWithDecode(codec, u)).toBe(true)
  })

  it('refuses codecs that transform, strip or are unknown', () => {
    const NumberFromString = new t.Type<number, string, unknown>('NumberFromString', (u): u is number => typeof u === 'number', (u, c) => (typeof u === 'string' ? t.success(Number(u)) : t.failure(u, c)), String)
    expect(checksOnly(NumberFromString)).toBe(false)
    expect(checksOnly(t.type({ a: t.string, n: NumberFromString }))).toBe(false)
    expect(checksOnly(strictFields({ a: t.string }, { n: t.array(NumberFromString) }, 'X'))).toBe(false)
    expect(checksOnly(t.exact(t.type({ a: t.string })))).toBe(false)
    expect(checksOnly(t.record(t.string, t.string))).toBe(false)
    expect(checksOnly(t.union([t.string, NumberFromString]))).toBe(false)
    expect(checksOnly(t.type({ a: t.string, d: LocalDate }))).toBe(true)
  })

  it('leaves decodeCommand refusing as before: the full decode words each refusal', () => {
    const r = decodeCommand({ type: 'GrantBenefit', actor: { id: 'hr', role: 'hr-bureau' }, data: { talentId: 't-1', benefit: 'living-allowance', on: '2026-02-30', extra: 1 } })
    expect(E.isLeft(r) && r.left.details.map((d) => d.field)).toEqual(['data.extra', 'data.on'])
    const ok = { type: 'GrantBenefit', actor: { id: 'hr', role: 'hr-bureau' }, data: { talentId: 't-1', benefit: 'living-allowance', on: '2026-02-28' } }
    const accepted = decodeCommand(ok)
    expect(E.isRight(accepted) && accepted.right.data).toBe(ok.data)
    expect(E.isRight(accepted) && accepted.right.actor).toBe(ok.actor)
  })
})
