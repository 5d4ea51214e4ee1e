/**
 * Invariant 3 — at most one competition promotion per talent per calendar year (DOMAIN.md §5),
 * wherever the policy in force keeps that limit (`oneLevelPromotionPerYear`); and a result recorded
 * as withheld never comes with a promotion.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TalentEvent } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { policyById } from './policies.js'

/** At most one competition LevelCertified per talent and calendar year under a policy that limits it. */
export const oneCompetitionPromotionPerYear = defineInvariant(
  'oneCompetitionPromotionPerYear',
  'at most one competition promotion per talent per calendar year, and none from a withheld result (DOMAIN.md §5)',
  (run) => {
    const found: string[] = []
    const granted = new Map<string, string[]>() // talent/year → sources promoted so far
    for (const o of run.outcomes) {
      const taken = o.decision?.talent ?? null
      if (E.isLeft(o.result) || taken === null) continue
      const events = o.result.right as ReadonlyArray<TalentEvent>
      const withheld = events.some((e) => e.type === 'CompetitionResultRecorded' && e.data.withheld !== null)
      for (const e of events) {
        if (e.type !== 'LevelCertified' || e.data.route !== 'competition') continue
        const { talentId, on, source, policyId } = e.data
        if (withheld) found.push(`${talentId}: ${source} promoted to ${e.data.level} although its result was withheld`)
        const key = `${talentId}/${on.slice(0, 4)}`
        const before = granted.get(key) ?? []
        const limited = policyById(taken.context.policies, policyId)?.document.competition.oneLevelPromotionPerYear ?? true
        if (limited && before.length > 0) found.push(`${talentId}: ${source} promoted on ${on} after ${before.join(', ')} in the same year (policy ${policyId})`)
        granted.set(key, [...before, source])
      }
    }
    return found
  },
)
