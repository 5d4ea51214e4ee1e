/**
 * The shipped notification policy, rule by rule: each fires on its event (and its benefits) with
 * the recipients and channels it names, and stays silent on what it is not for. Also the policy
 * codec: the shipped document decodes, and a broken one is refused naming the field at fault.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeNotificationPolicy, defaultNotificationPolicy, outboxEntriesFor, silentNotificationPolicy, type NotificationPolicy } from '../../src/index.js'
import { EMPLOYER, assessmentFailed, benefitGranted, certificateRevoked, levelCertified, poolEntered, withIds } from './events.js'

const only = (ruleId: string): NotificationPolicy => ({ ...defaultNotificationPolicy, rules: defaultNotificationPolicy.rules.filter((r) => r.ruleId === ruleId) })
const sent = (policy: NotificationPolicy, event: { type: string; data: unknown }) =>
  outboxEntriesFor(policy, withIds(event), EMPLOYER).map((e) => `${e.channel} ${e.recipient} ${e.template}`)

const released = { type: 'TalentReleased', data: { talentId: 't-1', from: 'port-co', on: '2026-02-20', reason: null } }
const employerChanged = { type: 'EmployerChanged', data: { talentId: 't-1', from: 'port-co', employerId: '港口集团', on: '2026-03-01' } }
const others = [levelCertified(), assessmentFailed(), benefitGranted(), poolEntered(), certificateRevoked()]

describe('the shipped notification policy', () => {
  it('decodes with its own codec', () => {
    expect(decodeNotificationPolicy(defaultNotificationPolicy)).toEqual(E.right(defaultNotificationPolicy))
  })

  const cases: ReadonlyArray<[string, { type: string; data: unknown }, string[], { type: string; data: unknown }]> = [
    ['promotion', levelCertified(), ['email talent:t-1 level-certified', 'webhook employer:port-co level-certified', 'nats bureau level-certified'], assessmentFailed()],
    ['assessment-failed', assessmentFailed(), ['email talent:t-1 assessment-failed', 'webhook employer:port-co assessment-failed'], levelCertified()],
    ['benefit-granted', benefitGranted(), ['email talent:t-1 benefit-granted', 'nats bureau benefit-granted'], benefitGranted({ benefit: 'apprenticeship-subsidy', recipientId: 'port-co' })],
    [
      'apprenticeship-subsidy-granted',
      benefitGranted({ benefit: 'apprenticeship-subsidy', recipientId: 'port-co', amount: 500_000 }),
      ['webhook employer:port-co benefit-granted', 'email employer:port-co benefit-granted', 'nats bureau benefit-granted'],
      benefitGranted({ benefit: 'housing-subsidy' }),
    ],
    ['talent-pool-entered', poolEntered(), ['email talent:t-1 talent-pool-entered', 'webhook employer:port-co talent-pool-entered', 'nats bureau talent-pool-entered'], levelCertified()],
    ['certificate-revoked', certificateRevoked(), ['email talent:t-1 certificate-revoked', 'webhook employer:port-co certificate-revoked', 'nats bureau certificate-revoked'], benefitGranted()],
    ['talent-released', released, ['webhook employer:port-co talent-released'], employerChanged],
    ['employer-changed', employerChanged, ['webhook employer:port-co employer-changed', 'webhook employer:港口集团 employer-changed'], released],
  ]

  it('has a case below for every rule', () => {
    expect(cases.map(([id]) => id).sort()).toEqual(defaultNotificationPolicy.rules.map((r) => r.ruleId).sort())
  })

  describe.each(cases)('rule %s', (ruleId, fires, expected, silent) => {
    it('fires on its event for the recipients and channels it names', () => {
      expect(sent(only(ruleId), fires)).toEqual(expected)
      expect(sent(defaultNotificationPolicy, fires)).toEqual(expected)
    })
    it('stays silent on another event', () => {
      expect(sent(only(ruleId), silent)).toEqual([])
    })
  })

  it('notifies nobody on events no rule names, and nothing at all under the silent policy', () => {
    const quiet = [{ type: 'TalentPoolLeft', data: { talentId: 't-1', on: '2026-01-01' } }, { type: 'HonorConferred', data: { talentId: 't-1', title: '江苏工匠', grade: 'provincial', on: '2026-01-01' } }]
    for (const e of quiet) expect(sent(defaultNotificationPolicy, e)).toEqual([])
    for (const e of others) expect(sent(silentNotificationPolicy, e)).toEqual([])
  })

  it('after a release the talent has no employer: the claim still reaches the employer left (from) and the new one', () => {
    expect(outboxEntriesFor(defaultNotificationPolicy, withIds(employerChanged), { employerId: '', personal: null }).map((e) => e.recipient)).toEqual(['employer:port-co', 'employer:港口集团'])
  })

  it('skips the employer when the talent has none on record', () => {
    expect(outboxEntriesFor(defaultNotificationPolicy, withIds(levelCertified()), { employerId: '', personal: null }).map((e) => e.recipient)).toEqual(['talent:t-1', 'bureau'])
  })

  it('a `levels` condition narrows a rule to those levels', () => {
    const policy: NotificationPolicy = { policyId: 'p', locale: 'en', rules: [{ ruleId: 'high', event: 'LevelCertified', template: 'level-certified', when: { levels: ['technician'] }, deliver: [{ recipient: 'bureau', channels: ['nats'] }] }] }
    expect(sent(policy, levelCertified({ level: 'technician' }))).toEqual(['nats bureau level-certified'])
    expect(sent(policy, levelCertified({ level: 'senior' }))).toEqual([])
  })
})

describe('decodeNotificationPolicy', () => {
  const rule = defaultNotificationPolicy.rules[0]!
  const fields = (raw: unknown) => {
    const r = decodeNotificationPolicy(raw)
    return E.isLeft(r) ? r.left.map((d) => d.field) : []
  }

  it.each([
    [{ ...defaultNotificationPolicy, locale: 'fr' }, ['locale']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, event: 'LevelPromoted' }] }, ['rules.0.event']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, template: 'promotion-v2' }] }, ['rules.0.template']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'mayor', channels: ['email'] }] }] }, ['rules.0.deliver.0.recipient']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'talent', channels: ['SMS'] }] }] }, ['rules.0.deliver.0.channels.0']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'talent', channels: ['e:mail'] }] }] }, ['rules.0.deliver.0.channels.0']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'talent', channels: [''] }] }] }, ['rules.0.deliver.0.channels.0']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, when: { benefits: ['cash'] } }] }, ['rules.0.when.benefits.0']],
    [{ ...defaultNotificationPolicy, rules: [rule, rule] }, ['rules.1.ruleId']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, template: 'benefit-granted' }] }, ['rules.0.template']],
    [{ ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'bureau', channels: ['nats'] }, { recipient: 'bureau', channels: ['email'] }] }] }, ['rules.0.deliver.1.recipient']],
  ])('refuses %j naming %j', (raw, expected) => {
    expect(fields(raw)).toEqual(expected)
  })
})

describe('channels are open names', () => {
  const rule = defaultNotificationPolicy.rules[0]!
  const withSms: NotificationPolicy = { ...defaultNotificationPolicy, rules: [{ ...rule, deliver: [{ recipient: 'talent', channels: ['sms', 'email'] }] }] }

  it('a policy may name a channel the core does not know (any [a-z][a-z0-9-]* name)', () => {
    expect(decodeNotificationPolicy(withSms)).toEqual(E.right(withSms))
    expect(E.isRight(decodeNotificationPolicy({ ...withSms, rules: [{ ...rule, deliver: [{ recipient: 'talent', channels: ['wechat-work2'] }] }] }))).toBe(true)
  })

  it('and its notices are written to that channel like any other', () => {
    expect(sent(withSms, levelCertified())).toEqual(['sms talent:t-1 level-certified', 'email talent:t-1 level-certified'])
    expect(outboxEntriesFor(withSms, withIds(levelCertified()), EMPLOYER)[0]!.id).toBe('e-1:sms:talent:t-1')
  })
})
