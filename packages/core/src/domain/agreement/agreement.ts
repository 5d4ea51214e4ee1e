/**
 * Cooperation agreements (stream `agreement-<id>`, DOMAIN.md §11): an `industry-chain` agreement
 * lets a designated enterprise (链主/龙头/专精特新) train its partners' staff; an `order-class`
 * (订单班), `named-class` (冠名班) or `modern-apprenticeship` (现代学徒制: not 新型学徒制, no
 * apprenticeship subsidy) lets a vocational school train students for its partner employers.
 * Reading order: events (messages.ts) → state and fold → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category, StreamReader } from '../../kernel/category.js'
import { domainError, duplicate, notEligible, notFound, unauthorized, type DomainError } from '../../kernel/errors.js'
import { leadKindOf } from '../../vocabulary/cooperation.js'
import { decidedWithRecordDates, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { designationsOn, organizationCategory, type OrganizationState } from '../organization/index.js'
import { AgreementEventData, type AgreementCommand, type AgreementEvent } from './messages.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Registered = Extract<AgreementEvent, { type: 'AgreementRegistered' }>['data']

/** An agreement as its stream knows it (`terms` null until registered). */
export interface AgreementState {
  readonly terms: Registered | null
  readonly ended: { readonly on: string; readonly reason: string } | null
}

const initialState: AgreementState = { terms: null, ended: null }

const evolve = (s: AgreementState, e: AgreementEvent): AgreementState => {
  switch (e.type) {
    case 'AgreementRegistered':
      return { ...s, terms: e.data }
    case 'AgreementEnded':
      return { ...s, ended: { on: e.data.on, reason: e.data.reason } }
  }
}

/** True when `date` is within the agreement's validity and before it ended (DOMAIN.md §11 training.within-agreement). */
export const agreementCovers = (s: AgreementState, date: string): boolean =>
  s.terms !== null && s.terms.validFrom <= date && date <= s.terms.validTo && (s.ended === null || date < s.ended.on)

/** What an agreement decision reads besides its stream: the organisations it names (and the actor) and the record dates. */
export interface AgreementContext extends RecordDatesContext {
  readonly organizations: Readonly<Record<string, OrganizationState | undefined>>
}

const context = async (c: AgreementCommand, _s: AgreementState, env: DecisionEnv, read: StreamReader): Promise<AgreementContext> => {
  const ids = [...new Set([c.actor.id, ...(c.type === 'RegisterAgreement' ? [c.data.leadId, ...c.data.partnerIds] : [])])]
  const orgs = await Promise.all(ids.map(async (id) => [id, await read(organizationCategory, id)] as const))
  return { dates: env.dates, organizations: Object.fromEntries(orgs.map(([id, org]) => [id, org.version === 0 ? undefined : org.state])) }
}

const withRule = (error: DomainError, detail: { readonly rule: string; readonly field: string; readonly message: string }): DomainError => ({ ...error, details: [detail] })

/** RegisterAgreement: `agreement.parties` (Malformed dates, NotFound parties), then `agreement.lead-designated`. */
const decideRegister = (c: Extract<AgreementCommand, { type: 'RegisterAgreement' }>, s: AgreementState, ctx: AgreementContext): E.Either<DomainError, ReadonlyArray<AgreementEvent>> => {
  const d = c.data
  if (d.validFrom > d.validTo) return E.left(withRule(domainError('Malformed', `data.validFrom ${d.validFrom} is after data.validTo ${d.validTo}`), { rule: 'agreement.parties', field: 'data.validFrom', message: 'validFrom is after validTo' }))
  if (c.actor.role !== 'hr-bureau') return E.left(unauthorized('only the hr-bureau registers (备案) agreements'))
  const leadKind = leadKindOf(d.kind)
  const registeredAs = (id: string, kind: string) => ownEntry(ctx.organizations, id)?.registered === true && ownEntry(ctx.organizations, id)?.kind === kind
  if (!registeredAs(d.leadId, leadKind)) return E.left(withRule(notFound(`no registered ${leadKind} ${d.leadId} to lead a ${d.kind} agreement`), { rule: 'agreement.parties', field: 'data.leadId', message: `the lead of ${d.kind} is a registered ${leadKind}` }))
  const missing = d.partnerIds.filter((id) => !registeredAs(id, 'employer'))
  if (missing.length > 0) return E.left(withRule(notFound(`no registered employer ${missing.join(', ')}`), { rule: 'agreement.parties', field: 'data.partnerIds', message: 'partners are registered employers' }))
  if (s.terms !== null) return E.left(duplicate(`agreement ${d.agreementId} is already registered`))
  if (d.kind === 'industry-chain' && designationsOn(ownEntry(ctx.organizations, d.leadId)?.designations, d.validFrom).length === 0)
    return E.left(
      notEligible(`${d.leadId} holds no designation in force on ${d.validFrom}`, [
        { rule: 'agreement.lead-designated', field: 'data.leadId', message: `an industry-chain agreement is led by an enterprise designated (链主/龙头/专精特新) on validFrom ${d.validFrom}` },
      ]),
    )
  return E.right([
    {
      type: 'AgreementRegistered',
      data: { agreementId: d.agreementId, kind: d.kind, leadId: d.leadId, partnerIds: d.partnerIds, field: d.field, on: d.on, validFrom: d.validFrom, validTo: d.validTo, occupations: d.occupations ?? null, places: d.places ?? null },
    },
  ])
}

/** EndAgreement: the bureau or the lead (a registered organisation acting in its own kind), once. */
const decideEnd = (c: Extract<AgreementCommand, { type: 'EndAgreement' }>, s: AgreementState, ctx: AgreementContext): E.Either<DomainError, ReadonlyArray<AgreementEvent>> => {
  const actorOrg = ownEntry(ctx.organizations, c.actor.id)
  const isLead = s.terms !== null && c.actor.id === s.terms.leadId && actorOrg?.registered === true && actorOrg.kind === c.actor.role
  if (c.actor.role !== 'hr-bureau' && !isLead) return E.left(unauthorized('only the hr-bureau or the agreement’s lead ends an agreement'))
  if (s.terms === null) return E.left(notFound(`agreement ${c.data.agreementId} is not registered`))
  if (s.ended !== null) return E.left(duplicate(`agreement ${c.data.agreementId} ended on ${s.ended.on}`))
  return E.right([{ type: 'AgreementEnded', data: { ...c.data } }])
}

const decide = (c: AgreementCommand, s: AgreementState, ctx: AgreementContext): E.Either<DomainError, ReadonlyArray<AgreementEvent>> => {
  if (c.actor.role === 'auditor') return E.left(unauthorized('auditors are read only'))
  return c.type === 'RegisterAgreement' ? decideRegister(c, s, ctx) : decideEnd(c, s, ctx)
}

/** Stream id of an agreement. */
export const agreementStream = (agreementId: string): string => `agreement-${agreementId}`

/** The agreement category. */
export const agreementCategory: Category<AgreementCommand, AgreementEvent, AgreementState, AgreementContext, DecisionEnv> = {
  name: 'agreement',
  streamOf: agreementStream,
  idOfEvent: (e) => e.data.agreementId,
  idOf: (c) => c.data.agreementId,
  events: AgreementEventData,
  initialState,
  evolve,
  context,
  decide: decidedWithRecordDates(decide),
}
