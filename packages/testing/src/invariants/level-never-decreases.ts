/**
 * Invariant 1 — levels never go down (DOMAIN.md §3), except by revoking a certificate: folding any
 * accepted command's events, one at a time, never lowers the talent's level unless the event is a
 * CertificateRevoked.
 */
import * as E from 'fp-ts/lib/Either.js'
import { levelOf, rank, type TalentEvent } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'

/** Levels never decrease except by CertificateRevoked. */
export const levelNeverDecreases = defineInvariant('levelNeverDecreases', 'a talent’s level never goes down except by CertificateRevoked (DOMAIN.md §3)', (run, talent) => {
  const found: string[] = []
  for (const o of run.outcomes) {
    const taken = o.decision?.talent ?? null
    if (taken === null || E.isLeft(o.result)) continue
    let state = taken.before
    for (const event of o.result.right as ReadonlyArray<TalentEvent>) {
      const next = talent.evolve(state, event)
      if (event.type !== 'CertificateRevoked' && rank(levelOf(next)) < rank(levelOf(state)))
        found.push(`${taken.command.type} for ${taken.command.data.talentId}: ${event.type} lowered the level from ${levelOf(state)} to ${levelOf(next) ?? 'none'}`)
      state = next
    }
  }
  return found
})
