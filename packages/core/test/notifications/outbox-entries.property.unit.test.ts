/**
 * Properties of `outboxEntriesFor` over arbitrary notification policies and event batches: ids are
 * `${eventId}:${channel}:${recipient}`, unique, and the same on every call (the idempotency key);
 * every row is rendered by a template written for its event; and the payload holds facts only,
 * never a personal field even when the event data carries one by mistake; and its rows are those
 * of the map-by-id version it replaced, on policies naming a channel twice and batches repeating an
 * event id or making more rows than are compared one by one.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BenefitKind, CertifiedLevel, decodeNotificationPolicy, outboxEntriesFor, type LedgerEvent, type NotificationPolicy, type OutboxEntry, type TemplateName } from '../../src/index.js'
import { benefitOfFacts, factsOf, isNotifiable, levelOfFacts, type NoticePayload, type NotifiableEventOf } from '../../src/notifications/notice-facts.js'
import { recipientOf, type DecidedEvent, type NotifiedTalent } from '../../src/notifications/outbox-entries.js'
import { TEMPLATES, templateEvent } from '../../src/notifications/templates.js'
import { assessmentFailed, benefitGranted, certificateRevoked, levelCertified, poolEntered } from './events.js'

const keys = <K extends string>(codec: { keys: Record<K, unknown> }): K[] => Object.keys(codec.keys) as K[]
const templateNames = Object.keys(TEMPLATES) as TemplateName[]

const rule = fc
  .record({
    ruleId: fc.string({ minLength: 1, maxLength: 6 }),
    template: fc.constantFrom(...templateNames),
    deliver: fc.uniqueArray(
      fc.record({ recipient: fc.constantFrom('talent', 'employer', 'bureau'), channels: fc.subarray(['webhook', 'email', 'nats', 'sms']) }),
      { selector: (d) => d.recipient, maxLength: 3 },
    ),
    when: fc.option(fc.record({ benefits: fc.subarray(keys(BenefitKind)), levels: fc.subarray(keys(CertifiedLevel)) }, { requiredKeys: [] }), { nil: undefined }),
    locale: fc.option(fc.constantFrom('zh-CN', 'en'), { nil: undefined }),
  })
  .map(({ when, locale, ...r }) => ({ ...r, event: templateEvent(r.template), ...(when === undefined ? {} : { when }), ...(locale === undefined ? {} : { locale }) }))

const policy: fc.Arbitrary<NotificationPolicy> = fc
  .record({ policyId: fc.string({ maxLength: 5 }), locale: fc.constantFrom('zh-CN', 'en') as fc.Arbitrary<'zh-CN' | 'en'>, rules: fc.uniqueArray(rule, { selector: (r) => r.ruleId, maxLength: 8 }) })
  .map((p) => p as NotificationPolicy)

const level = fc.constantFrom(...keys(CertifiedLevel))
const talentId = fc.constantFrom('t-1', 't-2', 'x:y')
const event = fc.oneof(
  fc.record({ talentId, level }).map((o) => levelCertified(o)),
  fc.record({ talentId, level }).map((o) => assessmentFailed(o)),
  fc.record({ talentId, benefit: fc.constantFrom(...keys(BenefitKind)), amount: fc.nat() }).map((o) => benefitGranted(o)),
  talentId.map((id) => poolEntered({ talentId: id })),
  fc.record({ talentId, level }).map((o) => certificateRevoked(o)),
  fc.constant({ type: 'HonorConferred', data: { talentId: 't-1', title: 'x', grade: 'city', on: '2026-01-01' } }),
)
const batch = fc
  .uniqueArray(fc.record({ eventId: fc.uuid(), e: event }), { selector: (x) => x.eventId, maxLength: 6 })
  .map((xs) => xs.map(({ eventId, e }) => ({ eventId, event: e as LedgerEvent })))
const sealed = fc.option(fc.record({ alg: fc.constant('xchacha20poly1305' as const), keyId: talentId, ciphertext: fc.stringMatching(/^[0-9a-f]{2,40}$/) }), { nil: null })
const employer = fc.record({ employerId: fc.constantFrom('', 'port-co', 'steel-co'), personal: sealed })

describe('outboxEntriesFor', () => {
  it('generated policies are valid documents', () => {
    fc.assert(fc.property(policy, (p) => decodeNotificationPolicy(p)._tag === 'Right'))
  })

  it('ids are eventId:channel:recipient, unique, and the same on every call', () => {
    fc.assert(
      fc.property(policy, batch, employer, (p, events, talent) => {
        const rows = outboxEntriesFor(p, events, talent)
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
        for (const r of rows) expect(r.id).toBe(`${r.eventId}:${r.channel}:${r.recipient}`)
        expect(outboxEntriesFor(p, structuredClone(events), { ...talent })).toEqual(rows)
        // a batch split in two gives the same rows: ids depend on the event alone
        const half = Math.floor(events.length / 2)
        expect([...outboxEntriesFor(p, events.slice(0, half), talent), ...outboxEntriesFor(p, events.slice(half), talent)]).toEqual(rows)
      }),
    )
  })

  it('every row names a template written for its event, and an employer row only when the talent has one', () => {
    fc.assert(
      fc.property(policy, batch, employer, (p, events, talent) => {
        for (const r of outboxEntriesFor(p, events, talent)) {
          const source = events.find((e) => e.eventId === r.eventId)!.event
          expect(templateEvent(r.template as TemplateName)).toBe(source.type)
          expect(r.payload['eventType']).toBe(source.type)
          if (r.recipient.startsWith('employer:')) expect(r.recipient).toBe(`employer:${talent.employerId}`)
        }
      }),
    )
  })

  it('copies facts only: personal fields slipped into event data never reach the payload', () => {
    const name = fc.string({ unit: fc.constantFrom(...'王芳李强张伟刘洋陈静'), minLength: 2, maxLength: 4 })
    const nationalId = fc.stringMatching(/^\d{17}[\dX]$/)
    fc.assert(
      fc.property(policy, batch, name, nationalId, (p, events, n, id) => {
        const polluted = events.map(({ eventId, event: e }) => ({ eventId, event: { ...e, data: { ...e.data, name: n, nationalId: id, personal: { name: n } } } as unknown as LedgerEvent }))
        const text = JSON.stringify(outboxEntriesFor(p, polluted, { employerId: 'port-co', personal: null }))
        expect(text).not.toContain(n)
        expect(text).not.toContain(id)
      }),
    )
  })

  it("carries the talent's sealed personal data as its state holds it, and none when it holds none", () => {
    fc.assert(
      fc.property(policy, batch, employer, (p, events, talent) => {
        for (const r of outboxEntriesFor(p, events, talent)) {
          if (talent.personal === null) expect(r.payload).not.toHaveProperty('personal')
          else expect(r.payload['personal']).toEqual(talent.personal)
        }
      }),
    )
  })
})

/** The version the array of rows replaced: rows in a map by id (a repeated id keeps the first row). */
const mapByIdRows = (p: NotificationPolicy, events: ReadonlyArray<DecidedEvent>, talent: NotifiedTalent): OutboxEntry[] => {
  const entries = new Map<string, OutboxEntry>()
  let personal = talent.personal
  for (const { eventId, event } of events) {
    if (event.type === 'TalentRegistered') personal = event.data.personal
    if (event.type === 'TalentForgotten') personal = null
    if (!isNotifiable(event.type)) continue
    for (const rule of p.rules) {
      if (rule.event !== event.type) continue
      const facts = factsOf(event as NotifiableEventOf, { notificationPolicyId: p.policyId, notificationRuleId: rule.ruleId })
      const b = benefitOfFacts(facts)
      const l = levelOfFacts(facts)
      if (rule.when?.benefits !== undefined && (b === null || !(rule.when.benefits as ReadonlyArray<unknown>).includes(b))) continue
      if (rule.when?.levels !== undefined && (l === null || !(rule.when.levels as ReadonlyArray<unknown>).includes(l))) continue
      const payload: NoticePayload = personal === null ? facts : { ...facts, personal: { alg: personal.alg, keyId: personal.keyId, ciphertext: personal.ciphertext } }
      for (const d of rule.deliver) {
        const recipient = recipientOf(d.recipient, facts.talentId, talent, facts)
        if (recipient === null) continue
        for (const channel of d.channels) {
          const id = `${eventId}:${channel}:${recipient}`
          if (entries.has(id)) continue
          entries.set(id, { id, eventId, streamId: `talent-${facts.talentId}`, channel, recipient, template: rule.template, locale: rule.locale ?? p.locale, payload })
        }
      }
    }
  }
  return [...entries.values()]
}

