/**
 * What a notice may say (通知要素): for each event that notifies, the facts copied from the event into
 * the outbox row. Only facts the log already holds in clear (ids, levels, amounts in fen, dates,
 * policy and rule ids): never a name or a national id in clear. Beside the facts, the payload
 * carries the talent's personal data sealed with its key, as it stood at the decision
 * (`NoticePayload`): the renderer opens it at delivery time, so a talent erased in between is
 * named by id alone. The codecs decode the row payload again before a template reads it.
 */
import * as t from 'io-ts'
import { LocalDate } from '../kernel/dates.js'
import { CertificationRoute, SealedPersonalData, type EventOf } from '../domain/events.js'
import { CertifiedLevel } from '../vocabulary/ladder.js'
import { BenefitKind, Route } from '../vocabulary/terms.js'

/** Events a notification rule may fire on: what changes for a talent, its employer or the bureau. */
export const NotifiableEvent = t.keyof(
  {
    LevelCertified: null,
    AssessmentFailed: null,
    BenefitGranted: null,
    TalentPoolEntered: null,
    CertificateRevoked: null,
    TalentReleased: null,
    EmployerChanged: null,
  },
  'NotifiableEvent',
)
export type NotifiableEvent = t.TypeOf<typeof NotifiableEvent>

/** True for an event type some rule may notify on. */
export const isNotifiable = (type: string): type is NotifiableEvent => NotifiableEvent.is(type)

/** Facts every notice carries: what happened, to whom (by id), when, and which notification rule sent it. */
const Common = {
  talentId: t.string,
  on: LocalDate,
  notificationPolicyId: t.string,
  notificationRuleId: t.string,
}

/** Row payload codec of each notifiable event. */
export const NoticeFacts = {
  LevelCertified: t.type({
    ...Common,
    eventType: t.literal('LevelCertified'),
    level: CertifiedLevel,
    route: CertificationRoute,
    occupation: t.string,
    policyId: t.string,
    ruleId: t.string,
  }),
  AssessmentFailed: t.type({
    ...Common,
    eventType: t.literal('AssessmentFailed'),
    assessmentId: t.string,
    level: t.union([CertifiedLevel, t.null]),
    route: Route,
    occupation: t.string,
  }),
  BenefitGranted: t.type({
    ...Common,
    eventType: t.literal('BenefitGranted'),
    grantId: t.string,
    benefit: BenefitKind,
    /** Fen. */
    amount: t.number,
    /** Who is paid: the talent or (apprenticeship subsidy) the employer — an id, not a person's name. */
    paidTo: t.string,
    policyId: t.string,
    ruleId: t.string,
  }),
  TalentPoolEntered: t.type({ ...Common, eventType: t.literal('TalentPoolEntered'), services: t.array(t.string) }),
  CertificateRevoked: t.type({
    ...Common,
    eventType: t.literal('CertificateRevoked'),
    level: CertifiedLevel,
    reason: t.string,
    flaggedGrants: t.array(t.string),
  }),
  /** `from`: the employer that released the talent. */
  TalentReleased: t.type({ ...Common, eventType: t.literal('TalentReleased'), from: t.string }),
  /** `from`: the employer the talent left; `employerId`: the one that took them on. */
  EmployerChanged: t.type({ ...Common, eventType: t.literal('EmployerChanged'), from: t.string, employerId: t.string }),
} as const

/** The facts of one notifiable event type. */
export type NoticeFactsOf<K extends NotifiableEvent> = t.TypeOf<(typeof NoticeFacts)[K]>

/** Any notice's facts. */
export const AnyNoticeFacts = t.union([
  NoticeFacts.LevelCertified,
  NoticeFacts.AssessmentFailed,
  NoticeFacts.BenefitGranted,
  NoticeFacts.TalentPoolEntered,
  NoticeFacts.CertificateRevoked,
  NoticeFacts.TalentReleased,
  NoticeFacts.EmployerChanged,
])
export type AnyNoticeFacts = t.TypeOf<typeof AnyNoticeFacts>

/**
 * An outbox row's payload: the facts, and `personal`, the talent's personal data sealed with its key
 * as the talent's state held it at the decision (the same ciphertext as its TalentRegistered, so
 * `verify` recomputes it). Optional when read: rows written before notices carried it, and rows of
 * a talent already erased at the decision, have none and render by id alone.
 */
export const NoticePayload = t.intersection([AnyNoticeFacts, t.partial({ personal: SealedPersonalData })], 'NoticePayload')
export type NoticePayload = t.TypeOf<typeof NoticePayload>

/** The notification rule that made a notice. */
export interface RuleRef {
  readonly notificationPolicyId: string
  readonly notificationRuleId: string
}

/** A notifiable event (type and data). */
export type NotifiableEventOf = EventOf<NotifiableEvent>

/** Copies the non-personal facts of an event (field by field: nothing else of the event slips in). */
export const factsOf = (e: NotifiableEventOf, rule: RuleRef): AnyNoticeFacts => {
  switch (e.type) {
    case 'LevelCertified': {
      const { talentId, level, route, occupation, on, policyId, ruleId } = e.data
      return { eventType: e.type, talentId, on, ...rule, level, route, occupation, policyId, ruleId }
    }
    case 'AssessmentFailed': {
      const { talentId, assessmentId, level, route, occupation, on } = e.data
      return { eventType: e.type, talentId, on, ...rule, assessmentId, level, route, occupation }
    }
    case 'BenefitGranted': {
      const { talentId, grantId, benefit, amount, recipientId, on, policyId, ruleId } = e.data
      return { eventType: e.type, talentId, on, ...rule, grantId, benefit, amount, paidTo: recipientId, policyId, ruleId }
    }
    case 'TalentPoolEntered': {
      const { talentId, on, services } = e.data
      return { eventType: e.type, talentId, on, ...rule, services: [...services] }
    }
    case 'CertificateRevoked': {
      const { talentId, level, reason, on, flaggedGrants } = e.data
      return { eventType: e.type, talentId, on, ...rule, level, reason, flaggedGrants: [...flaggedGrants] }
    }
    case 'TalentReleased': {
      const { talentId, from, on } = e.data
      return { eventType: e.type, talentId, on, ...rule, from }
    }
    case 'EmployerChanged': {
      const { talentId, from, employerId, on } = e.data
      return { eventType: e.type, talentId, on, ...rule, from, employerId }
    }
  }
}

/** The level a rule's `levels` condition looks at, where the event has one. */
export const levelOfFacts = (f: AnyNoticeFacts): string | null => ('level' in f ? f.level : null)

/** The benefit a rule's `benefits` condition looks at, where the event has one. */
export const benefitOfFacts = (f: AnyNoticeFacts): string | null => (f.eventType === 'BenefitGranted' ? f.benefit : null)
