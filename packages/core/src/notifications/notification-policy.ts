/**
 * The notification policy (通知策略) as data: which events notify whom (the talent, the talent's
 * employer, the bureau), over which channels, with which template. A deploying government adopts
 * its own document; the codec checks it at the boundary, naming the field at fault, so a typo in a
 * policy file is an error rather than silence.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { ErrorDetail } from '../kernel/errors.js'
import { isChannelName } from '../kernel/outbox.js'
import { CertifiedLevel } from '../vocabulary/ladder.js'
import { BenefitKind } from '../vocabulary/terms.js'
import { NotifiableEvent } from './notice-facts.js'
import { TemplateName, templateEvent } from './templates.js'


/**
 * Who hears of it: the talent (`talent:<id>`), the talent's employer (`employer:<id>`: the current
 * one; for a change of employer, the new one), the employer a release or change leaves
 * (`former-employer`, addressed `employer:<id>` too), the bureau (`bureau`).
 */
export const RecipientKind = t.keyof({ talent: null, employer: null, 'former-employer': null, bureau: null }, 'RecipientKind')
export type RecipientKind = t.TypeOf<typeof RecipientKind>

/**
 * A delivery channel: any well-formed name (`[a-z][a-z0-9-]*`, see `ChannelName`), not a closed
 * list, so a policy may name a channel registered by an adapter the core does not know. A relay
 * without that adapter leaves the notices pending for one that has it.
 */
export const ChannelNameCodec = t.refinement(t.string, isChannelName, 'ChannelName')

/** A notice language. */
export const LocaleCodec = t.keyof({ 'zh-CN': null, en: null }, 'Locale')

/** One recipient of a rule and the channels it is reached on. */
export const Delivery = t.type({ recipient: RecipientKind, channels: t.array(ChannelNameCodec) })
export type Delivery = t.TypeOf<typeof Delivery>

/** Narrows a rule: it fires only for these benefits / levels (absent = any). */
export const RuleCondition = t.partial({ benefits: t.array(BenefitKind), levels: t.array(CertifiedLevel) })
export type RuleCondition = t.TypeOf<typeof RuleCondition>

/** One rule: on `event` (and `when`), render `template` in `locale` for each delivery. */
export const NotificationRule = t.intersection([
  t.type({ ruleId: t.string, event: NotifiableEvent, template: TemplateName, deliver: t.array(Delivery) }),
  t.partial({ when: RuleCondition, locale: LocaleCodec }),
])
export type NotificationRule = t.TypeOf<typeof NotificationRule>

/** A notification policy document. `locale` is the language of a rule that names none. */
export const NotificationPolicy = t.type({ policyId: t.string, locale: LocaleCodec, rules: t.array(NotificationRule) })
export type NotificationPolicy = t.TypeOf<typeof NotificationPolicy>

/** A policy that notifies nobody (notifications switched off). */
export const silentNotificationPolicy: NotificationPolicy = { policyId: 'silent', locale: 'zh-CN', rules: [] }

/**
 * Decodes a policy document. Beyond the shapes: rule ids are unique (they name the rule on every
 * notice), a rule's template is written for the rule's event, and a rule delivers to each
 * recipient kind at most once.
 */
export const decodeNotificationPolicy = (raw: unknown): E.Either<ReadonlyArray<ErrorDetail>, NotificationPolicy> => {
  const decoded = NotificationPolicy.decode(raw)
  if (E.isLeft(decoded)) return E.left(describeErrors(decoded.left))
  const problems: ErrorDetail[] = []
  const seen = new Set<string>()
  decoded.right.rules.forEach((rule, i) => {
    if (seen.has(rule.ruleId)) problems.push({ field: `rules.${i}.ruleId`, message: `rules.${i}.ruleId: ${JSON.stringify(rule.ruleId)} is used by an earlier rule` })
    seen.add(rule.ruleId)
    if (templateEvent(rule.template) !== rule.event)
      problems.push({ field: `rules.${i}.template`, message: `rules.${i}.template: ${rule.template} is written for ${templateEvent(rule.template)}, not ${rule.event}` })
    const kinds = rule.deliver.map((d) => d.recipient)
    kinds.forEach((k, j) => {
      if (kinds.indexOf(k) !== j) problems.push({ field: `rules.${i}.deliver.${j}.recipient`, message: `rules.${i}.deliver.${j}.recipient: ${k} is listed twice` })
    })
  })
  return problems.length === 0 ? E.right(decoded.right) : E.left(problems)
}
