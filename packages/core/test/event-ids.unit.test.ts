/**
 * The ledger's default event ids (application/event-ids.ts) are UUID v7 as `uuid`'s `v7()` makes
 * them: valid, version 7, their time the clock's, ordered as made even within one millisecond and
 * across refills of the random pool, and all different; and their text, written as one string,
 * is `v7()`'s for any random bytes, millisecond and counter.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { v7, validate, version } from 'uuid'
import { uuidV7Ids, uuidV7Text } from '../src/application/event-ids.js'

afterEach(() => void vi.restoreAllMocks())

/** The millisecond a v7 id carries in its first 48 bits. */
const msecsOf = (id: string): number => parseInt(id.replaceAll('-', '').slice(0, 12), 16)

describe('uuidV7Ids', () => {
  it('makes valid version 7 UUIDs carrying the time they were made', () => {
    const next = uuidV7Ids()
    const before = Date.now()
    const id = next()
    expect(validate(id)).toBe(true)
    expect(version(id)).toBe(7)
    expect(msecsOf(id)).toBeGreaterThanOrEqual(before)
    expect(msecsOf(id)).toBeLessThanOrEqual(Date.now())
  })

  it('orders ids made in one millisecond, across several refills of the pool, and never repeats one', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7))
    const next = uuidV7Ids()
    const ids = Array.from({ length: 1000 }, next)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true)
  })

  it('keeps ids ordered when the clock steps back', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7, 0, 0, 1))
    const next = uuidV7Ids()
    const first = next()
    now.mockReturnValue(Date.UTC(2026, 11, 7))
    const second = next()
    expect(second > first).toBe(true)
  })
})

describe('uuidV7Text', () => {
  it("is uuid's v7({ random, msecs, seq }) for any random bytes, offset in the pool, millisecond and counter", () => {
    const msecs = fc.oneof(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.constantFrom(0, 2 ** 48 - 1, 2 ** 32, 2 ** 32 - 1, Date.UTC(2026, 11, 7)))
    const seq = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)))
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.nat(), msecs, seq, (pool, offset, ms, s) => {
        const at = offset % (pool.length - 15)
        expect(uuidV7Text(pool, at, ms, s)).toBe(v7({ random: pool.slice(at, at + 16), msecs: ms, seq: s }))
      }),
      { numRuns: 5000 },
    )
  })
})
