/**
 * The policy stream (`policy`): every policy the city adopts, in order. Adopting never rewrites an
 * older policy; decisions pick the one in force on their business date (policy/registry.ts).
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category } from '../../kernel/category.js'
import { duplicate, unauthorized, type DomainError } from '../../kernel/errors.js'
import { DEFAULT_POLICY_ID } from '../../policy/default-policy.js'
import type { PolicyRegistry } from '../../policy/registry.js'
import { decidedWithRecordDates, recordDatesContext, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { PolicyEventData, type PolicyCommand, type PolicyEvent } from './messages.js'

/** Stream id of the policy stream. */
export const POLICY_STREAM = 'policy'

/** Adopted policies in adoption order. */
export type PolicyStreamState = PolicyRegistry

const evolve = (s: PolicyStreamState, e: PolicyEvent): PolicyStreamState => [...s, { policyId: e.data.policyId, effectiveFrom: e.data.effectiveFrom, document: e.data.document }]

/** What adopting reads besides the stream: the record dates (§17) (shared: `RecordDatesContext`). */
export type PolicyContext = RecordDatesContext

const decide = (c: PolicyCommand, s: PolicyStreamState): E.Either<DomainError, ReadonlyArray<PolicyEvent>> => {
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau adopts policies'))
  if (c.data.policyId === DEFAULT_POLICY_ID || s.some((p) => p.policyId === c.data.policyId))
    return E.left(duplicate(`policy ${c.data.policyId} is already adopted; adopt changes under a new policy id`))
  return E.right([{ type: 'PolicyAdopted', data: { ...c.data } }])
}

/** The policy category: one stream. */
export const policyCategory: Category<PolicyCommand, PolicyEvent, PolicyStreamState, PolicyContext, DecisionEnv> = {
  name: POLICY_STREAM,
  streamOf: () => POLICY_STREAM,
  idOfEvent: () => POLICY_STREAM,
  idOf: () => POLICY_STREAM,
  events: PolicyEventData,
  initialState: [],
  evolve,
  context: recordDatesContext,
  decide: decidedWithRecordDates(decide),
}
