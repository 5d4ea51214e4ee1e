/**
 * Business dates for generated histories: `YYYY-MM-DD` strings that exist on the calendar, and the
 * day arithmetic the generators need. Days are counted in UTC so no time zone can shift a date.
 */
import * as fc from 'fast-check'

const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayNumber = (date: string): number =>
  Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY)

/** The `YYYY-MM-DD` date of a day number (years 0000–9999). */
export const dateOfDay = (day: number): string => {
  const d = new Date(day * MS_PER_DAY)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** `date` plus `days` (negative to go back). */
export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days)

/** An existing calendar date between `min` and `max` (inclusive, defaults 2000-01-01 … 2040-12-31). */
export const localDate = (constraints: { readonly min?: string; readonly max?: string } = {}): fc.Arbitrary<string> =>
  fc.integer({ min: dayNumber(constraints.min ?? '2000-01-01'), max: dayNumber(constraints.max ?? '2040-12-31') }).map(dateOfDay)

/** Strings that look like dates but name no calendar day (or are not `YYYY-MM-DD` at all). */
export const impossibleDate: fc.Arbitrary<string> = fc.constantFrom('2023-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-5', '20260105', '')

/**
 * Full years from `from` to `to`, written independently of the core's `fullYearsBetween` so the
 * invariants that use it do not share its mistakes: the anniversary counts on its day; 0 when `to` is earlier.
 */
export const fullYears = (from: string, to: string): number => {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0)
  return years < 0 ? 0 : years
}
