/**
 * Notice templates (通知模板) in zh-CN and en. A template reads only the row's facts and the
 * talent's name as known at delivery time: once the talent is erased the name is null and the
 * notice names the talent by id alone, so it carries no personal data.
 */
import * as t from 'io-ts'
import type { Locale } from '../kernel/outbox.js'
import { benefitLabel, levelLabel, routeLabel, serviceLabel } from './labels.js'
import { formatFen } from './money.js'
import type { AnyNoticeFacts, NoticeFactsOf, NotifiableEvent } from './notice-facts.js'
import { addressing, type Addressee } from './addressing.js'

/** A rendered notice text. */
export interface RenderedText {
  readonly subject: string
  readonly body: string
}

/** One template: the event it is written for and its text in each language. */
interface Template<K extends NotifiableEvent> {
  readonly event: K
  readonly render: (facts: NoticeFactsOf<K>, to: Addressee, locale: Locale) => RenderedText
}

const template = <K extends NotifiableEvent>(event: K, render: Template<K>['render']): Template<K> => ({ event, render })

const basis = (f: { policyId: string; ruleId: string }, locale: Locale): string =>
  locale === 'en' ? `Basis: policy ${f.policyId}, rule ${f.ruleId}.` : `依据：政策 ${f.policyId}，规则 ${f.ruleId}。`

/** The shipped templates, by name. */
export const TEMPLATES = {
  'level-certified': template('LevelCertified', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    const level = levelLabel(f.level, locale)
    return locale === 'en'
      ? {
          subject: `Promotion: ${level}${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject} ${a.has} been certified as ${level} on ${f.on} (occupation ${f.occupation}, ${routeLabel(f.route, locale)}). ${basis(f, locale)}`,
        }
      : {
          subject: `技能等级晋升通知：${level}${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject}已于${f.on}取得${level}证书（职业 ${f.occupation}，${routeLabel(f.route, locale)}）。${basis(f, locale)}`,
        }
  }),
  'assessment-failed': template('AssessmentFailed', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    const what = f.level === null ? routeLabel(f.route, locale) : levelLabel(f.level, locale)
    return locale === 'en'
      ? {
          subject: `Assessment not passed: ${what}${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject} did not pass the ${what} assessment of ${f.on} (occupation ${f.occupation}, ${routeLabel(f.route, locale)}, assessment ${f.assessmentId}). A new assessment may be taken when the conditions are met.`,
        }
      : {
          subject: `技能评价未通过通知：${what}${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject}于${f.on}参加的${what}评价（职业 ${f.occupation}，${routeLabel(f.route, locale)}，评价编号 ${f.assessmentId}）未通过。符合条件后可再次申请评价。`,
        }
  }),
  'benefit-granted': template('BenefitGranted', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    const benefit = benefitLabel(f.benefit, locale)
    const amount = formatFen(f.amount, locale)
    const toTalent = f.paidTo === f.talentId
    return locale === 'en'
      ? {
          subject: `Benefit granted: ${benefit} ${amount}${a.aboutSubject}`,
          body: `${a.greeting}\nA ${benefit} of ${amount} was granted for ${a.object} on ${f.on}, paid to ${toTalent ? 'the talent' : `organisation ${f.paidTo}`} (grant ${f.grantId}). ${basis(f, locale)}`,
        }
      : {
          subject: `${benefit}发放通知：${amount}${a.aboutSubject}`,
          body: `${a.greeting}\n已于${f.on}为${a.object}核发${benefit} ${amount}，发放给${toTalent ? '本人' : `单位 ${f.paidTo}`}（发放编号 ${f.grantId}）。${basis(f, locale)}`,
        }
  }),
  'talent-pool-entered': template('TalentPoolEntered', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    const services = f.services.map((s) => serviceLabel(s, locale))
    return locale === 'en'
      ? {
          subject: `Entered the high-skilled talent pool${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject} entered the high-skilled talent pool on ${f.on} and may now use: ${services.join('; ')}.`,
        }
      : {
          subject: `入选高技能人才库通知${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject}已于${f.on}入选高技能人才库，可享受以下服务：${services.join('、')}。`,
        }
  }),
  'certificate-revoked': template('CertificateRevoked', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    const level = levelLabel(f.level, locale)
    const n = f.flaggedGrants.length
    return locale === 'en'
      ? {
          subject: `Certificate revoked: ${level}${a.aboutSubject}`,
          body: `${a.greeting}\nThe ${level} certificate of ${a.possessive} was revoked on ${f.on}. Reason: ${f.reason}.${n === 0 ? '' : ` ${n} grant(s) that depended on it are flagged for review (${f.flaggedGrants.join(', ')}).`}`,
        }
      : {
          subject: `技能等级证书撤销通知：${level}${a.aboutSubject}`,
          body: `${a.greeting}\n${a.possessive}${level}证书已于${f.on}撤销，原因：${f.reason}。${n === 0 ? '' : `依赖该证书的 ${n} 笔补贴待复核（${f.flaggedGrants.join('、')}）。`}`,
        }
  }),
  'talent-released': template('TalentReleased', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    return locale === 'en'
      ? {
          subject: `Talent released${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject} was released by employer ${f.from} on ${f.on} and has no employer on record until another claims them.`,
        }
      : {
          subject: `人才解除劳动关系登记通知${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject}已于${f.on}由单位 ${f.from} 登记解除劳动关系，在新单位登记前无在册用人单位。`,
        }
  }),
  'employer-changed': template('EmployerChanged', (f, to, locale) => {
    const a = addressing(to, f.talentId, locale)
    return locale === 'en'
      ? {
          subject: `Change of employer${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject} moved from employer ${f.from} to employer ${f.employerId} on ${f.on}.`,
        }
      : {
          subject: `人才用人单位变更通知${a.aboutSubject}`,
          body: `${a.greeting}\n${a.subject}已于${f.on}由单位 ${f.from} 变更至单位 ${f.employerId}。`,
        }
  }),
} as const

/** Names of the shipped templates. */
export type TemplateName = keyof typeof TEMPLATES

/** Codec of a template name (a policy that names an unknown template is refused). */
export const TemplateName = t.keyof(
  Object.fromEntries(Object.keys(TEMPLATES).map((k) => [k, null])) as Record<TemplateName, null>,
  'TemplateName',
)

/** The event a template is written for. */
export const templateEvent = (name: TemplateName): NotifiableEvent => TEMPLATES[name].event

/** Renders `name` for these facts; throws when the facts are of another event than the template's. */
export const renderTemplate = (name: TemplateName, facts: AnyNoticeFacts, to: Addressee, locale: Locale): RenderedText => {
  const tpl = TEMPLATES[name] as Template<NotifiableEvent>
  if (tpl.event !== facts.eventType) throw new Error(`template ${name} is written for ${tpl.event}, not ${facts.eventType}`)
  return (tpl.render as (f: AnyNoticeFacts, to: Addressee, locale: Locale) => RenderedText)(facts, to, locale)
}
