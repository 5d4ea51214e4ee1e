/**
 * Invariant 6 — a caller never chooses a benefit amount (DOMAIN.md §7): every BenefitGranted cites
 * the policy in force on its date, and its amount is the one that policy's document sets, recomputed
 * here from the document alone (subsidy table by occupation category, +shortage bonus; allowance by
 * level; apprenticeship per year; housing and living allowance, flat or by level, housing in instalments;
 * the prize for the recorded result).
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EventOf, PolicyDocument, TalentEvent, TalentState } from '@talent-ledger/core'
import { defineInvariant } from './invariant.js'
import { policyById, wrongPolicy } from './policies.js'

type Granted = EventOf<'BenefitGranted'>['data']

/** The amount the document sets for a grant, or a reason it sets none. */
const expectedAmount = (doc: PolicyDocument, g: Granted, before: TalentState): number | string => {
  const b = doc.benefits
  const level = g.basis.level ?? ''
  switch (g.benefit) {
    case 'skill-upgrade-subsidy': {
      const p = b.skillUpgradeSubsidy
      const entry = doc.occupations.catalogue.find((o) => o.code === g.basis.occupation)
      const category = entry?.category ?? doc.occupations.unlistedCategory
      const table: Readonly<Record<string, number | null>> = level === 'special-ability' ? { [level]: p.specialAbility[category] } : p.amounts[category]
      const base = table[level]
      const bonus = entry?.shortage === true ? p.shortageBonusPercent : 0
      if (base === undefined || base === null || bonus === null) return `no ${category}/${level} amount (or shortage bonus) is set`
      return Math.round((base * (100 + bonus)) / 100)
    }
    case 'first-certification-allowance':
      return (b.firstCertificationAllowance.amounts as Readonly<Record<string, number | null>>)[level] ?? `no allowance is set for ${level}`
    case 'apprenticeship-subsidy':
      return b.apprenticeshipSubsidy.perApprenticePerYear ?? 'no apprenticeship subsidy is set'
    case 'housing-subsidy': {
      // graded by the level of the first instalment, paid in n instalments: ⌊total/n⌋ each, the last the rest (DOMAIN.md §15)
      const p = b.housingSubsidy
      const total = p.byLevel === undefined ? p.amount : ((p.byLevel as Readonly<Record<string, number | null>>)[level] ?? null)
      if (total === null) return `no housing subsidy is set${p.byLevel === undefined ? '' : ` for ${level}`}`
      const n = p.conditions?.instalments ?? 1
      const k = g.basis.planYear ?? 1
      return k === n ? total - Math.floor(total / n) * (n - 1) : Math.floor(total / n)
    }
    case 'living-allowance': {
      const p = b.livingAllowance
      const monthly = p.byLevel === undefined ? p.monthly : ((p.byLevel as Readonly<Record<string, number | null>>)[level] ?? null)
      return monthly ?? 'no living allowance is set'
    }
    case 'competition-prize': {
      const result = before.competitions.find((c) => c.competitionId === g.basis.competitionId)
      const prize = result === undefined ? undefined : doc.competition.prizes.find((p) => p.tier === result.tier && p.rank === result.rank)
      return prize?.amount ?? `no prize is set for ${result?.tier ?? '?'} rank ${result?.rank ?? '?'}`
    }
  }
}

/** Every granted amount is the policy's, recomputed from the document. */
export const benefitAmountsMatchPolicy = defineInvariant(
  'benefitAmountsMatchPolicy',
  'every BenefitGranted amount equals the amount the policy in force sets (DOMAIN.md §7)',
  (run) => {
    const found: string[] = []
    for (const o of run.outcomes) {
      const taken = o.decision?.talent ?? null
      if (E.isLeft(o.result) || taken === null) continue
      const { before, context } = taken
      for (const e of o.result.right as ReadonlyArray<TalentEvent>) {
        if (e.type !== 'BenefitGranted') continue
        const g = e.data
        const where = `${g.talentId} ${g.grantId} on ${g.on}`
        const misdated = wrongPolicy(context.policies, g.policyId, g.on)
        if (misdated !== null) found.push(`${where}: ${misdated}`)
        const policy = policyById(context.policies, g.policyId)
        if (policy === undefined) {
          found.push(`${where}: no policy ${g.policyId} was adopted`)
          continue
        }
        const expected = expectedAmount(policy.document, g, before)
        if (typeof expected === 'string') found.push(`${where}: granted ${g.amount} but ${expected} in ${g.policyId}`)
        else if (g.amount !== expected) found.push(`${where}: granted ${g.amount}, ${g.policyId} sets ${expected}`)
        const recipient = g.benefit === 'apprenticeship-subsidy' ? before.employerId : g.talentId
        if (g.recipientId !== recipient) found.push(`${where}: paid to ${g.recipientId}, should go to ${recipient}`)
      }
    }
    return found
  },
)
