/**
 * From decided events to outbox rows (发件箱条目), purely: the ledger calls this with the events it
 * is about to append and the talent's state the decision was made on, and hands the rows to the
 * store's append, so notices commit with their events. The row id `${eventId}:${channel}:${recipient}`
 * is the idempotency key: the same event yields the same ids on every call, so an idempotent
 * retry of an append adds nothing and a receiver can drop a notice delivered twice.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NewEvent } from '../kernel/envelope.js'
import type { OutboxEntry } from '../kernel/outbox.js'
import { describeErrors } from '../kernel/decode-errors.js'
import { EventData } from '../domain/events.js'
import { talentStream } from '../domain/talent/category.js'
import { benefitOfFacts, factsOf, isNotifiable, levelOfFacts, type AnyNoticeFacts, type NotifiableEventOf } from './notice-facts.js'
import type { NotificationPolicy, NotificationRule, RecipientKind } from './notification-policy.js'

/** What the rows need of the talent at decision time: its current employer (`''` when none). */
export interface NotifiedTalent {
  readonly employerId: string
}

/**
 * The recipient address of a kind for this talent; null when there is none (no employer on record).
 * The employer of a change of employer is the new one, read from the event; the former employer is
 * the event's `from` (a release or a change), so the employer a talent leaves is told too.
 */
export const recipientOf = (kind: RecipientKind, talentId: string, talent: NotifiedTalent, facts?: AnyNoticeFacts): string | null => {
  switch (kind) {
    case 'talent':
      return `talent:${talentId}`
    case 'employer': {
      const employerId = facts?.eventType === 'EmployerChanged' ? facts.employerId : talent.employerId
      return employerId === '' ? null : `employer:${employerId}`
    }
    case 'former-employer':
      return facts !== undefined && 'from' in facts && facts.from !== '' ? `employer:${facts.from}` : null
    case 'bureau':
      return 'bureau'
  }
}

const fires = (rule: NotificationRule, facts: AnyNoticeFacts): boolean => {
  if (rule.event !== facts.eventType) return false
  const { benefits, levels } = rule.when ?? {}
  if (benefits !== undefined) {
    const b = benefitOfFacts(facts)
    if (b === null || !(benefits as ReadonlyArray<string>).includes(b)) return false
  }
  if (levels !== undefined) {
    const l = levelOfFacts(facts)
    if (l === null || !(levels as ReadonlyArray<string>).includes(l)) return false
  }
  return true
}

const decodeNotifiable = (e: Pick<NewEvent, 'type' | 'data'>): NotifiableEventOf | null => {
  if (!isNotifiable(e.type)) return null
  const data = EventData[e.type].decode(e.data)
  if (E.isLeft(data)) throw new Error(`${e.type} data does not decode: ${describeErrors(data.left).map((d) => d.message).join('; ')}`)
  return { type: e.type, data: data.right } as NotifiableEventOf
}

/** The outbox rows `policy` asks for on these events, in event, rule, recipient and channel order; ids unique. */
export const outboxEntriesFor = (
  policy: NotificationPolicy,
  events: ReadonlyArray<Pick<NewEvent, 'eventId' | 'type' | 'data'>>,
  talent: NotifiedTalent,
): OutboxEntry[] => {
  const entries = new Map<string, OutboxEntry>()
  for (const e of events) {
    const event = decodeNotifiable(e)
    if (event === null) continue
    for (const rule of policy.rules) {
      const facts = factsOf(event, { notificationPolicyId: policy.policyId, notificationRuleId: rule.ruleId })
      if (!fires(rule, facts)) continue
      for (const d of rule.deliver) {
        const recipient = recipientOf(d.recipient, facts.talentId, talent, facts)
        if (recipient === null) continue
        for (const channel of d.channels) {
          const id = `${e.eventId}:${channel}:${recipient}`
          if (entries.has(id)) continue
          entries.set(id, {
            id,
            eventId: e.eventId,
            streamId: talentStream(facts.talentId),
            channel,
            recipient,
            template: rule.template,
            locale: rule.locale ?? policy.locale,
            payload: facts,
          })
        }
      }
    }
  }
  return [...entries.values()]
}
