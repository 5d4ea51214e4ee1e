/**
 * The webhook channel against a real HTTP server: signed JSON that both our verifier and the
 * independent `standardwebhooks` package accept (with either secret during a rotation), and every
 * HTTP answer, timeout and connection failure mapped to the right outcome.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { idempotencyHeaderOf, type Notice } from '@talent-ledger/core'
import { createWebhookChannel, decodeWebhookBody, signWebhook, verifyWebhook } from '../src/index.js'
import { startReceiver, type Receiver } from './receiver.js'

const OLD = `whsec_${Buffer.from('old-secret-of-the-city-bureau-32b').toString('base64')}`
const NEW = `whsec_${Buffer.from('new-secret-of-the-city-bureau-32b').toString('base64')}`

const notice = (key = 'evt-1:webhook:bureau', recipient = 'bureau'): Notice => ({
  idempotencyKey: key,
  channel: 'webhook',
  recipient,
  locale: 'zh-CN',
  template: 'level-certified',
  subject: '技能等级认定通知',
  body: '您好，您的等级已认定。',
  data: { eventType: 'LevelCertified', level: 'senior-technician', talentId: 't-42' },
})

const receivers: Receiver[] = []
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close()
})
const receiver = async (...args: Parameters<typeof startReceiver>): Promise<Receiver> => {
  const r = await startReceiver(...args)
  receivers.push(r)
  return r
}

describe('webhook delivery', () => {
  it('POSTs the notice as JSON with Standard Webhooks headers that both verifiers accept', async () => {
    const r = await receiver([OLD])
    const channel = createWebhookChannel({ endpoints: { bureau: r.url }, secrets: [OLD] })
    expect(await channel.send(notice())).toEqual({ kind: 'delivered' })
    expect(r.arrivals).toHaveLength(1)
    const a = r.arrivals[0]!
    expect(a).toMatchObject({ id: 'evt-1:webhook:bureau', oursOk: true, standardOk: true, bodyOk: true })
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(Math.abs(Number(a.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60)
    expect(String(a.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    expect(decodeWebhookBody(a.body)).toEqual(
      E.right({ id: 'evt-1:webhook:bureau', type: 'level-certified', recipient: 'bureau', locale: 'zh-CN', subject: '技能等级认定通知', data: notice().data }),
    )
  })

  it('delivers to an employer whose id is Chinese: webhook-id is the key in ASCII header form, and both verifiers accept', async () => {
    const r = await receiver([OLD])
    const key = '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b:webhook:employer:港口集团'
    const channel = createWebhookChannel({ endpoints: { 'employer:港口集团': r.url }, secrets: [OLD] })
    expect(await channel.send({ ...notice(key, 'employer:港口集团'), data: { eventType: 'LevelCertified', talentId: '工匠一号' } })).toEqual({ kind: 'delivered' })
    const a = r.arrivals[0]!
    expect(a).toMatchObject({ id: idempotencyHeaderOf(key), oursOk: true, standardOk: true, bodyOk: true })
    expect(a.id).toBe('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b:webhook:employer:%E6%B8%AF%E5%8F%A3%E9%9B%86%E5%9B%A2')
    expect(verifyWebhook(a.headers, a.body, [OLD])).toMatchObject({ _tag: 'Right', right: { id: a.id, key } })
    expect(decodeWebhookBody(a.body)).toMatchObject({ right: { id: key, recipient: 'employer:港口集团', data: { talentId: '工匠一号' } } })
  })

  it('refuses a webhook-id that is not a percent-encoded key', () => {
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = { 'webhook-id': 'evt-1%E6', 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook([OLD], 'evt-1%E6', timestamp, '{}') }
    expect(verifyWebhook(headers, '{}', [OLD])).toEqual(E.left('malformed header webhook-id (not a percent-encoded idempotency key)'))
  })

  it('during a rotation signs with both secrets: a receiver holding either one accepts', async () => {
    const r = await receiver([OLD, NEW]) // checks each secret on its own
    const channel = createWebhookChannel({ endpoints: () => r.url, secrets: [OLD, NEW] })
    expect(await channel.send(notice())).toEqual({ kind: 'delivered' })
    expect(String(r.arrivals[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(r.arrivals[0]).toMatchObject({ oursOk: true, standardOk: true })
  })

  it.each([
    [500, {}, { kind: 'retry', reason: 'HTTP 500' }],
    [503, { 'retry-after': '7' }, { kind: 'retry', reason: 'HTTP 503', retryAfterMs: 7_000 }],
    [429, { 'retry-after': '2' }, { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 2_000 }],
    [429, {}, { kind: 'retry', reason: 'HTTP 429' }],
    [404, {}, { kind: 'rejected', reason: 'HTTP 404' }],
    [400, {}, { kind: 'rejected', reason: 'HTTP 400' }],
    [302, { location: 'http://127.0.0.1:1/elsewhere' }, { kind: 'rejected', reason: 'HTTP 302' }],
    [200, {}, { kind: 'delivered' }],
  ])('HTTP %i %o → %o', async (status, headers, outcome) => {
    const r = await receiver([OLD], () => ({ status, headers }))
    const channel = createWebhookChannel({ endpoints: { bureau: r.url }, secrets: [OLD] })
    expect(await channel.send(notice())).toEqual(outcome)
  })

  it('a Retry-After given as an HTTP date becomes the wait until then', async () => {
    const r = await receiver([OLD], () => ({ status: 503, headers: { 'retry-after': 'Wed, 01 Jan 2031 00:00:10 GMT' } }))
    const now = Date.parse('2031-01-01T00:00:00Z')
    const channel = createWebhookChannel({ endpoints: { bureau: r.url }, secrets: [OLD], now: () => now })
    expect(await channel.send(notice())).toEqual({ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 10_000 })
  })

  it('a receiver slower than the timeout, or not listening, is a retry', async () => {
    const slow = await receiver([OLD], () => ({ status: 204, delayMs: 1_000 }))
    const channel = createWebhookChannel({ endpoints: { bureau: slow.url }, secrets: [OLD], timeoutMs: 100 })
    expect(await channel.send(notice())).toEqual({ kind: 'retry', reason: 'timed out after 100 ms' })
    await slow.down()
    expect(await channel.send(notice())).toEqual({ kind: 'retry', reason: 'request failed: ECONNREFUSED' })
  })

  it('a recipient without an endpoint is rejected; a malformed secret is refused at creation', async () => {
    const channel = createWebhookChannel({ endpoints: {}, secrets: [OLD] })
    expect(await channel.send(notice('k', 'talent:9'))).toEqual({ kind: 'rejected', reason: 'no webhook endpoint for recipient talent:9' })
    expect(() => createWebhookChannel({ endpoints: {}, secrets: ['s3cret'] })).toThrow('webhook secret #1 must start with "whsec_"')
    expect(() => createWebhookChannel({ endpoints: {}, secrets: [] })).toThrow('at least one secret')
  })
})

describe('verifyWebhook', () => {
  const body = '{"id":"k"}'
  const signed = (ts: number, secrets = [OLD]) => ({ 'webhook-id': 'k', 'webhook-timestamp': String(ts), 'webhook-signature': signWebhook(secrets, 'k', ts, body) })
  const now = 1_900_000_000

  it('accepts a fresh, correctly signed delivery and names what is wrong otherwise', () => {
    expect(verifyWebhook(signed(now), body, [OLD], { nowSec: now })).toEqual(E.right({ id: 'k', key: 'k', timestamp: now }))
    expect(verifyWebhook(signed(now), body, [NEW, OLD], { nowSec: now })).toEqual(E.right({ id: 'k', key: 'k', timestamp: now }))
    expect(verifyWebhook(signed(now), '{"id":"x"}', [OLD], { nowSec: now })).toEqual(E.left('no webhook-signature matches a secret'))
    expect(verifyWebhook(signed(now), body, [NEW], { nowSec: now })).toEqual(E.left('no webhook-signature matches a secret'))
    expect(verifyWebhook(signed(now - 301), body, [OLD], { nowSec: now })).toEqual(
      E.left(`webhook-timestamp ${now - 301} is more than 300 s from now (${now})`),
    )
    expect(E.isRight(verifyWebhook(signed(now - 301), body, [OLD], { nowSec: now, toleranceSec: 600 }))).toBe(true)
    const { 'webhook-id': _id, ...noId } = signed(now)
    expect(verifyWebhook(noId, body, [OLD], { nowSec: now })).toEqual(E.left('missing header webhook-id'))
  })

  it('decodeWebhookBody names the field at fault', () => {
    expect(decodeWebhookBody('{"id":"k","type":"t","recipient":"bureau","locale":"fr","subject":"s","data":{}}')).toEqual(
      E.left(expect.stringContaining('locale')),
    )
    expect(decodeWebhookBody('nope')).toEqual(E.left(expect.stringContaining('not JSON')))
  })
})
