/**
 * The `asOf` / `knownAt` query parameters of a profile read, checked at the boundary: a business
 * date must be a real calendar day, a record time an ISO 8601 UTC instant. A bad value is a 400,
 * never a silently empty (or silently complete) profile.
 */
import { isLocalDate, Timestamp, type AsOf } from '@talent-ledger/core'
import { malformed, type Refusal } from './http-status.js'

/** Raw query string values (Fastify gives a string, an array for a repeated key, or nothing). */
export type RawQuery = Readonly<Record<string, unknown>>

/** The read options, or the refusal to send back. */
export const readOptions = (query: RawQuery): { readonly ok: true; readonly at: AsOf } | Refusal => {
  const { asOf, knownAt } = query
  if (asOf !== undefined && (typeof asOf !== 'string' || !isLocalDate(asOf)))
    return malformed(`asOf ${JSON.stringify(asOf)} is not a calendar date (YYYY-MM-DD)`, 'asOf')
  if (knownAt !== undefined && (typeof knownAt !== 'string' || !Timestamp.is(knownAt)))
    return malformed(`knownAt ${JSON.stringify(knownAt)} is not an ISO 8601 UTC timestamp (e.g. 2026-05-01T10:00:00Z)`, 'knownAt')
  return {
    ok: true,
    at: {
      ...(asOf === undefined ? {} : { asOf }),
      // stored recordedAt values carry milliseconds and are compared as strings: normalise so that
      // `…T10:00:00Z` does not sort after `…T10:00:00.500Z`
      ...(knownAt === undefined ? {} : { knownAt: new Date(knownAt).toISOString() }),
    },
  }
}
