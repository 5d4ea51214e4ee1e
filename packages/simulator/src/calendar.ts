/**
 * Dates as day numbers (days since 1970-01-01, UTC) while simulating, so the generator adds and
 * compares integers; each day is turned into `YYYY-MM-DD` once and cached. Year arithmetic follows
 * the core's `fullYearsBetween`: the n-th anniversary of 29 February is 1 March in a common year.
 */

const MS_PER_DAY = 86_400_000

/** Day number of a `YYYY-MM-DD` date. */
export const dayOf = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY

const cache = new Map<number, string>()

/** `YYYY-MM-DD` of a day number. */
export const dateOf = (day: number): string => {
  let s = cache.get(day)
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    cache.set(day, s)
  }
  return s
}

/** The first day on which `years` full years have passed since `day` (Date.UTC rolls 29 Feb to 1 Mar). */
export const anniversary = (day: number, years: number): number => {
  const d = new Date(day * MS_PER_DAY)
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY
}

/** Calendar year of a day number. */
export const yearOfDay = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear()

/** Day number of the `dayOfMonth`-th of the month `months` after the month of `day`. */
export const monthDay = (day: number, months: number, dayOfMonth: number): number => {
  const d = new Date(day * MS_PER_DAY)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, dayOfMonth) / MS_PER_DAY
}
