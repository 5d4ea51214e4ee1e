/**
 * How a refusal maps to an HTTP status. The ledger's error codes are the contract (the same ones
 * the CLI prints); this table is the only place the service turns them into HTTP, so a client can
 * branch on the status and still read the exact code and rule ids in the body.
 */
import type { DomainError, ErrorCode } from '@talent-ledger/core'

// A Record over every code: adding a code to core fails to compile here until it is mapped.
const STATUS: Readonly<Record<ErrorCode, number>> = {
  Malformed: 400,
  Unauthorized: 403,
  NotFound: 404,
  Duplicate: 409,
  Conflict: 409,
  PolicyValueUnset: 422,
  NotEligible: 422,
}

/** The HTTP status of a refused command. */
export const statusOf = (code: ErrorCode): number => STATUS[code]

/** The body of a refusal: the same `{ ok: false, error }` shape as a refused CLI result line. */
export interface Refusal {
  readonly ok: false
  readonly error: DomainError
}

/** A refusal made by the service itself, in the ledger's shape. */
export const refusal = (code: ErrorCode, message: string, details: DomainError['details'] = []): Refusal => ({
  ok: false,
  error: { code, message, details },
})

/** A `Malformed` refusal for input rejected at the HTTP boundary, before the ledger sees it. */
export const malformed = (message: string, field?: string): Refusal =>
  refusal('Malformed', message, [field === undefined ? { message } : { field, message }])
