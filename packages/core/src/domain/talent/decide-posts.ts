/**
 * Principal and chief technicians (特级技师 / 首席技师评聘, DOMAIN.md §12): appointment to a post,
 * its renewal and its end. The certificate comes with the first appointment and stays; the post
 * has a term (`appointment.termYears`, open-ended without the block) and counts against the
 * employer's quota (`quotaRequired`), which is read from `org-<employerId>` and held there first
 * (`linkedPostEvents`, appended by the runner before the talent's own events).
 */
import * as E from 'fp-ts/lib/Either.js'
import { addYears } from '../../kernel/dates.js'
import { domainError, duplicate, notEligible, notFound, policyValueUnset, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import { foldEvents, type Linked } from '../../kernel/category.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { rank, type PostLevel } from '../../vocabulary/ladder.js'
import { organizationCategory, organizationStream, quotaExceeded, quotaOn, type OrganizationEventOf, type OrganizationState } from '../organization/index.js'
import type { CommandOf } from './commands.js'
import { policyOn, requireRegistered, type TalentCommand, type TalentContext } from './context.js'
import { certified, neverDown } from './decide-certification.js'
import { eligibleFor } from './eligibility.js'
import type { TalentEvent } from './events.js'
import { levelOf, postInForce, validCertificateAt, validCertificates, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** `appointment.occupation-has-senior-technician` [人社部发〔2022〕14号]: the occupation's national standard reaches senior-technician. */
const occupationFailure = (s: TalentState, policy: AdoptedPolicy): ErrorDetail | null => {
  const fail = (message: string): ErrorDetail => ({ rule: 'appointment.occupation-has-senior-technician', policyId: policy.policyId, message })
  const entry = policy.document.occupations.catalogue.find((o) => o.code === s.occupation)
  if (entry?.topLevel !== undefined)
    return entry.topLevel === 'senior-technician' ? null : fail(`the national standard of ${s.occupation} stops at ${entry.topLevel}: no principal or chief technicians are appointed in it`)
  // no topLevel in the catalogue: the senior-technician certificate held must be in this occupation
  // (holding none is the promotion rule's failure, reported by it)
  const held = validCertificates(s).filter((c) => c.level === 'senior-technician')
  if (held.length === 0 || held.some((c) => c.occupation === s.occupation)) return null
  return fail(`the senior-technician certificate held is in ${held[0]!.occupation}, not in ${s.occupation}`)
}

/** The term of a post from `from` under the policy: null open-ended (no block), or the unset value. */
const termEnd = (policy: AdoptedPolicy, level: PostLevel, from: string): E.Either<DomainError, string | null> => {
  const block = policy.document.appointment
  if (block === undefined) return E.right(null)
  const years = block.termYears[level]
  const { policyId } = policy
  if (years === null) return E.left(withRule(policyValueUnset(policyId, `appointment.termYears.${level}`), { rule: `${policyId}.appointment.term` }))
  return E.right(addYears(from, years))
}

/** The refusal with the rule it failed named in each detail. */
const withRule = (e: DomainError, named: { readonly rule: string }): DomainError => ({ ...e, details: e.details.map((d) => ({ ...named, ...d })) })

/**
 * `appointment.quota` (P): when the policy requires a quota, the employer's quota in force on `on`
 * must be set (else PolicyValueUnset) and one more post over [from, to) must fit it every day.
 */
const quotaCheck = (
  policy: AdoptedPolicy,
  org: OrganizationState | undefined,
  c: { readonly talentId: string; readonly level: PostLevel; readonly employerId: string; readonly on: string },
  from: string,
  to: string | null,
): E.Either<DomainError, ErrorDetail | null> => {
  const block = policy.document.appointment
  if (block === undefined) return E.right(null)
  const { policyId } = policy
  const named = { rule: `${policyId}.appointment.quota` }
  if (block.quotaRequired === null) return E.left(withRule(policyValueUnset(policyId, 'appointment.quotaRequired'), named))
  if (!block.quotaRequired) return E.right(null)
  const field = `org-${c.employerId}.seniorPostQuota.${c.level}`
  if (org === undefined || quotaOn(org, c.level, c.on) === null)
    return E.left(
      domainError('PolicyValueUnset', `policy ${policy.policyId} requires a quota of ${c.level} posts and ${c.employerId} has none in force on ${c.on}; the hr-bureau sets it (SetSeniorPostQuota)`, [
        { ...named, policyId, field, message: `${field} is unset` },
      ]),
    )
  const over = quotaExceeded(org, c.level, c.talentId, from, to)
  return E.right(over === null ? null : { ...named, policyId, message: `${c.employerId} has ${over.inForce} ${c.level} post(s) in force on ${over.on}, its quota is ${over.quota}` })
}

/** AppointSeniorPost: 特级技师 / 首席技师 by the current, authorized employer; a post with a term, against the quota. */
export const decideAppointment = (c: CommandOf<'AppointSeniorPost'>, s: TalentState, ctx: TalentContext): Decided => {
  const d = c.data
  if (!s.registered) return requireRegistered(s, d.talentId) as Decided
  if (postInForce(s, d.level, d.on, d.employerId) !== undefined)
    return E.left({ ...duplicate(`${d.talentId} already holds a ${d.level} post with ${d.employerId} on ${d.on}`), details: [{ rule: 'appointment.post-in-force', message: 'a post at this level with this employer is in force' }] })
  const policy = policyOn(ctx, d.on)
  if (!policy.document.promotion.some((r) => r.level === d.level)) return E.left(policyValueUnset(policy.policyId, `promotion.${d.level}`))
  const expiresOn = termEnd(policy, d.level, d.on)
  if (E.isLeft(expiresOn)) return expiresOn
  const quota = quotaCheck(policy, ownEntry(ctx.organizations, d.employerId), d, d.on, expiresOn.right)
  if (E.isLeft(quota)) return quota
  // the certificate comes with the first appointment only; levels never go down when it does
  const certifies = validCertificateAt(s, d.level) === undefined
  if (certifies && rank(d.level) < rank(levelOf(s))) return E.left(neverDown(s, d.level))
  const eligible = eligibleFor(policy, d.level, s, { on: d.on, appointed: true })
  const failed = [occupationFailure(s, policy), ...(E.isLeft(eligible) ? eligible.left : []), quota.right].filter((f): f is ErrorDetail => f !== null)
  if (failed.length > 0 || E.isLeft(eligible)) return E.left(notEligible(`talent ${d.talentId} cannot be appointed ${d.level} on ${d.on}`, failed))
  const { ruleId } = eligible.right
  const appointed: TalentEvent = { type: 'SeniorPostAppointed', data: { ...d, expiresOn: expiresOn.right, policyId: policy.policyId, ruleId } }
  return E.right(certifies ? [appointed, certified(s, d.level, 'appointment', d.on, `appointment:${d.employerId}`, policy.policyId, ruleId)] : [appointed])
}

/** RenewSeniorPost: `renewal.in-force`; the term grows by `termYears` from the current end, within the quota. */
export const decideRenewal = (c: CommandOf<'RenewSeniorPost'>, s: TalentState, ctx: TalentContext): Decided => {
  const d = c.data
  if (!s.registered) return requireRegistered(s, d.talentId) as Decided
  const post = postInForce(s, d.level, d.on, d.employerId)
  if (post === undefined) return E.left({ ...notFound(`${d.talentId} holds no ${d.level} post with ${d.employerId} in force on ${d.on}`), details: [{ rule: 'renewal.in-force', message: 'no post of this employer in force at this level on that date' }] })
  if (post.renewedOn === d.on) return E.left({ ...duplicate(`the ${d.level} post of ${d.talentId} was already renewed on ${d.on}`), details: [{ rule: 'renewal.in-force', message: 'renewed on that date already' }] })
  if (post.expiresOn === null) return E.left(notEligible(`the ${d.level} post of ${d.talentId} is open-ended: there is no term to renew`, [{ rule: 'renewal.in-force', message: 'the post has no expiresOn' }]))
  const policy = policyOn(ctx, d.on)
  const expiresOn = termEnd(policy, d.level, post.expiresOn)
  if (E.isLeft(expiresOn)) return expiresOn
  const quota = quotaCheck(policy, ownEntry(ctx.organizations, d.employerId), d, post.expiresOn, expiresOn.right)
  if (E.isLeft(quota)) return quota
  if (quota.right !== null) return E.left(notEligible(`the ${d.level} post of ${d.talentId} cannot be renewed on ${d.on}`, [quota.right]))
  return E.right([{ type: 'SeniorPostRenewed', data: { talentId: d.talentId, level: d.level, employerId: d.employerId, on: d.on, expiresOn: expiresOn.right, policyId: policy.policyId } }])
}

/** EndSeniorPost: the post in force at the level ends on `on` (its employer's or the bureau's word); the certificate stays. */
export const decideEndPost = (c: CommandOf<'EndSeniorPost'>, s: TalentState): Decided => {
  const d = c.data
  if (!s.registered) return requireRegistered(s, d.talentId) as Decided
  const post = postInForce(s, d.level, d.on)
  if (post === undefined)
    return s.posts.some((p) => p.level === d.level && p.endedOn !== null && p.endedOn <= d.on)
      ? E.left({ ...duplicate(`the ${d.level} post of ${d.talentId} has already ended`), details: [{ rule: 'post-end.in-force', message: 'the post ended before' }] })
      : E.left({ ...notFound(`${d.talentId} holds no ${d.level} post in force on ${d.on}`), details: [{ rule: 'post-end.in-force', message: 'no post in force at this level on that date' }] })
  return E.right([{ type: 'SeniorPostEnded', data: { talentId: d.talentId, level: d.level, employerId: post.employerId, on: d.on, reason: d.reason } }])
}

type OrgEvent = OrganizationEventOf<'SeniorPostFilled' | 'SeniorPostExtended' | 'SeniorPostVacated'>

/** The linked events on `org-<id>` at the version the decision read it, or null when there are none. */
const onOrg = (ctx: TalentContext, organizationId: string, events: ReadonlyArray<OrgEvent>): Linked | null =>
  events.length === 0
    ? null
    : {
        streamId: organizationStream(organizationId),
        expectedVersion: ownEntry(ctx.organizationVersions, organizationId) ?? 0,
        events,
        fold: (state) => foldEvents(organizationCategory, events, state as OrganizationState),
      }

/**
 * What a talent decision also records on the employer's stream (DOMAIN.md §12): the post filled,
 * renewed or vacated, so the quota is decided there. Nothing when the employer's stream already
 * holds it (an earlier attempt of the same command appended it before losing a race on the talent).
 */
export const linkedPostEvents = (_c: TalentCommand, s: TalentState, ctx: TalentContext, events: ReadonlyArray<TalentEvent>): Linked | null => {
  const orgOf = (id: string): OrganizationState | undefined => ownEntry(ctx.organizations, id)
  const held = (org: OrganizationState | undefined, talentId: string, level: string) => org?.posts.filter((p) => p.talentId === talentId && p.level === level && p.vacatedOn === null) ?? []
  for (const e of events) {
    if (e.type === 'SeniorPostAppointed') {
      const { talentId, employerId, on, expiresOn } = e.data
      const level = e.data.level as PostLevel
      if (held(orgOf(employerId), talentId, level).some((p) => p.on === on)) return null
      return onOrg(ctx, employerId, [{ type: 'SeniorPostFilled', data: { organizationId: employerId, talentId, level, on, expiresOn } }])
    }
    if (e.type === 'SeniorPostRenewed') {
      const { talentId, level, employerId, on, expiresOn } = e.data
      if (held(orgOf(employerId), talentId, level).some((p) => p.expiresOn === expiresOn)) return null
      return onOrg(ctx, employerId, [{ type: 'SeniorPostExtended', data: { organizationId: employerId, talentId, level, on, expiresOn } }])
    }
    if (e.type === 'SeniorPostEnded') {
      const { talentId, level, employerId, on, reason } = e.data
      if (held(orgOf(employerId), talentId, level).length === 0) return null
      return onOrg(ctx, employerId, [{ type: 'SeniorPostVacated', data: { organizationId: employerId, talentId, level, on, reason } }])
    }
    if (e.type === 'EmployerChanged' || e.type === 'TalentReleased') {
      // the posts held with the employer the talent leaves end with it
      const from = s.employerId
      const on = e.data.on
      const reason = e.type === 'EmployerChanged' ? 'employer-changed' : 'released'
      const vacated = (orgOf(from)?.posts ?? [])
        .filter((p) => p.talentId === s.talentId && p.vacatedOn === null && (p.expiresOn === null || p.expiresOn > on))
        .map((p): OrgEvent => ({ type: 'SeniorPostVacated', data: { organizationId: from, talentId: s.talentId, level: p.level, on, reason } }))
      return from === '' ? null : onOrg(ctx, from, vacated)
    }
  }
  return null
}

/** What the employer's stream gives back when the appointment it held a post for is refused after all. */
export const withdrawnPost = (c: TalentCommand, held: Linked): ReadonlyArray<OrgEvent> =>
  held.events.flatMap((e): OrgEvent[] =>
    e.type === 'SeniorPostFilled' && c.type === 'AppointSeniorPost'
      ? [{ type: 'SeniorPostVacated', data: { organizationId: c.data.employerId, talentId: c.data.talentId, level: c.data.level, on: c.data.on, reason: 'withdrawn' } }]
      : [],
  )
