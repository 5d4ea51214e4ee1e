/**
 * Option values checked before any store is touched: business dates must be real calendar days,
 * record times ISO 8601 instants in UTC, counts whole numbers. A bad value is a `UsageError` (exit 2).
 */
import { isRight } from 'fp-ts/lib/Either.js'
import { isLocalDate, Timestamp } from '@talent-ledger/core'
import { UsageError } from './usage-error.js'

/** A business date `YYYY-MM-DD` that exists on the calendar. */
export const parseDate = (flag: string, value: string): string => {
  if (!isLocalDate(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`)
  return value
}

/**
 * A record time, ISO 8601 UTC. Normalised to milliseconds because stored `recordedAt` values have
 * them and are compared as strings: `…T10:00:00Z` must not sort after `…T10:00:00.500Z`.
 */
export const parseTimestamp = (flag: string, value: string): string => {
  if (!isRight(Timestamp.decode(value))) throw new UsageError(`${flag} ${JSON.stringify(value)} is not an ISO 8601 UTC timestamp (e.g. 2026-05-01T10:00:00Z)`)
  return new Date(value).toISOString()
}

/** A whole number at least `min`. */
export const parseCount = (flag: string, value: string, min = 0): number => {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a whole number ≥ ${min}`)
  return n
}

/** One of `values` (a closed vocabulary such as a delivery status). */
export const parseChoice = <V extends string>(flag: string, value: string, values: ReadonlyArray<V>): V => {
  if (!(values as ReadonlyArray<string>).includes(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not one of ${values.join(', ')}`)
  return value as V
}

/** Today's date in UTC: the default `--as-of` of reports. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10)

/** A SQLite durability mode, `FULL` or `NORMAL` (any case). */
export const parseDurability = (flag: string, value: string): 'FULL' | 'NORMAL' => {
  const upper = value.toUpperCase()
  if (upper !== 'FULL' && upper !== 'NORMAL') throw new UsageError(`${flag} ${JSON.stringify(value)} is not a durability mode (FULL or NORMAL)`)
  return upper
}

/** A fraction above 0 and at most 1 (a scale: 0.01 is 1 %). */
export const parseFraction = (flag: string, value: string): number => {
  const n = Number(value)
  if (!/^(0|1)?(\.\d+)?$/.test(value) || value === '' || value === '.' || !(n > 0 && n <= 1)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a fraction above 0 and at most 1 (e.g. 0.01 for 1 %)`)
  return n
}
