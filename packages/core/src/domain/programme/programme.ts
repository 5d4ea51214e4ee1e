/**
 * Programmes (培训项目, stream `programme-<id>`, DOMAIN.md §10): a provider's training offering,
 * optionally at a training carrier (培养载体) or under an agreement (§11). Enrolment stays on the
 * talent's stream (talent/decide-programme.ts checks it against the programme opened here).
 * Reading order: events (messages.ts) → state (state.ts) → who may open it → decide → category.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Category, StreamReader } from '../../kernel/category.js'
import { duplicate, notEligible, notFound, unauthorized, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import { cityCategory, CITY_STREAM, type CarrierRecord } from '../city/index.js'
import { decidedWithRecordDates, type RecordDatesContext } from '../date-rules.js'
import type { DecisionEnv } from '../decision-env.js'
import { organizationCategory, type OrganizationState } from '../organization/index.js'
import type { ProgrammeCommand, ProgrammeEvent } from './messages.js'
import { programmeFoldable, type ProgrammeState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** What opening a programme reads besides its stream: the carrier named and the organisations involved. */
export interface ProgrammeContext extends RecordDatesContext {
  /** The carrier named (undefined: none named, or never designated). */
  readonly carrier: CarrierRecord | undefined
  /** The actor, the provider and the carrier's host (undefined: never registered). */
  readonly organizations: Readonly<Record<string, OrganizationState | undefined>>
}

const PROVIDER_KINDS: ReadonlyArray<string> = ['training-provider', 'vocational-school', 'employer']
const refuse = (message: string): E.Either<DomainError, never> => E.left(unauthorized(message))

/** §8 extended: the hr-bureau, the provider named, or the host of the carrier named — an organisation acting in the role it is registered as. */
const authorize = (c: ProgrammeCommand, ctx: ProgrammeContext): E.Either<DomainError, void> => {
  const { actor } = c
  if (actor.role === 'auditor') return refuse('auditors are read only')
  if (actor.role === 'hr-bureau') return E.right(undefined)
  const org = ownEntry(ctx.organizations, actor.id)
  if (org === undefined || !org.registered || org.kind !== actor.role) return refuse(`${actor.id} is not a registered ${actor.role}`)
  const host = ctx.carrier?.hostId
  // as for EnrollTraining: only a provider kind provides training
  if (actor.id === c.data.providerId && !PROVIDER_KINDS.includes(actor.role)) return refuse(`a ${actor.role} does not provide training`)
  return actor.id === c.data.providerId || (host !== undefined && actor.id === host)
    ? E.right(undefined)
    : refuse(`only the hr-bureau, the provider named (${c.data.providerId})${host === undefined ? '' : ` or the carrier's host (${host})`} may open programme ${c.data.programId}`)
}

/**
 * OpenProgramme: who (above), the provider and the carrier exist (NotFound), not opened already
 * (Duplicate), `programme.carrier` (NotEligible): the carrier designated by `on`, a masters' studio
 * with a master by then, the provider its host if it has one. NOTE: `agreementId` is stored as
 * given; checking it against an agreement (§11) is not done here.
 */
const decide = (c: ProgrammeCommand, s: ProgrammeState, ctx: ProgrammeContext): E.Either<DomainError, ReadonlyArray<ProgrammeEvent>> => {
  const allowed = authorize(c, ctx)
  if (E.isLeft(allowed)) return allowed
  const d = c.data
  const provider = ownEntry(ctx.organizations, d.providerId)
  if (provider === undefined || !provider.registered || !PROVIDER_KINDS.includes(provider.kind)) return E.left(notFound(`no registered ${PROVIDER_KINDS.join(' or ')} ${d.providerId}`))
  const carrier = ctx.carrier
  if (d.carrierId !== undefined && carrier === undefined)
    return E.left({ ...notFound(`no designated carrier ${d.carrierId}`), details: [{ rule: 'programme.carrier', field: 'data.carrierId', message: `${d.carrierId} was never designated` }] })
  if (s.opened) return E.left(duplicate(`programme ${d.programId} is already opened`))
  if (carrier !== undefined) {
    const failed: ErrorDetail[] = []
    const fail = (message: string): void => void failed.push({ rule: 'programme.carrier', message })
    if (carrier.on > d.on) fail(`carrier ${carrier.carrierId} is designated from ${carrier.on}, after ${d.on}`)
    if (carrier.kind === 'master-studio' && (carrier.masterSince === undefined || carrier.masterSince > d.on)) fail(`masters' studio ${carrier.carrierId} has no master on ${d.on}`)
    if (carrier.hostId !== undefined && carrier.hostId !== d.providerId) fail(`carrier ${carrier.carrierId} is run by ${carrier.hostId}: the provider must be its host, not ${d.providerId}`)
    if (failed.length > 0) return E.left(notEligible(`programme ${d.programId} cannot be opened at ${carrier.carrierId}`, failed))
  }
  return E.right([
    {
      type: 'ProgrammeOpened',
      data: { programId: d.programId, providerId: d.providerId, kind: d.kind, field: d.field, on: d.on, carrierId: d.carrierId ?? null, agreementId: d.agreementId ?? null, occupation: d.occupation ?? null, places: d.places ?? null },
    },
  ])
}

const context = async (c: ProgrammeCommand, _s: ProgrammeState, env: DecisionEnv, read: StreamReader): Promise<ProgrammeContext> => {
  const city = c.data.carrierId === undefined ? null : await read(cityCategory, CITY_STREAM)
  const carrier = c.data.carrierId === undefined ? undefined : ownEntry(city?.state.carriers, c.data.carrierId)
  const ids = [...new Set([c.actor.id, c.data.providerId, ...(carrier?.hostId === undefined ? [] : [carrier.hostId])])]
  const orgs = await Promise.all(ids.map(async (id) => [id, await read(organizationCategory, id)] as const))
  return { dates: env.dates, carrier, organizations: Object.fromEntries(orgs.map(([id, org]) => [id, org.version === 0 ? undefined : org.state])) }
}

/** The programme category. */
export const programmeCategory: Category<ProgrammeCommand, ProgrammeEvent, ProgrammeState, ProgrammeContext, DecisionEnv> = {
  ...programmeFoldable,
  idOf: (c) => c.data.programId,
  context,
  // `dates.not-after-record-date` joined last, as every stream's own decision
  decide: decidedWithRecordDates(decide),
}
