/**
 * A row's certificate checked before its person is registered, so a row refused for its certificate
 * leaves no talent behind: the command is decoded and sanity-checked as the ledger will (the same
 * core functions), and a prior certificate must be issued by the record date (the decider's
 * `prior-certificate.issued`). What only the talent's stream can tell (a number or level recorded
 * already) is left to the ledger.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeCommand, sanityOf, type DomainError } from '@talent-ledger/core'

/** The error the ledger would answer for this RecordPriorCertificate on any talent, or null. */
export const certificateProblem = (command: unknown, recordDate: string): DomainError | null => {
  const decoded = decodeCommand(command)
  if (E.isLeft(decoded)) return decoded.left
  const insane = sanityOf(decoded.right, recordDate)
  if (insane !== null) return insane
  const c = decoded.right
  if (c.type === 'RecordPriorCertificate' && c.data.issuedOn > recordDate)
    return {
      code: 'NotEligible',
      message: 'a prior certificate is one already issued',
      details: [{ rule: 'prior-certificate.issued', field: 'data.issuedOn', message: `issued on ${c.data.issuedOn}, after the record date ${recordDate}` }],
    }
  return null
}
