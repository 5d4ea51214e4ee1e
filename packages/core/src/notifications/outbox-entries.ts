/**
 * From decided events to outbox rows (发件箱条目), purely: the ledger calls this with the events it
 * is about to append (typed, as the decider made them) and the talent's state the decision was made
 * on, and hands the rows to the store's append, so notices commit with their events. The row id
 * `${eventId}:${channel}:${recipient}` is the idempotency key: the same event yields the same ids on
 * every call, so an idempotent retry of an append adds nothing and a receiver can drop a notice
 * delivered twice. Each row carries what its template needs, decided now: the facts, and the
 * talent's personal data sealed as the state holds it, so the relay never reads the ledger back.
 */
import type { OutboxEntry } from '../kernel/outbox.js'
import type { LedgerEvent, SealedPersonalData } from '../domain/events.js'
import { talentStream } from '../domain/talent/category.js'
import { benefitOfFacts, factsOf, isNotifiable, levelOfFacts, type AnyNoticeFacts, type NoticePayload, type NotifiableEventOf } from './notice-facts.js'
import type { NotificationPolicy, NotificationRule, RecipientKind } from './notification-policy.js'

/**
 * What the rows need of the talent at decision time: its current employer (`''` when none) and
 * its personal data as sealed in its state (null before registration and once erased).
 */
export interface NotifiedTalent {
  readonly employerId: string
  readonly personal: SealedPersonalData | null
}

/** An event the decider made, with the id it is appended under. */
export interface DecidedEvent {
  readonly eventId: string
  readonly event: LedgerEvent
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

const notifiable = (e: LedgerEvent): e is NotifiableEventOf => isNotifiable(e.type)

/** The sealed form only, field by field: nothing else a caller put beside it slips into a row. */
const sealedOnly = ({ alg, keyId, ciphertext }: SealedPersonalData): SealedPersonalData => ({ alg, keyId, ciphertext })

// rows an event list makes are few (a rule or two, a recipient or three, a channel or two): up to
// this many, a repeated id is found by comparing with each row, past it by a set of the ids
const SCANNED_ROWS_MAX = 32

/**
 * The outbox rows `policy` asks for on these events, in event, rule, recipient and channel order;
 * ids unique. The talent's personal data is the state's, or that of a TalentRegistered earlier in
 * the same batch (a registration notifies with the data it registers). WHY rows in an array, not a
 * map by id: every command's notices went through a map (made, its ids hashed, copied out) to drop
 * a repeat that only a policy naming one channel twice makes.
 */
export const outboxEntriesFor = (policy: NotificationPolicy, events: ReadonlyArray<DecidedEvent>, talent: NotifiedTalent): OutboxEntry[] => {
  const entries: OutboxEntry[] = []
  let ids: Set<string> | undefined
  const isNew = (id: string): boolean => {
    if (ids !== undefined) return !ids.has(id)
    for (let i = 0; i < entries.length; i++) if (entries[i]!.id === id) return false
    return true
  }
  let personal = talent.personal
  for (let e = 0; e < events.length; e++) {
    const { eventId, event } = events[e]!
    if (event.type === 'TalentRegistered') personal = event.data.personal
    if (event.type === 'TalentForgotten') personal = null
    if (!notifiable(event)) continue
    for (const rule of policy.rules) {
      // a rule on another event type never fires: its facts are not made (a policy has a rule or two per type)
      if (rule.event !== event.type) continue
      const facts = factsOf(event, { notificationPolicyId: policy.policyId, notificationRuleId: rule.ruleId })
      if (!fires(rule, facts)) continue
      const payload: NoticePayload = personal === null ? facts : { ...facts, personal: sealedOnly(personal) }
      for (const d of rule.deliver) {
        const recipient = recipientOf(d.recipient, facts.talentId, talent, facts)
        if (recipient === null) continue
        for (const channel of d.channels) {
          const id = `${eventId}:${channel}:${recipient}`
          if (!isNew(id)) continue
          entries.push({
            id,
            eventId,
            streamId: talentStream(facts.talentId),
            channel,
            recipient,
            template: rule.template,
            locale: rule.locale ?? policy.locale,
            payload,
          })
          if (ids !== undefined) ids.add(id)
          else if (entries.length > SCANNED_ROWS_MAX) ids = new Set(entries.map((r) => r.id))
        }
      }
    }
  }
  return entries
}
