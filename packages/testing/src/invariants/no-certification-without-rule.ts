/**
 * Invariant 2 — no certification without a satisfied rule (DOMAIN.md §3–§5): every LevelCertified
 * cites the policy in force on its date and a rule of that policy — a promotion alternative for its
 * level whose every condition holds on the talent's state before the command, or a competition row
 * that the recorded result falls in and that promotes the talent to exactly that level.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EventOf, TalentEvent } from '@talent-ledger/core'
import { conditionHolds, highestCertified, rowMatches, rowTarget } from './eligibility.js'
import { defineInvariant } from './invariant.js'
import { policyById, wrongPolicy } from './policies.js'

/** Every LevelCertified names a rule of the policy in force, and the rule holds on the pre-state. */
export const noCertificationWithoutRule = defineInvariant(
  'noCertificationWithoutRule',
  'every LevelCertified cites a rule of the policy in force that holds on the state before it (DOMAIN.md §3, §5)',
  (run) => {
    const found: string[] = []
    for (const o of run.outcomes) {
      if (E.isLeft(o.result)) continue
      const events = o.result.right as ReadonlyArray<TalentEvent>
      for (const e of events) {
        if (e.type !== 'LevelCertified') continue
        const cert = e.data
        const where = `${cert.talentId} certified ${cert.level} on ${cert.on} by ${cert.ruleId}`
        const taken = o.decision?.talent ?? null
        if (taken === null) {
          found.push(`${where}: emitted outside a talent decision`)
          continue
        }
        const { before, context } = taken
        const misdated = wrongPolicy(context.policies, cert.policyId, cert.on)
        if (misdated !== null) found.push(`${where}: ${misdated}`)
        const policy = policyById(context.policies, cert.policyId)
        if (policy === undefined) {
          found.push(`${where}: no policy ${cert.policyId} was adopted`)
          continue
        }
        if (cert.route === 'competition') {
          const result = events.find((x): x is EventOf<'CompetitionResultRecorded'> => x.type === 'CompetitionResultRecorded')
          const row = policy.document.competition.table.find((r) => r.ruleId === cert.ruleId)
          if (result === undefined) found.push(`${where}: no competition result recorded with it`)
          else if (row === undefined) found.push(`${where}: ${cert.policyId} has no competition row ${cert.ruleId}`)
          else if (result.data.withheld !== null) found.push(`${where}: the result's promotion was withheld (${result.data.withheld.rule})`)
          else if (!rowMatches(row, result.data)) found.push(`${where}: ${result.data.tier} rank ${result.data.rank} does not fall in the row`)
          else if (rowTarget(row, highestCertified(before)) !== cert.level)
            found.push(`${where}: from ${highestCertified(before) ?? 'none'} the row promotes to ${rowTarget(row, highestCertified(before)) ?? 'nothing'}`)
          continue
        }
        // a featured standard's level on the ladder is certified by the standard's own alternatives (DOMAIN.md §13)
        const alternatives =
          cert.standardId === undefined
            ? policy.document.promotion.find((r) => r.level === cert.level)?.alternatives
            : policy.document.featuredStandards?.find((x) => x.standardId === cert.standardId)?.levels.find((l) => l.level === cert.level)?.alternatives ?? undefined
        const alternative = alternatives?.find((a) => a.ruleId === cert.ruleId)
        if (alternative === undefined) {
          found.push(`${where}: ${cert.policyId} has no alternative ${cert.ruleId} for ${cert.level}`)
          continue
        }
        const failing = alternative.allOf.filter((c) => !conditionHolds(c, before, cert.on, cert.route === 'appointment'))
        if (failing.length > 0) found.push(`${where}: conditions not met before it: ${failing.map((c) => JSON.stringify(c)).join(', ')}`)
      }
    }
    return found
  },
)