describe('outboxEntriesFor against the map-by-id version it replaced', () => {
  // hostile: a channel named twice, the same rule repeated under other ids, event ids repeated in a batch
  const doubled = policy.map((p) => ({ ...p, rules: p.rules.flatMap((r, i) => [{ ...r, deliver: r.deliver.map((d) => ({ ...d, channels: [...d.channels, ...d.channels] })) }, { ...r, ruleId: `${r.ruleId}~${i}` }]) }))
  const repeating = fc
    .array(fc.record({ eventId: fc.constantFrom('e-1', 'e-2', 'e:3', 'e-1:webhook'), e: event }), { maxLength: 12 })
    .map((xs) => xs.map(({ eventId, e }) => ({ eventId, event: e as LedgerEvent })))
  it('makes the same rows in the same order, past the rows compared one by one', () => {
    fc.assert(
      fc.property(fc.oneof(policy, doubled), fc.oneof(batch, repeating), employer, (p, events, talent) => {
        expect(outboxEntriesFor(p, events, talent)).toEqual(mapByIdRows(p, events, talent))
      }),
      { numRuns: 1000 },
    )
  })

  it('drops every repeat past the rows compared one by one', () => {
    const p = decodeNotificationPolicy({
      policyId: 'wide',
      locale: 'en',
      rules: Array.from({ length: 20 }, (_, i) => ({ ruleId: `r${i}`, event: 'BenefitGranted', template: 'benefit-granted', deliver: [{ recipient: 'talent', channels: ['webhook', 'email', 'webhook'] }, { recipient: 'bureau', channels: ['nats', 'sms'] }] })),
    })
    if (p._tag === 'Left') throw new Error('the wide policy is not valid')
    // forty events of four rows each, then three ids again (their rows are repeats, dropped)
    const ids = [...Array.from({ length: 40 }, (_, i) => `g-${i}`), 'g-0', 'g-39', 'g-7']
    const events = ids.map((eventId, i) => ({ eventId, event: benefitGranted({ amount: i }) as LedgerEvent }))
    const rows = outboxEntriesFor(p.right, events, { employerId: 'port-co', personal: null })
    expect(rows.length).toBe(160)
    expect(new Set(rows.map((r) => r.id)).size).toBe(160)
    expect(rows).toEqual(mapByIdRows(p.right, events, { employerId: 'port-co', personal: null }))
  })
})
