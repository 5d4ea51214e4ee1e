/**
 * The talent pool (高技能人才库): every talent currently high-skilled, with level and district.
 * Built from TalentPoolEntered / TalentPoolLeft and the certificate events that move the level.
 */
import { produce } from 'immer'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { Projection } from '../kernel/projection.js'
import type { EventOf, LedgerEvent } from '../domain/events.js'
import { rank, type CertifiedLevel } from '../vocabulary/ladder.js'

/** One member of the pool. */
export interface PoolMember {
  readonly talentId: string
  readonly since: string
  readonly level: CertifiedLevel
  readonly district: string
}

/** What the projection knows of one talent: its district and valid certificate levels. */
interface PoolTalent {
  readonly district: string
  readonly certificates: ReadonlyArray<CertifiedLevel>
}

/** The pool, plus what the projection needs to keep levels current (records updated in place by `apply`). */
export interface TalentPoolState {
  readonly members: Record<string, PoolMember>
  readonly talents: Record<string, PoolTalent>
}

const highest = (levels: ReadonlyArray<CertifiedLevel>): CertifiedLevel | null =>
  levels.reduce<CertifiedLevel | null>((m, l) => (rank(l) > rank(m) ? l : m), null)

/** A talent's entry after a certificate is granted or revoked (immer: a new entry, the old one untouched). */
const withCertificate = (t: PoolTalent, e: EventOf<'LevelCertified' | 'PriorCertificateRecorded' | 'CertificateRevoked'>): PoolTalent =>
  produce(t, (draft) => {
    if (e.type === 'LevelCertified' || e.type === 'PriorCertificateRecorded') draft.certificates.push(e.data.level)
    else {
      const i = draft.certificates.indexOf(e.data.level)
      if (i >= 0) draft.certificates.splice(i, 1)
    }
  })

const applyEvent = (state: TalentPoolState, e: LedgerEvent): void => {
  switch (e.type) {
    case 'TalentRegistered':
      keepEntry(state.talents, e.data.talentId, { district: e.data.district, certificates: [] })
      return
    case 'LevelCertified':
    case 'PriorCertificateRecorded':
    case 'CertificateRevoked': {
      const t = ownEntry(state.talents, e.data.talentId)
      if (t === undefined) return
      const next = withCertificate(t, e)
      keepEntry(state.talents, e.data.talentId, next)
      const member = ownEntry(state.members, e.data.talentId)
      const level = highest(next.certificates)
      if (member !== undefined && level !== null) keepEntry(state.members, e.data.talentId, { ...member, level })
      return
    }
    case 'TalentPoolEntered': {
      const t = ownEntry(state.talents, e.data.talentId)
      const level = highest(t?.certificates ?? [])
      if (t !== undefined && level !== null) keepEntry(state.members, e.data.talentId, { talentId: e.data.talentId, since: e.data.on, level, district: t.district })
      return
    }
    case 'TalentPoolLeft':
      delete state.members[e.data.talentId]
      return
    default:
      return
  }
}

/** The talent-pool projection. */
export const talentPoolProjection: Projection<TalentPoolState, LedgerEvent> = {
  name: 'talent-pool',
  initialState: () => ({ members: {}, talents: {} }),
  apply: (state, e) => {
    applyEvent(state, e)
    return state
  },
}
