// The channel registry of the CLI: one binding per adapter, each making an adapter named as it is
// registered (the `channel` of the rows it delivers); the configuration's sections and messages come
// from it; and `notifications` counts a channel no adapter here can deliver beside the registered ones.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { deliveryStatusOf, type OutboxRecord } from '@talent-ledger/core'
import { CHANNELS, channelNames } from '../src/channels/registry.js'
import { channelsOf } from '../src/commands/notify.js'
import { notificationsText } from '../src/commands/notifications.js'
import { decodeNotifyConfig } from '../src/notify-config.js'

const config = {
  webhook: { url: 'https://hr.example.gov.cn/hooks', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] },
  email: { smtpUrl: 'smtp://127.0.0.1:2525', from: 'notices@hr.example.gov.cn', addressBook: {} },
  nats: { servers: ['nats://127.0.0.1:4222'], subjectPrefix: 'talent-ledger.notices' },
}

const row = (id: string, channel: string): OutboxRecord => ({
  id, eventId: id, streamId: 'talent-t-1', channel, recipient: 'talent:t-1', template: 'level-certified', locale: 'zh-CN',
  payload: {}, status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, createdAt: '2026-04-01T08:00:00.000Z', deliveredAt: null,
})

describe('the channel registry', () => {
  it('registers the shipped channels, in the order the CLI lists them', () => {
    expect(channelNames).toEqual(['webhook', 'email', 'nats'])
    expect(Object.keys(CHANNELS)).toEqual(channelNames)
  })

  it('opens an adapter per configured section, named as registered', async () => {
    const decoded = decodeNotifyConfig(config)
    if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
    const channels = channelsOf(decoded.right)
    expect(channels.map((c) => c.name)).toEqual(['webhook', 'email', 'nats'])
    await Promise.all(channels.map((c) => c.close?.()))
    expect(channelsOf({ nats: config.nats }).map((c) => c.name)).toEqual(['nats'])
  })

  it('lists a channel without an adapter here beside the registered ones', () => {
    const summary = deliveryStatusOf([row('a', 'sms'), row('b', 'email')], '2026-04-01T08:00:00.000Z', channelNames)
    const text = notificationsText({ summary, notices: [row('a', 'sms')] })
    expect(text[1]).toMatch(/^pending +0 +sms +talent:t-1 +level-certified +a$/)
    expect(text[2]).toBe('2 notices: 2 pending (0 retrying), 0 delivered, 0 parked — per channel pending/delivered/parked: webhook 0/0/0, email 1/0/0, nats 0/0/0, sms 1/0/0')
  })
})
