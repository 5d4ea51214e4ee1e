/**
 * The policy stream (`policy`): every policy the city adopts, in order. Adopting never rewrites an
 * older policy; decisions pick the one in force on their business date (policy/registry.ts).
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../kernel/decider.js'
import { duplicate, unauthorized, type DomainError } from '../kernel/errors.js'
import type { AdoptedPolicy } from '../policy/document.js'
import { DEFAULT_POLICY_ID } from '../policy/default-policy.js'
import type { CommandOf } from './commands.js'
import type { EventOf } from './events.js'

/** Stream id of the policy stream. */
export const POLICY_STREAM = 'policy'

export type PolicyCommand = CommandOf<'AdoptPolicy'>
export type PolicyEvent = EventOf<'PolicyAdopted'>
/** Adopted policies in adoption order. */
export type PolicyStreamState = ReadonlyArray<AdoptedPolicy>

const decide = (c: PolicyCommand, s: PolicyStreamState): E.Either<DomainError, ReadonlyArray<PolicyEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau adopts policies'))
  if (c.data.policyId === DEFAULT_POLICY_ID || s.some((p) => p.policyId === c.data.policyId))
    return E.left(duplicate(`policy ${c.data.policyId} is already adopted; adopt changes under a new policy id`))
  return E.right([{ type: 'PolicyAdopted', data: { ...c.data } }])
}

/** The policy stream decider. */
export const policyDecider: Decider<PolicyCommand, PolicyEvent, PolicyStreamState> = {
  initialState: [],
  evolve: (s, e) => [...s, { policyId: e.data.policyId, effectiveFrom: e.data.effectiveFrom, document: e.data.document }],
  decide,
}
