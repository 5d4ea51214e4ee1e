/**
 * Featured-industry certificates on the city dashboard (DOMAIN.md §13, §16 `featuredCertificates`):
 * per city standard and level, the certificates issued by the report date — off the ladder
 * (`FeaturedSkillCertified`) and on it (`LevelCertified` naming a standard, while not revoked).
 * Only dated facts are kept, so one state answers for any `asOf`.
 */
import type { Projection } from '../kernel/projection.js'
import { entryOrKept, ownEntry } from '../kernel/own-keys.js'
import type { LedgerEvent } from '../domain/events.js'

interface Dated {
  readonly standardId: string
  readonly level: string
  readonly on: string
  revokedOn: string | null
}

/** What the featured-certificate figures remember of the log (updated in place by `apply`). */
export interface FeaturedCertificatesState {
  /** Certificates of each talent, in log order. */
  readonly certificates: Record<string, Dated[]>
}

/** One row of `featuredCertificates`. */
export interface FeaturedCertificateRow {
  readonly standardId: string
  readonly level: string
  readonly count: number
}

/** The report's addition. */
export interface FeaturedCertificateFigures {
  readonly featuredCertificates: ReadonlyArray<FeaturedCertificateRow>
}

/** The featured-certificate projection. */
export const featuredCertificatesProjection: Projection<FeaturedCertificatesState, LedgerEvent> = {
  name: 'featured-certificates',
  // the types apply reads: a rebuild skips the rest undecoded (projection-event-types test)
  eventTypes: new Set<LedgerEvent['type']>(['FeaturedSkillCertified', 'LevelCertified', 'CertificateRevoked']),
  initialState: () => ({ certificates: {} }),
  apply: (s, e) => {
    if (e.type === 'FeaturedSkillCertified') entryOrKept(s.certificates, e.data.talentId, () => []).push({ standardId: e.data.standardId, level: e.data.level, on: e.data.on, revokedOn: null })
    else if (e.type === 'LevelCertified' && e.data.standardId !== undefined) entryOrKept(s.certificates, e.data.talentId, () => []).push({ standardId: e.data.standardId, level: e.data.level, on: e.data.on, revokedOn: null })
    else if (e.type === 'CertificateRevoked')
      // a revocation of a ladder level revokes the featured certificate on the ladder at that level
      for (const c of ownEntry(s.certificates, e.data.talentId) ?? []) if (c.level === e.data.level && c.revokedOn === null) c.revokedOn = e.data.on
    return s
  },
}

/** The rows as of `asOf`, sorted by standard and level. */
export const featuredCertificateFigures = (s: FeaturedCertificatesState, asOf: string): FeaturedCertificateFigures => {
  const counts = new Map<string, FeaturedCertificateRow>()
  for (const list of Object.values(s.certificates))
    for (const c of list) {
      if (c.on > asOf || (c.revokedOn !== null && c.revokedOn <= asOf)) continue
      const key = JSON.stringify([c.standardId, c.level])
      const row = counts.get(key) ?? { standardId: c.standardId, level: c.level, count: 0 }
      counts.set(key, { ...row, count: row.count + 1 })
    }
  const order = (a: FeaturedCertificateRow, b: FeaturedCertificateRow): number => (a.standardId < b.standardId ? -1 : a.standardId > b.standardId ? 1 : a.level < b.level ? -1 : a.level > b.level ? 1 : 0)
  return { featuredCertificates: [...counts.values()].sort(order) }
}
