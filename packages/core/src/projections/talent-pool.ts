/**
 * The talent pool (高技能人才库): every talent currently high-skilled, with level and district.
 * Built from TalentPoolEntered / TalentPoolLeft and the certificate events that move the level.
 */
import { produce } from 'immer'
import type { Projection } from '../kernel/projection.js'
import type { LedgerEvent } from '../domain/events.js'
import { rank, type CertifiedLevel } from '../domain/ladder.js'

/** One member of the pool. */
export interface PoolMember {
  readonly talentId: string
  readonly since: string
  readonly level: CertifiedLevel
  readonly district: string
}

/** The pool, plus what the projection needs to keep levels current. */
export interface TalentPoolState {
  readonly members: Readonly<Record<string, PoolMember>>
  readonly talents: Readonly<Record<string, { readonly district: string; readonly certificates: ReadonlyArray<CertifiedLevel> }>>
}

const highest = (levels: ReadonlyArray<CertifiedLevel>): CertifiedLevel | null =>
  levels.reduce<CertifiedLevel | null>((m, l) => (rank(l) > rank(m) ? l : m), null)

/** The talent-pool projection. */
export const talentPoolProjection: Projection<TalentPoolState, LedgerEvent> = {
  name: 'talent-pool',
  initialState: { members: {}, talents: {} },
  apply: (state, e) =>
    produce(state, (draft) => {
      switch (e.type) {
        case 'TalentRegistered':
          draft.talents[e.data.talentId] = { district: e.data.district, certificates: [] }
          return
        case 'LevelCertified':
        case 'CertificateRevoked': {
          const t = draft.talents[e.data.talentId]
          if (t === undefined) return
          if (e.type === 'LevelCertified') t.certificates.push(e.data.level)
          else t.certificates.splice(t.certificates.indexOf(e.data.level), 1)
          const m = draft.members[e.data.talentId]
          const level = highest(t.certificates)
          if (m !== undefined && level !== null) m.level = level
          return
        }
        case 'TalentPoolEntered': {
          const t = draft.talents[e.data.talentId]
          const level = highest(t?.certificates ?? [])
          if (t !== undefined && level !== null) draft.members[e.data.talentId] = { talentId: e.data.talentId, since: e.data.on, level, district: t.district }
          return
        }
        case 'TalentPoolLeft':
          delete draft.members[e.data.talentId]
          return
        default:
          return
      }
    }),
}
