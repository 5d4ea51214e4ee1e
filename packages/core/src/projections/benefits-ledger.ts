/**
 * The benefits ledger: every grant with its amount, recipient, policy and rule, and totals by
 * benefit — what the finance office reconciles. Flagged grants (after a revocation) stay listed.
 */
import type { Projection } from '../kernel/projection.js'
import { keepEntry, ownEntry } from '../kernel/own-keys.js'
import type { EventOf, LedgerEvent } from '../domain/events.js'

/** One line of the ledger. */
export type BenefitLine = EventOf<'BenefitGranted'>['data'] & { readonly flagged: string | null }

/** Grants keyed `talentId/grantId`, and totals in fen by benefit (updated in place by `apply`). */
export interface BenefitsLedgerState {
  readonly grants: Record<string, BenefitLine>
  readonly totals: Record<string, number>
}

/** The benefits-ledger projection. */
export const benefitsLedgerProjection: Projection<BenefitsLedgerState, LedgerEvent> = {
  name: 'benefits-ledger',
  initialState: () => ({ grants: {}, totals: {} }),
  apply: (state, e) => {
    if (e.type === 'BenefitGranted') {
      keepEntry(state.grants, `${e.data.talentId}/${e.data.grantId}`, { ...e.data, flagged: null })
      keepEntry(state.totals, e.data.benefit, (ownEntry(state.totals, e.data.benefit) ?? 0) + e.data.amount)
    } else if (e.type === 'CertificateRevoked') {
      for (const id of e.data.flaggedGrants) {
        const key = `${e.data.talentId}/${id}`
        const g = ownEntry(state.grants, key)
        if (g !== undefined) keepEntry(state.grants, key, { ...g, flagged: `certificate ${e.data.level} revoked on ${e.data.on}: ${e.data.reason}` })
      }
    }
    return state
  },
}
