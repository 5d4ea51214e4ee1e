/**
 * Business dates: which strings are calendar days, whole years between two dates (anniversaries,
 * Feb 29 included) and month arithmetic that clamps to the month's last day. Checked against a
 * table of known answers and, as a property, against the UTC calendar of `Date`.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { LocalDate, Timestamp, fullYearsBetween, isLocalDate } from '../src/index.js'
import { addMonths, addYears, yearOf } from '../src/kernel/dates.js'

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Year, month and day-of-month numbers, some of which name no calendar day. */
const ymd = (minYear: number, maxYear: number) =>
  fc.tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))

describe('isLocalDate', () => {
  it('accepts Feb 29 only in leap years (every 4th, not centuries, but every 400th)', () => {
    expect(isLocalDate('2024-02-29')).toBe(true)
    expect(isLocalDate('2000-02-29')).toBe(true)
    expect(isLocalDate('2023-02-29')).toBe(false)
    expect(isLocalDate('1900-02-29')).toBe(false)
    expect(isLocalDate('2100-02-29')).toBe(false)
  })

  it('rejects days and months that do not exist and anything not written YYYY-MM-DD', () => {
    const bad = ['2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-1-01', '26-01-01']
    for (const s of [...bad, ' 2026-01-01', '2026-01-01T00:00:00Z', '2026/01/01', '']) expect(isLocalDate(s), s).toBe(false)
    for (const good of ['2026-01-31', '2026-04-30', '2026-12-31', '0001-01-01', '9999-12-31']) expect(isLocalDate(good), good).toBe(true)
  })

  it('agrees with the UTC calendar of Date for every year, month and day', () => {
    fc.assert(
      fc.property(ymd(1000, 9999), ([y, m, d]) => {
        const onCalendar = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d
        expect(isLocalDate(`${pad(y, 4)}-${pad(m)}-${pad(d)}`)).toBe(onCalendar)
      }),
      { numRuns: 300 },
    )
  })

  it('accepts exactly the strings of the pattern YYYY-MM-DD (ASCII digits) that name a calendar day', () => {
    // strings near the pattern: ASCII digits, dashes, and characters a digit test could let through
    const near = fc.array(fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', 'a', '\u0663', '\uff11', '\n'), { minLength: 8, maxLength: 12 }).map((cs) => cs.join(''))
    const byPattern = (s: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
      if (m === null) return false
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
      const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
      return days !== undefined && d >= 1 && d <= days
    }
    fc.assert(
      fc.property(fc.oneof(near, ymd(0, 9999).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`)), (s) => {
        expect(isLocalDate(s), s).toBe(byPattern(s))
      }),
      { numRuns: 2000 },
    )
  })

  it('backs the LocalDate and Timestamp codecs', () => {
    expect(E.isRight(LocalDate.decode('2024-02-29'))).toBe(true)
    expect(E.isLeft(LocalDate.decode('2023-02-29'))).toBe(true)
    expect(E.isLeft(LocalDate.decode(20240229))).toBe(true)
    expect(E.isRight(Timestamp.decode('2026-11-28T10:00:00.000Z'))).toBe(true)
    expect(E.isRight(Timestamp.decode('2026-11-28T10:00:00Z'))).toBe(true)
    expect(E.isLeft(Timestamp.decode('2026-02-30T10:00:00.000Z'))).toBe(true)
    expect(E.isLeft(Timestamp.decode('2026-11-28T10:00:00.000+08:00'))).toBe(true)
  })
})

describe('fullYearsBetween', () => {
  it('counts a year on its anniversary, not the day before', () => {
    expect(fullYearsBetween('2000-01-15', '2010-01-14')).toBe(9)
    expect(fullYearsBetween('2000-01-15', '2010-01-15')).toBe(10)
    expect(fullYearsBetween('2000-12-31', '2001-12-30')).toBe(0)
    expect(fullYearsBetween('2000-12-31', '2001-12-31')).toBe(1)
    expect(fullYearsBetween('2020-06-01', '2020-06-01')).toBe(0)
  })

  it('puts the anniversary of Feb 29 on Mar 1 in common years and on Feb 29 in leap years', () => {
    expect(fullYearsBetween('2024-02-29', '2025-02-28')).toBe(0)
    expect(fullYearsBetween('2024-02-29', '2025-03-01')).toBe(1)
    expect(fullYearsBetween('2024-02-29', '2028-02-28')).toBe(3)
    expect(fullYearsBetween('2024-02-29', '2028-02-29')).toBe(4)
    expect(fullYearsBetween('2023-02-28', '2024-02-28')).toBe(1)
  })

  it('is 0 when the second date is earlier', () => {
    expect(fullYearsBetween('2026-05-01', '2020-05-01')).toBe(0)
  })

  it('gives n for a date and the same day n years on (every day but Feb 29)', () => {
    fc.assert(
      fc.property(ymd(1900, 2200), fc.nat(80), ([y, m, d], n) => {
        const from = `${y}-${pad(m)}-${pad(d)}`
        fc.pre(isLocalDate(from) && !(m === 2 && d === 29))
        expect(fullYearsBetween(from, addYears(from, n))).toBe(n)
      }),
      { numRuns: 200 },
    )
  })
})

describe('addMonths and addYears', () => {
  it("clamp to the target month's last day", () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
  })

  it('cross year boundaries both ways', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15')
    expect(addMonths('2026-05-10', 24)).toBe('2028-05-10')
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10')
  })

  it('always land on a calendar day, never before the same day-of-month unless clamped', () => {
    fc.assert(
      fc.property(ymd(1900, 2200), fc.integer({ min: -600, max: 600 }), ([y, m, d], n) => {
        const from = `${y}-${pad(m)}-${pad(d)}`
        fc.pre(isLocalDate(from))
        const to = addMonths(from, n)
        expect(isLocalDate(to)).toBe(true)
        const day = Number(to.slice(8, 10))
        // the day is kept, or clamped down to the last day of a shorter month
        expect(day === d || (day < d && !isLocalDate(`${to.slice(0, 8)}${pad(day + 1)}`))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('yearOf', () => {
  it('reads the year of a date from its four digits, and anything else as Number reads its first four characters', () => {
    expect(yearOf('2026-12-31')).toBe(2026)
    expect(yearOf('0001-01-01')).toBe(1)
    const dateLike = fc.tuple(fc.stringMatching(/^[0-9 +.eE-]{0,5}$/), fc.string({ maxLength: 6 })).map(([a, b]) => a + b)
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 12 }), dateLike), (s) => {
      expect(Object.is(yearOf(s), Number(s.slice(0, 4))), s).toBe(true)
    }), { numRuns: 2000 })
  })
})
