/**
 * Who may issue which talent command (DOMAIN.md §8), as one pure function. It runs right after decoding: a refusal
 * here is `Unauthorized`, whatever else is wrong with the command.
 */
import * as E from 'fp-ts/lib/Either.js'
import { unauthorized, type DomainError } from '../../kernel/errors.js'
import { rank, type CertifiedLevel } from '../../vocabulary/ladder.js'
import type { AgreementState } from '../agreement/index.js'
import type { OrganizationState } from '../organization/index.js'
import { authorizeAgreementTraining } from './decide-cooperation.js'
import type { TalentCommand } from './context.js'
import { relationOf, type TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** What authorization may look at: the organisations the command names and the talent's state. */
export interface AuthorizationContext {
  readonly organizations: Readonly<Record<string, OrganizationState | undefined>>
  readonly talent: TalentState | null
  /** The agreement a training names (DOMAIN.md §11 training.agreement-parties). */
  readonly agreements?: Readonly<Record<string, AgreementState | undefined>>
}

// the other aggregates' commands (AdoptPolicy, RegisterOrganization, DesignateCarrier,
// ReportEmploymentStatistics) are the hr-bureau's too: their own deciders check it
const BUREAU_ONLY = new Set<TalentCommand['type']>([
  'RecordCompetitionResult',
  'ConferHonor',
  'GrantBenefit',
  'RevokeCertificate',
  'ForgetTalent',
  'RecordPriorCertificate',
  'RecordServiceDelivery',
])

const ok: E.Either<DomainError, void> = E.right(undefined)
const refuse = (message: string): E.Either<DomainError, void> => E.left(unauthorized(message))
const refuseRule = (rule: string, message: string): E.Either<DomainError, void> => E.left({ ...unauthorized(message), details: [{ rule, message }] })

/** True when an authorization of `org` covers the route, occupation and (if given) level. */
export const covers = (org: OrganizationState, route: string, occupation: string, level: CertifiedLevel | undefined): boolean =>
  org.authorizations.some(
    (a) =>
      a.route === route &&
      (a.occupations.includes('*') || a.occupations.includes(occupation)) &&
      (level === undefined || (a.maxLevel !== undefined && rank(level) <= rank(a.maxLevel))),
  )

/** Decides whether the command's actor may issue it. */
export const authorize = (c: TalentCommand, ctx: AuthorizationContext): E.Either<DomainError, void> => {
  const { actor } = c
  if (actor.role === 'auditor') return refuse('auditors are read only')
  if (BUREAU_ONLY.has(c.type)) return actor.role === 'hr-bureau' ? ok : refuse(`only the hr-bureau may issue ${c.type}`)
  // under a registered agreement its lead trains the partners' staff or its students (DOMAIN.md §11)
  const underAgreement = c.type === 'EnrollTraining' ? authorizeAgreementTraining(c, ctx) : null
  if (underAgreement !== null) return underAgreement
  if (actor.role === 'hr-bureau' && c.type === 'ReleaseTalent') return refuseRule('release.current-employer', 'only the current employer releases a talent; the hr-bureau changes the employer directly')
  if (actor.role === 'hr-bureau' && c.type !== 'RecordAssessment' && c.type !== 'AppointSeniorPost' && c.type !== 'RenewSeniorPost' && c.type !== 'RecordIncentive') return ok

  // every other actor must be a registered organisation of the kind its role claims
  const org = ownEntry(ctx.organizations, actor.id)
  if (actor.role !== 'hr-bureau' && (org === undefined || !org.registered))
    return refuse(`${actor.id} is not a registered organisation: the role ${actor.role} is for organisations registered as such`)
  if (actor.role !== 'hr-bureau' && org !== undefined && org.kind !== actor.role)
    return refuse(`${actor.id} is registered as kind ${org.kind}, not ${actor.role}: it may not act in that role`)
  const talent = ctx.talent
  const employs = talent !== null && talent.registered && talent.employerId === actor.id

  switch (c.type) {
    case 'RegisterTalent':
      // a school registers its teachers and students (DOMAIN.md §11)
      return (actor.role === 'employer' || actor.role === 'vocational-school') && actor.id === c.data.employerId
        ? ok
        : refuse(`${c.type} is for the hr-bureau or the employer named (${c.data.employerId})`)
    case 'ChangeEmployer':
      if ((actor.role !== 'employer' && actor.role !== 'vocational-school') || actor.id !== c.data.employerId) return refuse(`${c.type} is for the hr-bureau or the employer named (${c.data.employerId})`)
      // a talent whose employer is still on record may be claimed only after that employer released them; a student is hired directly (§11)
      return talent !== null && talent.registered && talent.release === null && !employs && relationOf(talent) !== 'student'
        ? refuseRule('employer-change.release-required', `${actor.id} may claim the talent only after ${talent.employerId} released them (ReleaseTalent); the hr-bureau may change the employer directly`)
        : ok
    case 'ReleaseTalent':
      // the employer that released may ask again (then it is told the release is done: release.once)
      // a school releases its teachers (DOMAIN.md §11, §17)
      return (actor.role === 'employer' || actor.role === 'vocational-school') && (employs || talent?.release?.from === actor.id)
        ? ok
        : refuseRule('release.current-employer', `only the talent’s current employer may release them`)
    case 'EnrollTraining': {
      if (actor.id !== c.data.providerId) return refuse(`only the hr-bureau or the provider named (${c.data.providerId}) may enrol`)
      if (actor.role === 'employer' && !employs) return refuse(`employer ${actor.id} may enrol only its own staff`)
      return ['training-provider', 'vocational-school', 'employer'].includes(actor.role) ? ok : refuse(`a ${actor.role} does not provide training`)
    }
    case 'CompleteTraining': {
      const programme = ownEntry(talent?.trainings, c.data.programId)
      if (programme === undefined || programme.providerId !== actor.id)
        return refuse(`only the hr-bureau or the programme's provider may complete programme ${c.data.programId}`)
      // under an agreement the lead completes the training it gave (DOMAIN.md §11)
      if (actor.role === 'employer' && !employs && programme.agreementId === undefined) return refuse(`employer ${actor.id} may complete training only for its own staff`)
      return ok
    }
    case 'RecordAssessment': {
      if (actor.id !== c.data.assessorId || org === undefined) return refuse(`only the assessor named (${c.data.assessorId}) may record this assessment`)
      if (c.data.route === 'vocational-qualification' && org.kind !== 'appraisal-body')
        return refuse('vocational qualifications (职业资格评价) are certified only by designated appraisal bodies')
      if (!covers(org, c.data.route, c.data.occupation, c.data.level))
        return refuse(`${actor.id} is not registered for ${c.data.route} in ${c.data.occupation}${c.data.level === undefined ? '' : ` up to ${c.data.level}`}`)
      if (org.kind === 'employer' && !employs) return refuse(`employer ${actor.id} may assess only its current employees`)
      if (org.kind === 'vocational-school' && !employs) return refuseRule('assessment.school-own-people', `school ${actor.id} certifies only its own students and teachers`)
      return ok
    }
    case 'AppointSeniorPost':
    case 'RenewSeniorPost':
      if (actor.role !== 'employer' || actor.id !== c.data.employerId || !employs)
        return refuse(`only the talent’s current employer may ${c.type === 'AppointSeniorPost' ? 'appoint' : 'renew'} senior posts (评聘)`)
      return org?.canAppoint === true ? ok : refuse(`employer ${actor.id} is not authorized to appoint senior posts`)
    case 'EndSeniorPost':
      // the bureau (above) or the employer that holds the post
      if (actor.role !== 'employer' || !employs) return refuse('only the hr-bureau or the talent’s current employer may end a senior post')
      return org?.canAppoint === true ? ok : refuse(`employer ${actor.id} is not authorized to appoint senior posts`)
    case 'RecordIncentive':
      return actor.role === 'employer' && employs ? ok : refuse('only the talent’s current employer records incentives')
    default:
      return refuse(`${actor.role} may not issue ${c.type}`)
  }
}
