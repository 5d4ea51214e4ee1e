/**
 * The talent's decisions: one person's lifecycle from registration through training,
 * certification, competitions, honours and benefits. Checks run in the order DOMAIN.md §8 fixes:
 * shape, who may issue it, what it names exists, not done already, policy values set, rules, and
 * the §17 date rules last. Entering or leaving the talent pool (人才库) follows from the level and
 * is emitted here, once.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainError } from '../../kernel/errors.js'
import { notAfterRecordDate, withDateRules } from '../date-rules.js'
import { authorize } from './authorization.js'
import { policyOn, type TalentCommand, type TalentContext } from './context.js'
import { talentDateRuleFailures } from './date-rules.js'
import { studentAgeFailures } from './student-age.js'
import { allowanceShapeError } from './decide-allowances.js'
import { decideGrant, grantShapeError } from './decide-benefits.js'
import { decideAssessment, decideRevocation } from './decide-certification.js'
import { decideAppointment, decideEndPost, decideRenewal } from './decide-posts.js'
import { decideFeatured, featuredShapeError, isFeaturedAssessment } from './decide-featured.js'
import { decideCompetition } from './decide-competition.js'
import { decideHonor, honourShapeError } from './decide-honours.js'
import { decideIncentive } from './decide-recognition.js'
import { cooperationShapeError, withCooperationRules } from './decide-cooperation.js'
import { decideChangeEmployer, decideForget, decideRegister, decideRelease } from './decide-registration.js'
import { decidePriorCertificate } from './decide-prior.js'
import { decideServiceDelivery, entitledServices } from './decide-services.js'
import { decideComplete, decideEnroll } from './decide-training.js'
import { withProgrammeRules } from './decide-programme.js'
import type { TalentEvent } from './events.js'
import { factDateOf } from './fact-date.js'
import { evolveTalent, isHighSkilledTalent, levelOf, type TalentState } from './state.js'

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
      return decideHonor(c, s, context)
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
    case 'RecordServiceDelivery':
      return decideServiceDelivery(c, s, context)
    case 'RenewSeniorPost':
      return decideRenewal(c, s, context)
    case 'EndSeniorPost':
      return decideEndPost(c, s)
  }
}

/**
 * Event types that leave the certificates, the trainings and the talent's id as they were, so the
 * pool transition (which reads only the level and the id) need not fold them: the bulk of the
 * commands (allowances, services, incentives, results). A type not listed is folded, so a new event
 * type is safe by default; a unit test holds each listed type to this.
 */
export const KEEPS_LEVEL: ReadonlySet<TalentEvent['type']> = new Set<TalentEvent['type']>([
  'BenefitGranted',
  'ServiceDelivered',
  'IncentiveRecorded',
  'CompetitionResultRecorded',
  'HonorConferred',
  'AssessmentPassed',
  'AssessmentFailed',
  'SpecialAbilityCertified',
  'FeaturedSkillCertified',
  'EmployerChanged',
  'TalentReleased',
  'SeniorPostAppointed',
  'SeniorPostRenewed',
  'SeniorPostEnded',
  'TalentForgotten',
])
const keepsLevel = (e: TalentEvent): boolean => KEEPS_LEVEL.has(e.type)

/**
 * Appends TalentPoolEntered / TalentPoolLeft when the events move the talent across `senior`; the
 * entry lists the services the talent is then entitled to under the policy in force (DOMAIN.md §15).
 */
const withPoolTransition = (s: TalentState, events: ReadonlyArray<TalentEvent>, on: string | null, context: TalentContext): ReadonlyArray<TalentEvent> => {
  if (events.length === 0 || on === null) return events
  // most commands (allowances, services, incentives) cannot move the level: their fold is skipped
  const after = events.every(keepsLevel) ? s : events.reduce(evolveTalent, s)
  const was = s.inTalentPool
  const is = isHighSkilledTalent(after)
  if (!was && is) return [...events, { type: 'TalentPoolEntered', data: { talentId: after.talentId, on, services: entitledServices(policyOn(context, on), levelOf(after)) } }]
  if (was && !is) return [...events, { type: 'TalentPoolLeft', data: { talentId: after.talentId, on } }]
  return events
}

const decideChecked = (c: TalentCommand, s: TalentState, context: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  if (c.type === 'GrantBenefit' || c.type === 'ConferHonor') {
    // the allowances' conditions (DOMAIN.md §15) make fields required: read from the policy in force
    const shape = c.type === 'GrantBenefit' ? grantShapeError(c) ?? allowanceShapeError(c, policyOn(context, c.data.on)) : honourShapeError(c)
    if (shape !== null) return E.left(shape)
  }
  const featuredShape = featuredShapeError(c, context) ?? cooperationShapeError(c, s)
  if (featuredShape !== null) return E.left(featuredShape)
  const allowed = authorize(c, { organizations: context.organizations, talent: s, agreements: context.agreements ?? {} })
  if (E.isLeft(allowed)) return allowed
  // the programme rules of §10 and the cooperation rules of §11 (agreements, students) join the command's own
  const decided = withCooperationRules(c, s, context, withProgrammeRules(c, s, context, decideCommand(c, s, context)))
  return E.map((events: ReadonlyArray<TalentEvent>) => withPoolTransition(s, events, factDateOf(c)?.date ?? null, context))(decided)
}

/** Decides a talent command on the talent's state and context, the §17 date rules joined last. */
export const decideTalent = (c: TalentCommand, s: TalentState, context: TalentContext): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const decided = decideChecked(c, s, context)
  const { dates } = context
  if (dates === null) return decided
  const studentAge = studentAgeFailures(c, context, dates)
  // an unset policy value the student's age needs comes before any NotEligible (§8), never before an earlier kind
  if (E.isLeft(studentAge) && (E.isRight(decided) || decided.left.code === 'NotEligible')) return studentAge
  const failedStudentAge = E.isRight(studentAge) ? studentAge.right : []
  return withDateRules(decided, [...notAfterRecordDate(c, dates), ...failedStudentAge, ...talentDateRuleFailures(c, s, context, dates)])
}
