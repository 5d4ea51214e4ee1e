/**
 * `recordDateOf` answers instants of an hour it has just answered without parsing them again: it
 * must give what parsing each instant gives (its day in UTC+8), across hour and day boundaries, for
 * instants out of the clock's form, and still throw for an instant Date cannot read.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { recordDateOf } from '../src/domain/decision-env.js'

const parsed = (ts: string): string => new Date(Date.parse(ts) + 8 * 3_600_000).toISOString().slice(0, 10)

describe('recordDateOf', () => {
  it('is the calendar day in UTC+8, also for consecutive instants of one hour', () => {
    const instants = [
      '2026-01-01T15:59:59.999Z', '2026-01-01T16:00:00.000Z', '2026-01-01T16:59:59Z', '2026-01-01T15:00:00.000Z',
      '2026-12-31T16:00:00.000Z', '2026-12-31T23:59:59.999Z', '2024-02-28T16:30:00.000Z', '2024-02-28T16:30:00+08:00',
      '2024-02-28T16:30:00.000+01:00', '2024-02-28T16:30:00.1234Z', '2024-02-28', '2024-02-28T16:30Z', '0001-01-01T00:00:00.000Z',
    ]
    for (const ts of [...instants, ...instants.reverse()]) expect(recordDateOf(ts), ts).toBe(parsed(ts))
    expect(recordDateOf('2026-03-01T00:00:00.000Z')).toBe('2026-03-01')
    expect(recordDateOf('2026-03-01T16:00:00.000Z')).toBe('2026-03-02')
  })

  it('agrees with parsing on arbitrary instants, in any order', () => {
    const instant = fc.date({ min: new Date('1949-10-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString())
    fc.assert(fc.property(fc.array(instant, { maxLength: 20 }), (all) => all.every((ts) => recordDateOf(ts) === parsed(ts))), { numRuns: 300 })
  })

  it('throws for an instant Date cannot read, even after an answer for the same hour', () => {
    expect(recordDateOf('2026-05-05T10:00:00.000Z')).toBe('2026-05-05')
    expect(() => recordDateOf('2026-05-05T10:61:00.000Z')).toThrow(RangeError)
    expect(() => recordDateOf('2026-05-05T10:00:60.000Z')).toThrow(RangeError)
    expect(() => recordDateOf('not a time')).toThrow(RangeError)
    expect(() => recordDateOf('2026-13-05T10:00:00.000Z')).toThrow(RangeError)
  })
})
