/**
 * The e-mail channel against a real SMTP server: UTF-8 subjects and bodies in zh-CN and en arrive
 * intact (parsed with mailparser), each retry of a notice carries the same Message-ID and
 * X-Idempotency-Key, and SMTP replies map to outcomes (4xx and connection errors retry, 5xx parks).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { idempotencyHeaderOf, type Notice } from '@talent-ledger/core'
import { createEmailChannel, messageIdFor } from '../src/index.js'
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js'

const FROM = '"人社局 Bureau" <notices@hr.example.gov.cn>'
const book = { 'talent:42': 'wang.fang@example.cn', bureau: 'bureau@hr.example.gov.cn', 'talent:9': 'nobody@example.cn' }

const zh: Notice = {
  idempotencyKey: '0190a1b2-0000-7000-8000-000000000001:email:talent:42',
  channel: 'email',
  recipient: 'talent:42',
  locale: 'zh-CN',
  template: 'level-certified',
  subject: '技能等级认定通知：高级技师',
  body: '王芳同志：\n您已通过高级技师认定（2026-03-01）。特此通知。',
  data: {},
}
const en: Notice = {
  ...zh,
  idempotencyKey: '0190a1b2-0000-7000-8000-000000000002:email:bureau',
  recipient: 'bureau',
  locale: 'en',
  subject: 'Level certified: senior technician — Wang Fang',
  body: 'Dear bureau,\nWang Fang was certified senior technician on 2026-03-01.',
}

const open: Array<{ close: () => Promise<void> }> = []
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close()
})
const receiver = async (...args: Parameters<typeof startSmtpReceiver>): Promise<SmtpReceiver> => {
  const r = await startSmtpReceiver(...args)
  open.push(r)
  return r
}
const channelTo = (port: number) => {
  const c = createEmailChannel({ smtp: { host: '127.0.0.1', port, secure: false, ignoreTLS: true, socketTimeout: 500 }, from: FROM, addressBook: book })
  open.push({ close: async () => c.close?.() })
  return c
}

describe('e-mail delivery', () => {
  it.each([
    ['zh-CN', zh, 'wang.fang@example.cn'],
    ['en', en, 'bureau@hr.example.gov.cn'],
  ])('a %s notice arrives with its subject, body and dedupe headers intact', async (_locale, notice, address) => {
    const r = await receiver()
    expect(await channelTo(r.port).send(notice)).toEqual({ kind: 'delivered' })
    const { mail, rcptTo, raw } = r.arrivals[0]!
    expect(rcptTo).toEqual([address])
    expect(mail.subject).toBe(notice.subject)
    expect(mail.text?.trimEnd()).toBe(notice.body)
    expect(mail.from?.value[0]).toEqual({ address: 'notices@hr.example.gov.cn', name: '人社局 Bureau' })
    expect(mail.messageId).toBe(messageIdFor(notice.idempotencyKey, 'hr.example.gov.cn'))
    expect(mail.headers.get('x-idempotency-key')).toBe(notice.idempotencyKey)
    expect(mail.headers.get('content-language')).toBe(notice.locale)
    expect(raw).toMatch(/charset=utf-8/i)
  })

  it('a notice to a talent and an employer with Chinese ids arrives with ASCII dedupe headers in the raw message', async () => {
    const r = await receiver()
    const addresses = { 'talent:工匠一号': 'gongjiang@example.cn', 'employer:港口集团': 'hr@gangkou.example.cn' }
    const channel = createEmailChannel({ smtp: { host: '127.0.0.1', port: r.port, secure: false, ignoreTLS: true, socketTimeout: 500 }, from: FROM, addressBook: addresses })
    open.push({ close: async () => channel.close?.() })
    for (const recipient of Object.keys(addresses)) {
      const notice = { ...zh, recipient, idempotencyKey: `0190a1b2-0000-7000-8000-000000000003:email:${recipient}` }
      expect(await channel.send(notice)).toEqual({ kind: 'delivered' })
      const { mail, rcptTo, raw } = r.arrivals.at(-1)!
      expect(rcptTo).toEqual([addresses[recipient as keyof typeof addresses]])
      expect(mail.messageId).toBe(messageIdFor(notice.idempotencyKey, 'hr.example.gov.cn'))
      expect(mail.headers.get('x-idempotency-key')).toBe(idempotencyHeaderOf(notice.idempotencyKey))
      // the header travels as plain ASCII, not as MIME encoded-words a receiver would have to decode
      expect(raw.replace(/\r\n(?=[ \t])/g, '')).toContain(`X-Idempotency-Key: ${idempotencyHeaderOf(notice.idempotencyKey)}\r\n`)
      expect(idempotencyHeaderOf(notice.idempotencyKey)).toMatch(/^[\x21-\x7e]+$/)
    }
  })

  it('sending the same notice twice gives the same Message-ID, so a receiver can drop the second', async () => {
    const r = await receiver()
    const channel = channelTo(r.port)
    await channel.send(zh)
    await channel.send(zh)
    expect(r.arrivals.map((a) => a.mail.messageId)).toEqual([messageIdFor(zh.idempotencyKey, 'hr.example.gov.cn'), messageIdFor(zh.idempotencyKey, 'hr.example.gov.cn')])
    expect(new Set(r.arrivals.map((a) => a.key)).size).toBe(1)
  })

  it('451 is a retry, 554 on DATA and 550 on RCPT are rejections', async () => {
    const r = await receiver((n) => ({ code: n === 0 ? 451 : n === 1 ? 554 : 250 }), ['nobody@example.cn'])
    const channel = channelTo(r.port)
    expect(await channel.send(zh)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^SMTP 451: .*try again later/) })
    expect(await channel.send(zh)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^SMTP 554: /) })
    expect(await channel.send({ ...zh, recipient: 'talent:9' })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^SMTP 550: .*mailbox unavailable/) })
    expect(await channel.send(zh)).toEqual({ kind: 'delivered' })
  })

  it('a server that is away or too slow is a retry; an unknown recipient is rejected', async () => {
    const r = await receiver(() => ({ delayMs: 2_000 }))
    const channel = channelTo(r.port)
    expect(await channel.send(zh)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^SMTP ETIMEDOUT/) })
    await r.down()
    expect(await channel.send(zh)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^SMTP ESOCKET: .*ECONNREFUSED/) })
    expect(await channel.send({ ...zh, recipient: 'employer:org-1' })).toEqual({ kind: 'rejected', reason: 'no e-mail address for recipient employer:org-1' })
  })
})
