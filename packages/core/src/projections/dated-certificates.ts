/**
 * Each talent's certificates with the day they were issued and revoked (持证记录), as the figure
 * projections keep them to judge "high-skilled on that day": certified in the ledger, recorded as
 * prior, revoked. One copy, so the projections that need it cannot drift on what a revocation ends.
 */
import type { LedgerEvent } from '../domain/events.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { CertifiedLevel } from '../vocabulary/ladder.js'
import { appended } from './appended.js'

/** A certificate with its issue date and, once revoked, the revocation date (updated in place). */
export interface DatedCertificate {
  readonly level: CertifiedLevel
  readonly on: string
  revokedOn: string | null
}

/** The event types `applyCertificateEvent` reads (for a projection's `eventTypes`). */
export const CERTIFICATE_EVENT_TYPES = ['LevelCertified', 'PriorCertificateRecorded', 'CertificateRevoked'] as const satisfies ReadonlyArray<LedgerEvent['type']>

/** Records a certificate event in `certificates` (by talent id); false for any other event. */
export const applyCertificateEvent = (certificates: Record<string, DatedCertificate[]>, e: LedgerEvent): boolean => {
  switch (e.type) {
    case 'LevelCertified':
      keepEntry(certificates, e.data.talentId, appended(ownEntry(certificates, e.data.talentId), { level: e.data.level, on: e.data.on, revokedOn: null }))
      return true
    case 'PriorCertificateRecorded':
      keepEntry(certificates, e.data.talentId, appended(ownEntry(certificates, e.data.talentId), { level: e.data.level, on: e.data.issuedOn, revokedOn: null }))
      return true
    case 'CertificateRevoked':
      for (const c of ownEntry(certificates, e.data.talentId) ?? []) if (c.level === e.data.level && c.revokedOn === null) c.revokedOn = e.data.on
      return true
    default:
      return false
  }
}
