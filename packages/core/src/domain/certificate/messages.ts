/**
 * The certificate-number aggregate's events, as io-ts codecs of their `data`. It has no command of
 * the catalogue: the ledger claims a number itself before it records a prior certificate under it
 * (category.ts). NOTE: the event shape is the storage format (see talent/events.ts).
 */
import * as t from 'io-ts'
import type { EventsOf } from '../messages.js'

/** `data` codec of each certificate-number event (schemaVersion 1). */
export const CertificateEventData = {
  /** 证书编号: the number is the talent's, city-wide, from now on. */
  CertificateNumberClaimed: t.type({ certificateNumber: t.string, talentId: t.string }),
} as const

/** No command of the catalogue: the claim is the ledger's own step (ClaimCertificateNumber). */
export const CertificateCommandData = {} as const

export type CertificateEvent = EventsOf<typeof CertificateEventData>
