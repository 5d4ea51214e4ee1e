/**
 * The webhook channel (回调通知): POSTs each notice as signed JSON to the recipient's URL. The
 * `webhook-id` header is the idempotency key, identical on every retry, so the receiver drops
 * duplicates; it is the key's ASCII header form (`idempotencyHeaderOf`: a Chinese recipient id
 * percent-encoded), since a header cannot carry anything else, and it is what the signature covers. HTTP answers map to outcomes: 2xx delivered; 429, 408 and 5xx retry (with the
 * receiver's `Retry-After`); other 4xx and 3xx (redirects are not followed) rejected; a timeout or a
 * connection error retry.
 */
import { idempotencyHeaderOf, type ChannelName, type DeliveryOutcome, type Notice, type NotificationChannel } from '@talent-ledger/core'
import { secretKey, signWebhook } from './signature.js'
import { webhookBodyOf } from './webhook-body.js'
import { retryAfterMs } from './retry-after.js'

/** Where each recipient's notices go: a map of recipient → URL, or a function (undefined = no endpoint). */
export type WebhookEndpoints = Readonly<Record<string, string>> | ((recipient: string) => string | undefined)

/** Configuration of the webhook channel. */
export interface WebhookChannelOptions {
  /** The channel name it is registered under: the `channel` of the outbox rows it delivers (default `webhook`). */
  readonly name?: ChannelName
  readonly endpoints: WebhookEndpoints
  /** `whsec_…` secrets; with two (a rotation), every message is signed with both. */
  readonly secrets: ReadonlyArray<string>
  /** Abort a request that has not completed in this many milliseconds (default 10 000). */
  readonly timeoutMs?: number
  /** Now in milliseconds, for `webhook-timestamp` (default `Date.now`). */
  readonly now?: () => number
  /** Extra headers sent with every request (e.g. a user agent). */
  readonly headers?: Readonly<Record<string, string>>
}

const errorCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message
}

const excerpt = async (res: Response): Promise<string> => {
  const text = await res.text().catch(() => '')
  return text === '' ? '' : `: ${text.slice(0, 200)}`
}

/** The outcome an HTTP answer means. */
const outcomeOf = async (res: Response, now: number): Promise<DeliveryOutcome> => {
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel()
    return { kind: 'delivered' }
  }
  const reason = `HTTP ${res.status}${await excerpt(res)}`
  if (res.status === 429 || res.status === 408 || res.status >= 500) {
    const wait = retryAfterMs(res.headers.get('retry-after'), now)
    return wait === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs: wait }
  }
  return { kind: 'rejected', reason }
}

/** Creates the webhook channel; throws at once when a secret is malformed or none is given. */
export const createWebhookChannel = (o: WebhookChannelOptions): NotificationChannel => {
  if (o.secrets.length === 0) throw new Error('webhook channel: at least one secret is required')
  o.secrets.forEach((s, i) => secretKey(s, i))
  const endpointOf = typeof o.endpoints === 'function' ? o.endpoints : (r: string) => (o.endpoints as Record<string, string>)[r]
  const timeoutMs = o.timeoutMs ?? 10_000
  const now = o.now ?? Date.now

  const send = async (notice: Notice): Promise<DeliveryOutcome> => {
    const url = endpointOf(notice.recipient)
    if (url === undefined) return { kind: 'rejected', reason: `no webhook endpoint for recipient ${notice.recipient}` }
    const body = JSON.stringify(webhookBodyOf(notice))
    const timestamp = Math.floor(now() / 1000)
    const id = idempotencyHeaderOf(notice.idempotencyKey)
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          ...o.headers,
          'content-type': 'application/json; charset=utf-8',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(o.secrets, id, timestamp, body),
        },
        body,
      })
      return await outcomeOf(res, now())
    } catch (error) {
      const name = (error as Error).name
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'retry', reason: `timed out after ${timeoutMs} ms` }
      return { kind: 'retry', reason: `request failed: ${errorCode(error)}` }
    }
  }

  return { name: o.name ?? 'webhook', send }
}
