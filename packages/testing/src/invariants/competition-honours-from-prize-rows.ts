/**
 * Invariant 9 — every conferred competition honour comes from a prize row (DOMAIN.md §14): an
 * accepted `RecordCompetitionResult` confers exactly the honour its prize row names (the row of its
 * tier and rank in the policy in force on its date, when that row's `honourId` is in the policy's
 * catalogue), with the catalogue's title, kind and grade and the competition as source, and nothing
 * when no such row names one. The expected policy is found independently of the core's registry.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { LedgerEvent } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { expectedPolicyOn } from './policies.js'

/** The honours a competition result conferred are exactly those its prize row names. */
export const competitionHonoursFromPrizeRows = defineInvariant(
  'competitionHonoursFromPrizeRows',
  'every honour a competition result confers comes from its prize row, and a row that names one confers it (DOMAIN.md §14)',
  (run) => {
    const found: string[] = []
    for (const o of run.outcomes) {
      const taken = o.decision?.talent ?? null
      if (E.isLeft(o.result) || taken === null || taken.command.type !== 'RecordCompetitionResult') continue
      const d = taken.command.data
      const policy = expectedPolicyOn(taken.context.policies, d.on)
      const prize = policy.document.competition.prizes.find((p) => p.tier === d.tier && p.rank === d.rank)
      const entry = prize?.honourId == null ? undefined : policy.document.honours?.catalogue.find((h) => h.honourId === prize.honourId)
      const expected: LedgerEvent[] =
        entry === undefined
          ? []
          : [{ type: 'HonorConferred', data: { talentId: d.talentId, title: entry.title, grade: entry.grade, on: d.on, honourId: entry.honourId, kind: entry.kind, source: d.competitionId, policyId: policy.policyId } }]
      const actual = (o.result.right as ReadonlyArray<LedgerEvent>).filter((e) => e.type === 'HonorConferred')
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        found.push(`${d.talentId}: ${d.competitionId} (${d.tier} rank ${d.rank}, ${policy.policyId}) conferred ${JSON.stringify(actual.map((e) => e.data))}, its prize row names ${JSON.stringify(expected.map((e) => e.data))}`)
    }
    return found
  },
)
