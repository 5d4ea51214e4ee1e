/**
 * The talent's decisions: one person's lifecycle from registration through training,
 * certification, competitions, honours and benefits. Checks run in the order DOMAIN.md §8 fixes:
 * shape, who may issue it, what it names exists, not done already, policy values set, rules, and
 * the §17 date rules last. Entering or leaving the talent pool (人才库) follows from the level and
 * is emitted here, once.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainError } from '../../kernel/errors.js'
import { TALENT_POOL_SERVICES } from '../../vocabulary/terms.js'
import { notAfterRecordDate, withDateRules } from '../date-rules.js'
import { authorize } from './authorization.js'
import type { TalentCommand, TalentContext } from './context.js'
import { talentDateRuleFailures } from './date-rules.js'
import { decideGrant, grantShapeError } from './decide-benefits.js'
import { decideAssessment, decideRevocation } from './decide-certification.js'
import { decideAppointment, decideEndPost, decideRenewal } from './decide-posts.js'
import { decideFeatured, featuredShapeError, isFeaturedAssessment } from './decide-featured.js'
import { decideCompetition } from './decide-competition.js'
import { decideHonor, decideIncentive } from './decide-recognition.js'
import { decideChangeEmployer, decideForget, decideRegister, decideRelease } from './decide-registration.js'
import { decidePriorCertificate } from './decide-prior.js'
import { decideComplete, decideEnroll } from './decide-training.js'
import type { TalentEvent } from './events.js'
import { evolveTalent, isHighSkilledTalent, type TalentState } from './state.js'

const decideCommand = (c: TalentCommand, s: TalentState, context: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  switch (c.type) {
    case 'RegisterTalent':
      return decideRegister(c, s, context)
    case 'ChangeEmployer':
      return decideChangeEmployer(c, s, context)
    case 'EnrollTraining':
      return decideEnroll(c, s, context)
    case 'CompleteTraining':
      return decideComplete(c, s)
    case 'RecordAssessment':
      return isFeaturedAssessment(c, context) ? decideFeatured(c, s, context) : decideAssessment(c, s, context)
    case 'AppointSeniorPost':
      return decideAppointment(c, s, context)
    case 'RecordCompetitionResult':
      return decideCompetition(c, s, context)
    case 'ConferHonor':
      return decideHonor(c, s)
    case 'GrantBenefit':
      return decideGrant(c, s, context)
    case 'RecordIncentive':
      return decideIncentive(c, s)
    case 'RevokeCertificate':
      return decideRevocation(c, s)
    case 'ForgetTalent':
      return decideForget(c, s)
    case 'ReleaseTalent':
      return decideRelease(c, s)
    case 'RecordPriorCertificate':
      return decidePriorCertificate(c, s, context)
    case 'RenewSeniorPost':
      return decideRenewal(c, s, context)
    case 'EndSeniorPost':
      return decideEndPost(c, s)
  }
}

/** The business date a talent command happens on (ForgetTalent names none). */
const dateOfCommand = (c: TalentCommand): string | null => {
  switch (c.type) {
    case 'RegisterTalent':
      return c.data.registeredOn
    case 'EnrollTraining':
      return c.data.startedOn
    case 'CompleteTraining':
      return c.data.completedOn
    case 'RecordPriorCertificate':
      return c.data.issuedOn
    case 'ForgetTalent':
      return null
    default:
      return c.data.on
  }
}

/** Appends TalentPoolEntered / TalentPoolLeft when the events move the talent across `senior`. */
const withPoolTransition = (s: TalentState, events: ReadonlyArray<TalentEvent>, on: string | null): ReadonlyArray<TalentEvent> => {
  if (events.length === 0 || on === null) return events
  const after = events.reduce(evolveTalent, s)
  const was = s.inTalentPool
  const is = isHighSkilledTalent(after)
  if (!was && is) return [...events, { type: 'TalentPoolEntered', data: { talentId: after.talentId, on, services: [...TALENT_POOL_SERVICES] } }]
  if (was && !is) return [...events, { type: 'TalentPoolLeft', data: { talentId: after.talentId, on } }]
  return events
}

const decideChecked = (c: TalentCommand, s: TalentState, context: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  if (c.type === 'GrantBenefit') {
    const shape = grantShapeError(c)
    if (shape !== null) return E.left(shape)
  }
  const featuredShape = featuredShapeError(c, context)
  if (featuredShape !== null) return E.left(featuredShape)
  const allowed = authorize(c, { organizations: context.organizations, talent: s })
  if (E.isLeft(allowed)) return allowed
  return E.map((events: ReadonlyArray<TalentEvent>) => withPoolTransition(s, events, dateOfCommand(c)))(decideCommand(c, s, context))
}

/** Decides a talent command on the talent's state and context, the §17 date rules joined last. */
export const decideTalent = (c: TalentCommand, s: TalentState, context: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const decided = decideChecked(c, s, context)
  const { dates } = context
  if (dates === null) return decided
  return withDateRules(decided, [...notAfterRecordDate(c, dates), ...talentDateRuleFailures(c, s, context.organizations, dates)])
}
