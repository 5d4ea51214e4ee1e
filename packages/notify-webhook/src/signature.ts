/**
 * Standard Webhooks signatures (签名): `v1,<base64 HMAC-SHA256(key, "${id}.${timestamp}.${body}")>`,
 * keys given as `whsec_`-prefixed base64. During a secret rotation the sender signs with every
 * current secret (space-separated signatures), so a receiver holding either one accepts the message.
 */
import { createHmac } from 'node:crypto'

/** Prefix of a Standard Webhooks secret. */
export const SECRET_PREFIX = 'whsec_'

/** The raw key of a `whsec_…` secret; throws naming the secret's position when it is malformed. */
export const secretKey = (secret: string, index = 0): Buffer => {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error(`webhook secret #${index + 1} must start with "${SECRET_PREFIX}"`)
  const encoded = secret.slice(SECRET_PREFIX.length)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error(`webhook secret #${index + 1} is not base64 after "${SECRET_PREFIX}"`)
  const key = Buffer.from(encoded, 'base64')
  if (key.length < 16) throw new Error(`webhook secret #${index + 1} is shorter than 16 bytes`)
  return key
}

/** The base64 HMAC-SHA256 of one message under one key (without the `v1,` prefix). */
export const signatureOf = (key: Buffer, id: string, timestamp: number, body: string): string =>
  createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')

/** The `webhook-signature` header value: one `v1,<sig>` per secret, space-separated. */
export const signWebhook = (secrets: ReadonlyArray<string>, id: string, timestamp: number, body: string): string =>
  secrets.map((s, i) => `v1,${signatureOf(secretKey(s, i), id, timestamp, body)}`).join(' ')
