/**
 * Training carriers (培养载体, DOMAIN.md §10): the bureau designates a carrier, optionally with the
 * organisation that runs it (`hostId`), its grade and, for a masters' studio (技能大师工作室), its
 * master; `LinkStudioMaster` links a studio to a (new) master. The master must hold at least the
 * policy's `carriers.masterStudio.minMasterLevel` on the date: the city transcribes its studio
 * criteria into that value, and while it is unset no master is linked (PolicyValueUnset).
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainError, duplicate, notEligible, notFound, type DomainError } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { policyInForce, type PolicyRegistry } from '../../policy/registry.js'
import { rank, type CertifiedLevel } from '../../vocabulary/ladder.js'
import type { OrganizationState } from '../organization/index.js'
import type { TalentState } from '../talent/index.js'
import type { CityCommand, CityEvent } from './messages.js'

/** What a carrier decision reads besides the city stream: the policies, the host and the master named. */
export interface CarrierContext {
  readonly policies: PolicyRegistry
  /** The organisation named by `hostId` (undefined: never registered). */
  readonly host?: OrganizationState | undefined
  /** The talent named as master (undefined: never registered). */
  readonly master?: TalentState | undefined
}

/** A designated carrier as the city stream keeps it. */
export interface CarrierRecord {
  readonly carrierId: string
  readonly kind: string
  readonly name: string
  readonly on: string
  readonly hostId?: string
  readonly grade?: string
  readonly masterTalentId?: string
  /** Since when `masterTalentId` is the master (its designation or its latest link). */
  readonly masterSince?: string
}

type Decided = E.Either<DomainError, ReadonlyArray<CityEvent>>
const rule = (policy: AdoptedPolicy, id: string): string => `${policy.policyId}.${id}`

/** The highest level the talent holds on `on` (certificates issued by then, not revoked by then). */
const levelOn = (s: TalentState, on: string): CertifiedLevel | null => {
  let best: CertifiedLevel | null = null
  for (const c of s.certificates) if (c.on <= on && (c.revoked === null || c.revoked.on > on) && rank(c.level) > rank(best)) best = c.level
  return best
}

/**
 * `studio.master-level` (P): only a `master-studio` has a master; the policy value is set
 * (PolicyValueUnset); the master holds at least `minMasterLevel` on `on` (NotEligible).
 */
const masterLevelRefusal = (kind: string, master: TalentState, on: string, policies: PolicyRegistry): { policy: AdoptedPolicy; refusal: DomainError | null } => {
  const policy = policyInForce(policies, on)
  const id = rule(policy, 'studio.master-level')
  const min = policy.document.carriers?.masterStudio.minMasterLevel ?? null
  if (min === null)
    return {
      policy,
      refusal: domainError('PolicyValueUnset', `policy ${policy.policyId} does not set carriers.masterStudio.minMasterLevel; the city must adopt a policy that transcribes its studio criteria`, [
        { rule: id, policyId: policy.policyId, field: 'carriers.masterStudio.minMasterLevel', message: 'carriers.masterStudio.minMasterLevel is unset' },
      ]),
    }
  const failed = []
  if (kind !== 'master-studio') failed.push({ rule: id, policyId: policy.policyId, message: `only a masters' studio (master-studio) has a master, not a ${kind}` })
  const level = levelOn(master, on)
  if (rank(level) < rank(min)) failed.push({ rule: id, policyId: policy.policyId, message: `master ${master.talentId} holds ${level ?? 'no level'} on ${on}, below ${min}` })
  return { policy, refusal: failed.length === 0 ? null : notEligible(`${master.talentId} cannot be the master of a ${kind}`, failed) }
}

const talentNotFound = (talentId: string): DomainError => notFound(`talent ${talentId} is not registered`)

/** DesignateCarrier: `carrier.host-registered` (NotFound), the master registered, not designated already, `studio.master-level`. */
export const decideDesignation = (c: Extract<CityCommand, { type: 'DesignateCarrier' }>, existing: CarrierRecord | undefined, ctx: CarrierContext): Decided => {
  const d = c.data
  if (d.hostId !== undefined && (ctx.host === undefined || !ctx.host.registered))
    return E.left({ ...notFound(`no registered organisation ${d.hostId} to host carrier ${d.carrierId}`), details: [{ rule: 'carrier.host-registered', field: 'data.hostId', message: `${d.hostId} is not a registered organisation` }] })
  if (d.masterTalentId !== undefined && (ctx.master === undefined || !ctx.master.registered)) return E.left(talentNotFound(d.masterTalentId))
  if (existing !== undefined) return E.left(duplicate(`carrier ${d.carrierId} is already designated`))
  if (d.masterTalentId !== undefined && ctx.master !== undefined) {
    const { refusal } = masterLevelRefusal(d.kind, ctx.master, d.on, ctx.policies)
    if (refusal !== null) return E.left(refusal)
  }
  return E.right([{ type: 'CarrierDesignated', data: { ...d } }])
}

/** LinkStudioMaster: the carrier and the talent exist, not the same master again (Duplicate), `studio.master-level`. */
export const decideStudioMaster = (c: Extract<CityCommand, { type: 'LinkStudioMaster' }>, carrier: CarrierRecord | undefined, ctx: CarrierContext): Decided => {
  const { carrierId, talentId, on } = c.data
  if (carrier === undefined) return E.left({ ...notFound(`no designated carrier ${carrierId}`), details: [{ field: 'data.carrierId', message: `${carrierId} was never designated` }] })
  if (ctx.master === undefined || !ctx.master.registered) return E.left(talentNotFound(talentId))
  const { policy, refusal } = masterLevelRefusal(carrier.kind, ctx.master, on, ctx.policies)
  if (carrier.masterTalentId === talentId)
    return E.left({ ...duplicate(`${talentId} is already the master of ${carrierId}`), details: [{ rule: rule(policy, 'studio.master-level'), policyId: policy.policyId, message: 'the same master again' }] })
  if (refusal !== null) return E.left(refusal)
  return E.right([{ type: 'StudioMasterLinked', data: { carrierId, talentId, on, previous: carrier.masterTalentId ?? null, policyId: policy.policyId, ruleId: rule(policy, 'studio.master-level') } }])
}
