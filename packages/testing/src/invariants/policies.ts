/**
 * Which policy a decision should have used, written independently of the core's registry so the
 * invariants check the deciders' choice rather than repeat it: the adopted policy with the latest
 * `effectiveFrom` on or before the date (ties: adopted last), else the shipped default.
 */
import { DEFAULT_POLICY_ID, defaultPolicy, type AdoptedPolicy, type PolicyRegistry } from '@talent-ledger/core'

/** The policy in force on `date` under `registry`. */
export const expectedPolicyOn = (registry: PolicyRegistry, date: string): AdoptedPolicy =>
  registry.reduce<AdoptedPolicy>((best, p) => (p.effectiveFrom !== null && p.effectiveFrom <= date && (best.effectiveFrom === null || p.effectiveFrom >= best.effectiveFrom) ? p : best), defaultPolicy)

/** The policy a decision cites, by id (the default included); undefined when no such policy exists. */
export const policyById = (registry: PolicyRegistry, policyId: string): AdoptedPolicy | undefined =>
  policyId === DEFAULT_POLICY_ID ? defaultPolicy : registry.find((p) => p.policyId === policyId)

/** A complaint when `policyId` is not the policy in force on `date`, else null. */
export const wrongPolicy = (registry: PolicyRegistry, policyId: string, date: string): string | null => {
  const expected = expectedPolicyOn(registry, date).policyId
  return expected === policyId ? null : `cites policy ${policyId}, but ${expected} is in force on ${date}`
}
