/**
 * Which policy is in force on a business date: the adopted policy with the latest `effectiveFrom`
 * on or before it (ties: the one adopted last), else the shipped default.
 */
import type { AdoptedPolicy } from './document.js'
import { defaultPolicy } from './default-policy.js'

/** Policies adopted so far, in adoption order. */
export type PolicyRegistry = ReadonlyArray<AdoptedPolicy>

/** The policy in force on `date`. */
export const policyInForce = (registry: PolicyRegistry, date: string): AdoptedPolicy => {
  let best: AdoptedPolicy = defaultPolicy
  for (const p of registry) {
    if (p.effectiveFrom !== null && p.effectiveFrom <= date && (best.effectiveFrom === null || p.effectiveFrom >= best.effectiveFrom))
      best = p
  }
  return best
}
