/**
 * The NATS channel against the JetStream server at 127.0.0.1:4222: the stream is created when
 * missing, a notice is stored with `Nats-Msg-Id` = its key and decodes on the consumer's side, the
 * same notice published twice is stored once (Chinese recipient ids too: the header is the key's ASCII
 * form), and an unreachable server is a retry.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { idempotencyHeaderOf, type Notice, type NotificationChannel } from '@talent-ledger/core'
import { cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { createNatsChannel, decodeNatsNotice } from '../src/index.js'
import { NATS_URL, streamReader, uniqueStream } from './stream-reader.js'

const notice = (n: number): Notice => ({
  idempotencyKey: `0190a1b2-0000-7000-8000-00000000000${n}:nats:bureau`,
  channel: 'nats',
  recipient: 'bureau',
  locale: 'zh-CN',
  template: 'level-certified',
  subject: '技能等级认定通知',
  body: '王芳已通过高级技师认定。',
  data: { eventType: 'LevelCertified', level: 'senior-technician', n },
})

const cleanups = cleanupsAfterEach()
const setup = async () => {
  const reader = await streamReader()
  cleanups.push(reader.close)
  const { name, prefix } = uniqueStream()
  reader.own(name)
  const channel = createNatsChannel({ servers: NATS_URL, stream: { name }, subjectPrefix: prefix })
  cleanups.push(async () => channel.close?.())
  return { reader, name, prefix, channel }
}

describe('NATS delivery', () => {
  it('creates the stream, publishes with Nats-Msg-Id = key, and a consumer decodes the notice', async () => {
    const { reader, name, prefix, channel } = await setup()
    expect(await channel.send(notice(1))).toEqual({ kind: 'delivered' })
    const [stored, ...rest] = await reader.readAll(name)
    expect(rest).toEqual([])
    expect(stored).toMatchObject({ seq: 1, subject: `${prefix}.level-certified.bureau`, msgId: notice(1).idempotencyKey })
    expect(decodeNatsNotice(stored!.payload)).toEqual(
      E.right({ id: notice(1).idempotencyKey, type: 'level-certified', recipient: 'bureau', locale: 'zh-CN', subject: '技能等级认定通知', body: '王芳已通过高级技师认定。', data: notice(1).data }),
    )
  })

  it('the same notice published twice is stored once (server-side dedup by Nats-Msg-Id)', async () => {
    const { reader, name, channel } = await setup()
    expect(await channel.send(notice(1))).toEqual({ kind: 'delivered' })
    expect(await channel.send(notice(1))).toEqual({ kind: 'delivered' })
    expect(await channel.send(notice(2))).toEqual({ kind: 'delivered' })
    const stored = await reader.readAll(name)
    expect(stored.map((s) => s.msgId)).toEqual([notice(1).idempotencyKey, notice(2).idempotencyKey])
  })

  it('a notice for an employer and a talent with Chinese ids is stored once, with Nats-Msg-Id the key in ASCII header form', async () => {
    const { reader, name, channel } = await setup()
    const key = '0190a1b2-0000-7000-8000-000000000009:nats:employer:港口集团'
    const zh: Notice = { ...notice(9), idempotencyKey: key, recipient: 'employer:港口集团', data: { eventType: 'LevelCertified', talentId: '工匠一号' } }
    expect(await channel.send(zh)).toEqual({ kind: 'delivered' })
    expect(await channel.send(zh)).toEqual({ kind: 'delivered' })
    const stored = await reader.readAll(name)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.msgId).toBe(idempotencyHeaderOf(key))
    expect(stored[0]!.msgId).toMatch(/^[\x21-\x7e]+$/)
    expect(decodeNatsNotice(stored[0]!.payload)).toMatchObject({ right: { id: key, recipient: 'employer:港口集团', data: { talentId: '工匠一号' } } })
  })

  it('an unreachable server is a retry; so is a subject no stream captures (no responders)', async () => {
    const down: NotificationChannel = createNatsChannel({ servers: 'nats://127.0.0.1:1', stream: { name: uniqueStream().name } })
    expect(await down.send(notice(1))).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^NATS unreachable: /) })
    const { name, prefix } = await setup()
    const stray = createNatsChannel({ servers: NATS_URL, stream: { name, subjects: [`${prefix}.>`] }, subjectFor: () => `${prefix}-elsewhere.x`, publishTimeoutMs: 500 })
    cleanups.push(async () => stray.close?.())
    expect(await stray.send(notice(1))).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/NATS publish failed/) })
  })

  it('a notice the stream refuses (larger than its max_msg_size) is rejected', async () => {
    const { reader, name, prefix, channel } = await setup()
    await reader.create(name, [`${prefix}.>`], 64)
    expect(await channel.send(notice(1))).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^JetStream \d+: .*size/) })
  })

  it('decodeNatsNotice names the field at fault', () => {
    expect(decodeNatsNotice('{"id":1}')).toEqual(E.left(expect.stringContaining('id')))
    expect(decodeNatsNotice('x')).toEqual(E.left(expect.stringContaining('not JSON')))
  })
})
