/**
 * Cooperation on the talent's stream (DOMAIN.md §11): training under an agreement (a chain leader
 * training its partners' staff, a school its order-class students), a school's teachers and
 * students, and the hiring of a student. The talent decisions call these small hooks; the
 * agreement itself is read from its stream into the context (category.ts), so they stay pure.
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainError, notFound, unauthorized, type DomainError, type ErrorDetail } from '../../kernel/errors.js'
import { employerKindOf, trainingKindOf } from '../../vocabulary/cooperation.js'
import { agreementCovers, type AgreementState } from '../agreement/index.js'
import { withDateRules } from '../date-rules.js'
import type { OrganizationState } from '../organization/index.js'
import type { CommandOf } from './commands.js'
import type { TalentCommand, TalentContext } from './context.js'
import type { TalentEvent } from './events.js'
import { relationOf, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

const withRule = (error: DomainError, detail: { readonly rule: string; readonly field?: string }): DomainError => ({ ...error, details: [{ ...detail, message: error.message }] })

/** The agreement a command names, when it names one (`undefined`: none registered under that id). */
const namedAgreement = (c: TalentCommand, ctx: Pick<TalentContext, 'agreements'>): { readonly id: string; readonly agreement: AgreementState | undefined } | null => {
  if (c.type !== 'EnrollTraining' && c.type !== 'ChangeEmployer') return null
  const id = c.data.agreementId
  if (id === undefined) return null
  const agreement = ownEntry(ctx.agreements, id)
  return { id, agreement: agreement?.terms === null ? undefined : agreement }
}

/**
 * `Malformed` shapes: a registration has `occupationSince` iff not a student (`talent.employer-kind`);
 * a change of employer carries `occupationSince` iff it hires a student (`hire.student`).
 */
export const cooperationShapeError = (c: TalentCommand, s: TalentState): DomainError | null => {
  if (c.type === 'RegisterTalent') {
    const student = c.data.relation === 'student'
    if (student === (c.data.occupationSince === undefined)) return null
    const message = student ? 'data.occupationSince: a student has none until hired' : 'data.occupationSince: required unless the talent is a student'
    return withRule(domainError('Malformed', message), { rule: 'talent.employer-kind', field: 'data.occupationSince' })
  }
  // the same hire again is a Duplicate, not a shape error (the talent is no longer a student)
  if (c.type === 'ChangeEmployer' && s.registered && s.employerId !== c.data.employerId) {
    const student = relationOf(s) === 'student'
    if (student === (c.data.occupationSince !== undefined)) return null
    const message = student ? 'data.occupationSince: hiring a student starts its career, give the date' : 'data.occupationSince: only hiring a student starts a career'
    return withRule(domainError('Malformed', message), { rule: 'hire.student', field: 'data.occupationSince' })
  }
  return null
}

/**
 * `talent.employer-kind`: a registration's employer is registered as the kind its relation needs (a
 * school for its teachers and students); NotFound, naming the rule when the relation or the kind is why.
 */
export const requireRegistrationEmployer = (ctx: TalentContext, c: { readonly data: { readonly employerId: string; readonly relation?: 'employee' | 'teacher' | 'student' } }): E.Either<DomainError, OrganizationState> => {
  const relation = c.data.relation ?? 'employee'
  const kind = employerKindOf(relation)
  const org = ownEntry(ctx.organizations, c.data.employerId)
  if (org !== undefined && org.registered && org.kind === kind) return E.right(org)
  const error = notFound(`no registered ${kind} ${c.data.employerId}`)
  // an unknown employer of an employee is the plain NotFound it always was
  return relation === 'employee' && (org === undefined || !org.registered) ? E.left(error) : E.left(withRule(error, { rule: 'talent.employer-kind', field: 'data.employerId' }))
}

/** What the authorization of a training under an agreement reads (authorization.ts's context). */
interface AgreementAuthorizationContext {
  readonly organizations: Readonly<Record<string, OrganizationState | undefined>>
  readonly talent: TalentState | null
  readonly agreements?: Readonly<Record<string, AgreementState | undefined>>
}

/**
 * `training.agreement-parties`: under a registered agreement, the provider is its lead and the
 * actor the lead (or the bureau), and the talent works for the lead or a partner (`industry-chain`)
 * or is the lead's student (a school's classes). Null when the command names no registered
 * agreement: the ordinary rules of §8 apply (and an unknown agreement is NotFound later).
 */
export const authorizeAgreementTraining = (c: CommandOf<'EnrollTraining'>, ctx: AgreementAuthorizationContext): E.Either<DomainError, void> | null => {
  const named = namedAgreement(c, ctx)
  const terms = named?.agreement?.terms
  if (named === null || terms === null || terms === undefined) return null
  const refuse = (message: string) => E.left(withRule(unauthorized(message), { rule: 'training.agreement-parties' }))
  const { actor } = c
  if (c.data.providerId !== terms.leadId) return refuse(`under ${named.id} the provider is its lead ${terms.leadId}`)
  if (actor.role !== 'hr-bureau') {
    const org = ownEntry(ctx.organizations, actor.id)
    if (actor.id !== terms.leadId || org === undefined || !org.registered || org.kind !== actor.role) return refuse(`only the hr-bureau or ${named.id}'s lead ${terms.leadId} enrols under it`)
  }
  const talent = ctx.talent
  if (talent === null || !talent.registered) return E.right(undefined) // NotFound follows
  const ok =
    terms.kind === 'industry-chain'
      ? talent.employerId === terms.leadId || terms.partnerIds.includes(talent.employerId)
      : talent.employerId === terms.leadId && relationOf(talent) === 'student'
  return ok
    ? E.right(undefined)
    : refuse(terms.kind === 'industry-chain' ? `${named.id} covers the staff of ${[terms.leadId, ...terms.partnerIds].join(', ')}` : `${named.id} covers the students of ${terms.leadId}`)
}

