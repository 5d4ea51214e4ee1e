/**
 * Services for high-skilled talents (DOMAIN.md §15): an entitlement derived from the policy's
 * `services` block (level ≥ `minLevel`), and a delivery record per service delivered. The pool
 * entry lists the services the talent is entitled to on that day (`entitledServices`).
 */
import * as E from 'fp-ts/lib/Either.js'
import { yearOf } from '../../kernel/dates.js'
import { domainError, duplicate, notEligible, type DomainError } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { rank, type Level } from '../../vocabulary/ladder.js'
import { TALENT_POOL_SERVICES } from '../../vocabulary/terms.js'
import type { CommandOf } from './commands.js'
import { policyOn, requireRegistered, type TalentContext } from './context.js'
import type { TalentEvent } from './events.js'
import { levelOf, type TalentState } from './state.js'

const rule = (policy: AdoptedPolicy, id: string): string => `${policy.policyId}.${id}`

/**
 * The services a talent at `level` is entitled to under `policy`: those whose `minLevel` is set and
 * reached. A policy without the block (written before §15) keeps the first release's list for a
 * high-skilled talent.
 */
export const entitledServices = (policy: AdoptedPolicy, level: Level | null): string[] => {
  const services = policy.document.services
  if (services === undefined) return rank(level) >= rank('senior') ? [...TALENT_POOL_SERVICES] : []
  return services.filter((e) => e.minLevel !== null && rank(level) >= rank(e.minLevel)).map((e) => e.service)
}

/**
 * RecordServiceDelivery: a new `deliveryId` (Duplicate), `service.values-set` (PolicyValueUnset),
 * `service.frequency` (Duplicate: `once` none before, `yearly` none that year), `service.entitled`
 * (NotEligible: the talent's level reaches `minLevel`).
 */
export const decideServiceDelivery = (c: CommandOf<'RecordServiceDelivery'>, s: TalentState, ctx: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const registered = requireRegistered(s, c.data.talentId)
  if (E.isLeft(registered)) return registered
  const { talentId, deliveryId, service, on } = c.data
  const policy = policyOn(ctx, on)
  if (s.services.some((d) => d.deliveryId === deliveryId))
    return E.left({ ...duplicate(`delivery ${deliveryId} is already recorded`), details: [{ rule: rule(policy, 'service.frequency'), policyId: policy.policyId, message: 'a delivery id is recorded once' }] })
  const entry = policy.document.services?.find((e) => e.service === service)
  const index = policy.document.services?.findIndex((e) => e.service === service) ?? -1
  const unset = entry === undefined ? `services (${service})` : entry.minLevel === null ? `services.${index}.minLevel` : entry.frequency === null ? `services.${index}.frequency` : null
  if (unset !== null || entry === undefined || entry.minLevel === null || entry.frequency === null)
    return E.left(
      domainError('PolicyValueUnset', `policy ${policy.policyId} does not set ${unset} for ${service}; the city must adopt a policy that sets it`, [
        { rule: rule(policy, 'service.values-set'), policyId: policy.policyId, field: unset ?? 'services', message: `${unset} is unset` },
      ]),
    )
  const same = s.services.filter((d) => d.service === service)
  const again = entry.frequency === 'once' ? same.length > 0 : entry.frequency === 'yearly' ? same.some((d) => yearOf(d.on) === yearOf(on)) : false
  if (again)
    return E.left({
      ...duplicate(`${service} is delivered ${entry.frequency === 'once' ? 'once' : 'once a year'} and was already delivered`),
      details: [{ rule: rule(policy, 'service.frequency'), policyId: policy.policyId, message: `frequency ${entry.frequency}` }],
    })
  const level = levelOf(s)
  if (rank(level) < rank(entry.minLevel))
    return E.left(notEligible(`${service} is for talents at ${entry.minLevel} or above`, [{ rule: rule(policy, 'service.entitled'), policyId: policy.policyId, message: `level ${level ?? 'none'} is below ${entry.minLevel}` }]))
  return E.right([
    { type: 'ServiceDelivered', data: { talentId, deliveryId, service, on, providerId: c.data.providerId ?? null, policyId: policy.policyId, ruleId: rule(policy, 'service.entitled') } },
  ])
}
