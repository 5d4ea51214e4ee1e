/**
 * Business dates (`YYYY-MM-DD`) and record timestamps (ISO 8601), kept as strings so state stays
 * plain JSON. Calendar arithmetic is done on the numbers, never through `Date` time zones.
 */
import * as t from 'io-ts'

/** A calendar date that exists, written `YYYY-MM-DD` (validated by the codec at every boundary). */
export type LocalDate = string

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

// below any number four digits can make, so one non-digit leaves the year, month or day negative
const NOT_A_DIGIT = -100_000

/** The ASCII digit at `i` of `s` as a number (what `\d` matches), or `NOT_A_DIGIT`. */
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48
  return d >= 0 && d <= 9 ? d : NOT_A_DIGIT
}

const DASH = 45

/**
 * True when `s` is `YYYY-MM-DD` and names a day on the calendar (no 2023-02-29). Read character
 * by character, with no match array or numbers parsed from substrings: every event a store reads
 * back has its date checked here.
 */
export const isLocalDate = (s: string): boolean => {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3)
  const mo = digitAt(s, 5) * 10 + digitAt(s, 6)
  const d = digitAt(s, 8) * 10 + digitAt(s, 9)
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

const stringCodec = (name: string, ok: (s: string) => boolean): t.Type<string, string, unknown> =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && ok(u),
    (u, c) => (typeof u === 'string' && ok(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  )

/** Codec of a calendar date that exists. */
export const LocalDate = stringCodec('LocalDate (YYYY-MM-DD, a real calendar day)', isLocalDate)

/** An instant, ISO 8601 in UTC (`2026-11-28T10:00:00.000Z`). */
export type Timestamp = string
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
/** True when `s` is a UTC ISO 8601 instant on a real calendar day. */
export const isTimestamp = (s: string): boolean => TS.test(s) && isLocalDate(s.slice(0, 10))
/** Codec of a UTC ISO 8601 instant. */
export const Timestamp = stringCodec('Timestamp (ISO 8601 UTC)', isTimestamp)

const parts = (d: string): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))]
const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Whole years from `from` to `to` (an anniversary counts on its day; 0 when `to` is earlier). */
export const fullYearsBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  const years = y2 - y1 - (m2 * 100 + d2 < m1 * 100 + d1 ? 1 : 0)
  return Math.max(0, years)
}

/** `date` plus `months`, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export const addMonths = (date: string, months: number): LocalDate => {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}` 
}

/** `date` plus whole `years`. */
export const addYears = (date: string, years: number): LocalDate => addMonths(date, years * 12)

/** The business date of a timestamp. */
export const dateOf = (ts: string): LocalDate => ts.slice(0, 10) 

/** Calendar year of a date (read from its four digits; anything else as `Number` reads it). */
export const yearOf = (date: string): number => {
  // the reports take the year of every grant and delivery: no substring when the four are digits
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3)
  return year >= 0 ? year : Number(date.slice(0, 4))
}

/** `date` plus whole `days` (negative to go back). */
export const addDays = (date: string, days: number): LocalDate => {
  const [y, m, d] = parts(date)
  // NOTE: Date.UTC is used as a day counter only; no local time zone is involved
  const shifted = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000)
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}
