/**
 * `jsonEqual` must judge two JSON values exactly as comparing their canonical JSON would: `verify`
 * relies on it to find an altered outbox payload.
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