/** The rules of §11 a training under an agreement fails: `training.matches-agreement`, `training.within-agreement`. */
const trainingFailures = (c: CommandOf<'EnrollTraining'>, s: TalentState, agreement: AgreementState): ErrorDetail[] => {
  const terms = agreement.terms
  if (terms === null) return []
  const failed: ErrorDetail[] = []
  const kind = trainingKindOf(terms.kind)
  if (c.data.kind !== kind) failed.push({ rule: 'training.matches-agreement', field: 'data.kind', message: `a ${terms.kind} agreement trains as ${kind}, not ${c.data.kind}` })
  if (c.data.field !== terms.field) failed.push({ rule: 'training.matches-agreement', field: 'data.field', message: `the agreement's field is ${terms.field}, not ${c.data.field}` })
  if (terms.occupations !== null && !terms.occupations.includes(s.occupation))
    failed.push({ rule: 'training.matches-agreement', field: 'data.talentId', message: `the talent's occupation ${s.occupation} is not one the agreement lists` })
  if (!agreementCovers(agreement, c.data.startedOn)) {
    const ended = agreement.ended === null ? '' : `, ended ${agreement.ended.on}`
    failed.push({ rule: 'training.within-agreement', field: 'data.startedOn', message: `startedOn ${c.data.startedOn} is outside ${terms.validFrom}…${terms.validTo}${ended}` })
  }
  return failed
}

/** `hire.student`: a student's career starts no later than the hire; under an agreement, a partner hires a talent it trained. */
const hireFailures = (c: CommandOf<'ChangeEmployer'>, s: TalentState, agreement: AgreementState | null): ErrorDetail[] => {
  const failed: ErrorDetail[] = []
  const since = c.data.occupationSince
  if (since !== undefined && since > c.data.on) failed.push({ rule: 'hire.student', field: 'data.occupationSince', message: `occupationSince ${since} is after the hire on ${c.data.on}` })
  const terms = agreement?.terms ?? null
  if (terms !== null) {
    if (!terms.partnerIds.includes(c.data.employerId)) failed.push({ rule: 'hire.student', field: 'data.employerId', message: `${c.data.employerId} is not a partner of ${terms.agreementId}` })
    if (!Object.values(s.trainings).some((t) => t.agreementId === terms.agreementId))
      failed.push({ rule: 'hire.student', field: 'data.agreementId', message: `the talent was not enrolled under ${terms.agreementId}` })
  }
  return failed
}

/** `talent.student-not-employed`: a student holds no post, earns no incentive and gets no benefit but a prize. */
const studentFailures = (c: TalentCommand, s: TalentState): ErrorDetail[] => {
  if (!s.registered || relationOf(s) !== 'student') return []
  const employment = c.type === 'AppointSeniorPost' || c.type === 'RecordIncentive' || (c.type === 'GrantBenefit' && c.data.benefit !== 'competition-prize')
  return employment ? [{ rule: 'talent.student-not-employed', message: `a student is not employed: no ${c.type === 'GrantBenefit' ? c.data.benefit : c.type} until hired` }] : []
}

const ORDER: ReadonlyArray<DomainError['code']> = ['Malformed', 'Unauthorized', 'NotFound', 'Duplicate', 'PolicyValueUnset', 'NotEligible']
const before = (a: DomainError['code'], b: DomainError['code']): boolean => ORDER.indexOf(a) < ORDER.indexOf(b)

/**
 * The decision with the §11 rules joined, in the order of §8: an agreement named but not registered
 * is NotFound (unless the decision was refused for an earlier reason); the failed rules join its
 * NotEligible ones (never hiding an earlier kind of refusal).
 */
export const withCooperationRules = (c: TalentCommand, s: TalentState, ctx: TalentContext, decided: Decided): Decided => {
  const named = namedAgreement(c, ctx)
  if (named !== null && named.agreement === undefined && (E.isRight(decided) || !before(decided.left.code, 'NotFound')))
    return E.left(withRule(notFound(`no registered agreement ${named.id}`), c.type === 'EnrollTraining' ? { rule: 'training.within-agreement', field: 'data.agreementId' } : { rule: 'hire.student', field: 'data.agreementId' }))
  const agreement = named?.agreement ?? null
  const failed = [
    ...studentFailures(c, s),
    ...(c.type === 'EnrollTraining' && agreement !== null ? trainingFailures(c, s, agreement) : []),
    ...(c.type === 'ChangeEmployer' ? hireFailures(c, s, agreement) : []),
  ]
  return withDateRules(decided, failed)
}
