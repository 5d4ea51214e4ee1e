// The `notify --config FILE` document: decoded with io-ts, every problem named by its field, unknown
// fields refused, at least one channel required; a file that cannot be read or parsed is a usage error.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeNotifyConfig, readNotifyConfig } from '../src/notify-config.js'
import { UsageError } from '../src/usage-error.js'
import { tempDir } from './run-cli.js'

const full = {
  webhook: { url: 'https://hr.example.gov.cn/hooks', endpoints: { 'employer:port-co': 'http://127.0.0.1:8080/hooks' }, secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], timeoutMs: 5000 },
  email: { smtpUrl: 'smtp://127.0.0.1:2525', from: '人社局 <notices@hr.example.gov.cn>', addressBook: { 'talent:t-1': 't1@example.cn', bureau: 'desk@hr.example.gov.cn' } },
  nats: { servers: ['nats://127.0.0.1:4222'], subjectPrefix: 'talent-ledger.notices', stream: 'TALENT_LEDGER_NOTICES' },
  relay: { maxAttempts: 10, batchSize: 50, leaseMs: 60000 },
}
const messages = (raw: unknown): string[] => {
  const r = decodeNotifyConfig(raw)
  return E.isLeft(r) ? r.left.map((d) => d.message) : []
}

describe('notify configuration', () => {
  it('accepts every channel, or any one of them', () => {
    expect(decodeNotifyConfig(full)).toEqual(E.right(full))
    for (const one of [{ webhook: { url: full.webhook.url, secrets: full.webhook.secrets } }, { email: full.email }, { nats: full.nats }]) expect(E.isRight(decodeNotifyConfig(one))).toBe(true)
  })

  it.each([
    [{}, 'no channel configured: give at least one of webhook, email, nats'],
    [{ relay: { maxAttempts: 3 } }, 'no channel configured: give at least one of webhook, email, nats'],
    [{ webhook: { secrets: full.webhook.secrets } }, 'webhook: give url (every recipient) or endpoints (recipient → URL), or both'],
    [{ webhook: { url: 'ftp://x', secrets: full.webhook.secrets } }, 'webhook.url: expected URL (http:// or https://), got "ftp://x"'],
    [{ webhook: { url: full.webhook.url, secrets: [] } }, 'webhook.secrets: expected at least one webhook secret, got []'],
    [{ webhook: { url: full.webhook.url, secrets: ['hunter2'] } }, 'webhook.secrets.0: expected webhook secret (whsec_ followed by base64), got "hunter2"'],
    [{ webhook: { endpoints: { 'org:x': 'https://x.example' }, secrets: full.webhook.secrets } }, 'webhook.endpoints: "org:x" is not a recipient (talent:<id>, employer:<id> or bureau)'],
    [{ email: { ...full.email, smtpUrl: 'mail.example' } }, 'email.smtpUrl: expected SMTP URL (smtp:// or smtps://), got "mail.example"'],
    [{ email: { ...full.email, addressBook: { 'talent:t-1': 'nobody' } } }, 'email.addressBook.talent:t-1: expected e-mail address, got "nobody"'],
    [{ email: { smtpUrl: full.email.smtpUrl, addressBook: {} } }, 'email.from is required (sender ("Name <address>" or address))'],
    [{ nats: { servers: 'nats://127.0.0.1:4222', subjectPrefix: 'a.b' } }, 'nats.servers: expected an array, got "nats://127.0.0.1:4222"'],
    [{ webhook: { url: full.webhook.url, secrets: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } }, 'webhook.secrets: expected an array, got "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"'],
    [{ nats: { servers: ['http://x'], subjectPrefix: 'a.b' } }, 'nats.servers.0: expected NATS server (nats://host:port or host:port), got "http://x"'],
    [{ nats: { servers: full.nats.servers, subjectPrefix: 'a b' } }, 'nats.subjectPrefix: expected NATS subject prefix (tokens of letters, digits, - and _, separated by dots), got "a b"'],
    [{ nats: { ...full.nats, stream: 'a.b' } }, 'nats.stream: expected JetStream stream name (letters, digits, - and _), got "a.b"'],
    [{ nats: full.nats, relay: { maxAttempts: 0 } }, 'relay.maxAttempts: expected PositiveInt, got 0'],
    [{ nats: full.nats, webook: {} }, 'webook: unknown field (expected webhook, email, nats, relay)'],
    [{ webhook: { url: full.webhook.url, secrets: full.webhook.secrets, endpionts: {} } }, 'webhook.endpionts: unknown field (expected secrets, url, endpoints, timeoutMs)'],
    [[], '(root): expected a JSON object with webhook, email, nats and/or relay, got []'],
    [{ email: { ...full.email, addressBook: { 'someone@example.cn': 'someone@example.cn' } } }, 'email.addressBook: "someone@example.cn" is not a recipient'],
  ])('refuses %j', (raw, message) => {
    expect(messages(raw).join('\n')).toContain(message)
  })

  describe('readNotifyConfig', () => {
    const dir = tempDir()
    afterAll(() => dir.remove())
    const file = (name: string, text: string) => {
      const path = join(dir.path, name)
      writeFileSync(path, text)
      return path
    }

    it('reads a file', () => expect(readNotifyConfig(file('ok.json', JSON.stringify(full)))).toEqual(full))
    it.each([
      ['missing', () => join(dir.path, 'none.json'), /cannot read --config .*none\.json: no such file/],
      ['not JSON', () => file('bad.json', '{ webhook: '), /--config .*bad\.json is not JSON/],
      ['invalid', () => file('invalid.json', '{"nats":{"servers":[]}}'), /--config .*invalid\.json: nats\.servers: expected at least one NATS server, got \[\]; nats\.subjectPrefix is required/],
    ])('a %s file is a usage error', (_what, path, message) => {
      expect(() => readNotifyConfig(path())).toThrow(UsageError)
      expect(() => readNotifyConfig(path())).toThrow(message)
    })
  })
})
