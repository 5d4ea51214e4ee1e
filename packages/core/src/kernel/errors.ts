/**
 * Errors a command can end in. The codes are part of the CLI contract (ARCHITECTURE.md) and are
 * checked in this order: Malformed, Unauthorized, NotFound, Duplicate, PolicyValueUnset, NotEligible.
 * `Conflict` is what an append with a stale expected version gets after its retries ran out.
 */
export type ErrorCode =
  | 'Malformed'
  | 'Unauthorized'
  | 'NotEligible'
  | 'Conflict'
  | 'NotFound'
  | 'Duplicate'
  | 'PolicyValueUnset'

/** One reason behind an error: the rule that failed (with the policy that holds it) or the field at fault. */
export interface ErrorDetail {
  readonly rule?: string
  readonly policyId?: string
  readonly field?: string
  readonly message: string
}

/** A refusal, as plain JSON so it can be printed as a CLI result line. */
export interface DomainError {
  readonly code: ErrorCode
  readonly message: string
  readonly details: ReadonlyArray<ErrorDetail>
}

/** Builds a DomainError. */
export const domainError = (
  code: ErrorCode,
  message: string,
  details: ReadonlyArray<ErrorDetail> = [],
): DomainError => ({ code, message, details })

/** `Unauthorized`: the actor may not issue this command. */
export const unauthorized = (message: string): DomainError => domainError('Unauthorized', message)
/** `NotFound`: something the command names does not exist. */
export const notFound = (message: string): DomainError => domainError('NotFound', message)
/** `Duplicate`: the command was already carried out. */
export const duplicate = (message: string): DomainError => domainError('Duplicate', message)
/** `PolicyValueUnset`: the policy in force leaves a value the command needs unset. */
export const policyValueUnset = (policyId: string, value: string): DomainError =>
  domainError('PolicyValueUnset', `policy ${policyId} does not set ${value}; the city must adopt a policy that sets it`, [
    { policyId, field: value, message: `${value} is unset` },
  ])
/** `NotEligible`: listing every rule that failed. */
export const notEligible = (message: string, failed: ReadonlyArray<ErrorDetail>): DomainError =>
  domainError('NotEligible', message, failed)
