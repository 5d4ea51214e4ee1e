/**
 * What an SMTP failure means for the relay (投递结果): a permanent reply (5xx: unknown mailbox, policy
 * refusal) is `rejected`, the row is parked; a temporary one (4xx: greylisting, mailbox busy) and
 * anything below SMTP (connection refused, timeout, dropped socket) is `retry`.
 */
import type { DeliveryOutcome } from '@talent-ledger/core'

/** The fields nodemailer puts on its errors. */
interface SmtpError {
  readonly message?: string
  readonly code?: string
  readonly responseCode?: number
  readonly response?: string
}

/** The outcome of a failed `sendMail`. */
export const smtpFailureOutcome = (error: unknown): DeliveryOutcome => {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpError
  const reply = e.response ?? e.message ?? 'unknown SMTP error'
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'rejected', reason: `SMTP ${e.responseCode}: ${reply}` }
  if (typeof e.responseCode === 'number') return { kind: 'retry', reason: `SMTP ${e.responseCode}: ${reply}` }
  return { kind: 'retry', reason: `SMTP ${e.code ?? 'error'}: ${e.message ?? reply}` }
}
