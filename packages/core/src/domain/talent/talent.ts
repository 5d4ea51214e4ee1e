/**
 * The talent aggregate (stream `talent-<id>`): one person's lifecycle from registration through
 * training, certification, competitions, honours and benefits. Checks run in the order DOMAIN.md §8
 * fixes: shape, who may issue it, what it names exists, not done already, policy values set, rules.
 * Entering or leaving the talent pool (人才库) follows from the level and is emitted here, once.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../../kernel/decider.js'
import type { DomainError } from '../../kernel/errors.js'
import { authorize } from '../authorization.js'
import { businessDateOf, type Command } from '../commands.js'
import type { TalentEvent } from '../events.js'
import { TALENT_POOL_SERVICES } from '../vocabulary.js'
import type { TalentDecision } from './context.js'
import { decideGrant, grantShapeError } from './decide-benefits.js'
import { decideAppointment, decideAssessment, decideRevocation } from './decide-certification.js'
import { decideCompetition } from './decide-competition.js'
import { decideHonor, decideIncentive } from './decide-recognition.js'
import { decideChangeEmployer, decideForget, decideRegister, decideRelease } from './decide-registration.js'
import { decideComplete, decideEnroll } from './decide-training.js'
import { evolveTalent, initialTalentState, isHighSkilledTalent, type TalentState } from './state.js'

/** Stream id of a talent. */
export const talentStream = (talentId: string): string => `talent-${talentId}`

const decideCommand = ({ command: c, context }: TalentDecision, s: TalentState): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
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
      return decideAssessment(c, s, context)
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

const decide = (input: TalentDecision, s: TalentState): E.Either<DomainError, ReadonlyArray<TalentEvent>> => {
  const c = input.command
  if (c.type === 'GrantBenefit') {
    const shape = grantShapeError(c)
    if (shape !== null) return E.left(shape)
  }
  const allowed = authorize(c as Command, { organizations: input.context.organizations, talent: s })
  if (E.isLeft(allowed)) return allowed
  return E.map((events: ReadonlyArray<TalentEvent>) => withPoolTransition(s, events, businessDateOf(c)))(decideCommand(input, s))
}

/** The talent decider. */
export const talentDecider: Decider<TalentDecision, TalentEvent, TalentState> = {
  initialState: initialTalentState,
  evolve: evolveTalent,
  decide,
}
