/**
 * A channel the core does not know, end to end on the memory store: a notification policy names
 * `sms`; the ledger writes its notices to the outbox like any other; a relay with adapters for the
 * shipped channels only leaves them pending (not claimed, not parked); a relay given an `sms`
 * channel delivers them, rendered from what the rows carry (the talent's name opened with the keys).
 */
import { describe, expect, it } from 'vitest'
import { createRelay, createTalentLedger, decodeNotificationPolicy, defaultNotificationPolicy, deliveryStatusOf, noticeRenderer, type NotificationPolicy } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { NAME, assess, registerEmployer, registerTalent } from '../ledger/fixtures.js'
import { fakeChannel } from './fake-channel.js'

const T0 = '2026-04-01T08:00:00.000Z'
const promotion = defaultNotificationPolicy.rules.find((r) => r.ruleId === 'promotion')!
const withSms: NotificationPolicy = { ...defaultNotificationPolicy, rules: [{ ...promotion, deliver: [{ recipient: 'talent', channels: ['sms'] }, { recipient: 'bureau', channels: ['nats'] }] }] }

describe('a channel registered by an adapter the core does not know (sms)', () => {
  it('is accepted in a policy, written to the outbox, left pending by a relay without it and delivered by one with it', async () => {
    expect(decodeNotificationPolicy(withSms)).toMatchObject({ _tag: 'Right' })
    const clock = manualClock(T0)
    const store = createMemoryEventStore({ clock })
    const keys = createMemoryKeyStore()
    const ledger = createTalentLedger({ store, keys, clock, notifications: withSms })
    for (const c of [registerEmployer, registerTalent(), assess('a-1', 'intermediate', '2026-03-01')]) expect(await ledger.execute(c)).toMatchObject({ ok: true })
    const written = await store.outbox.list()
    expect(written.map((r) => `${r.channel} ${r.recipient}`)).toEqual(['sms talent:t-1', 'nats bureau'])
    const sms = written[0]!
    expect(sms.id).toBe(`${sms.eventId}:sms:talent:t-1`)

    const render = noticeRenderer({ keys })
    const shipped = createRelay({ outbox: store.outbox, channels: [fakeChannel('webhook', () => []), fakeChannel('email', () => []), fakeChannel('nats', () => [])], render, clock })
    expect(await shipped.run({ untilIdle: true })).toMatchObject({ delivered: 1, parked: 0, skipped: 0 })
    expect(await store.outbox.list({ channel: 'sms' })).toEqual([expect.objectContaining({ id: sms.id, status: 'pending', attempts: 0, lastError: null })])
    // the operator's summary shows the channel no relay here can deliver, with its waiting row
    expect(deliveryStatusOf(await store.outbox.list(), T0, ['webhook', 'email', 'nats']).byChannel['sms']).toEqual({ pending: 1, delivered: 0, parked: 0 })

    const phone = fakeChannel('sms', () => [])
    const withPhone = createRelay({ outbox: store.outbox, channels: [phone], render, clock })
    expect(await withPhone.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, parked: 0, skipped: 0 })
    expect(phone.received).toEqual([sms.id])
    expect((await store.outbox.list({ channel: 'sms' }))[0]).toMatchObject({ status: 'delivered', attempts: 1 })
    expect((await render(sms)).body.startsWith(`${NAME[0]}*，您好：`)).toBe(true)
  })
})
