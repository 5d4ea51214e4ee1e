/**
 * The certificate-number category (stream `certificate-<number>`): one stream per certificate number,
 * so that a number is recorded for one talent in the whole city (证书编号全市唯一). The talent
 * stream alone can only see its own numbers; a reservation stream per number makes the store's own
 * optimistic concurrency do the city-wide check: two writers claiming one number both expect an
 * empty stream, one append wins, and the other's retry reads the claim and is refused `Duplicate`.
 * The ledger claims the number (ledger.ts) after the prior certificate's own checks pass and
 * before it records the certificate; a claim by the same talent again is "already so", so a retry
 * after a crash between the two appends completes the command.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import { domainError, type DomainError } from '../../kernel/errors.js'
import type { Actor } from '../../vocabulary/roles.js'
import { CertificateEventData, type CertificateEvent } from './messages.js'

/** Stream id of a certificate number. */
export const certificateNumberStream = (certificateNumber: string): string => `certificate-${certificateNumber}`

/** Whom a certificate number is recorded for (null: nobody yet). */
export interface CertificateNumberState {
  readonly talentId: string | null
}

/** The ledger's own command: claim a number for the talent whose prior certificate carries it. */
export interface ClaimCertificateNumber {
  readonly type: 'ClaimCertificateNumber'
  readonly actor: Actor
  readonly data: { readonly certificateNumber: string; readonly talentId: string }
}

/** Decides a claim: the number's first claim, "already so" for the same talent, `Duplicate` for another. */
export const decideClaim = (c: ClaimCertificateNumber, s: CertificateNumberState): E.Either<DomainError, ReadonlyArray<CertificateEvent>> => {
  if (s.talentId === c.data.talentId) return E.right([])
  if (s.talentId !== null)
    return E.left(
      domainError('Duplicate', `certificate ${c.data.certificateNumber} is already recorded for another talent`, [
        { rule: 'certificate.number-unique', field: 'data.certificateNumber', message: 'the number is recorded for another talent' },
      ]),
    )
  return E.right([{ type: 'CertificateNumberClaimed', data: { certificateNumber: c.data.certificateNumber, talentId: c.data.talentId } }])
}

/** The certificate-number category (no context: the number's own stream decides). */
export const certificateNumberCategory: Category<ClaimCertificateNumber, CertificateEvent, CertificateNumberState, null, unknown> = {
  name: 'certificate',
  streamOf: certificateNumberStream,
  idOfEvent: (e) => e.data.certificateNumber,
  idOf: (c) => c.data.certificateNumber,
  events: CertificateEventData,
  initialState: { talentId: null },
  evolve: (s, e) => (s.talentId === null ? { talentId: e.data.talentId } : s),
  context: async () => null,
  decide: decideClaim,
}
