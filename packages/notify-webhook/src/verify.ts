/**
 * The receiver's side (验签): checks a delivery's Standard Webhooks headers against the shared
 * secrets before trusting its body. The timestamp must be within the tolerance (replays of old
 * captures are refused) and at least one `v1` signature must match one secret, compared in constant
 * time. Receivers drop duplicates by `webhook-id`, the ASCII header form of the outbox row's
 * idempotency key; `key` is the row id itself (a Chinese recipient id decoded again).
 */
import { timingSafeEqual } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { idempotencyKeyOfHeader } from '@talent-ledger/core'
import { secretKey, signatureOf } from './signature.js'

/** Request headers as Node gives them (lower-case names) or any plain record of strings. */
export type WebhookHeaders = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/** A delivery whose signature checked out. */
export interface VerifiedWebhook {
  /** `webhook-id` as sent (ASCII): the value to dedupe on. */
  readonly id: string
  /** The outbox row's idempotency key that `id` stands for (percent-decoded). */
  readonly key: string
  /** `webhook-timestamp`, in seconds since the epoch. */
  readonly timestamp: number
}

/** Options of `verifyWebhook`. */
export interface VerifyOptions {
  /** Largest accepted distance between the timestamp and now, in seconds (default 300). */
  readonly toleranceSec?: number
  /** Now, in seconds since the epoch (default the system clock). */
  readonly nowSec?: number
}

const header = (headers: WebhookHeaders, name: string): string | undefined => {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]
  return typeof found === 'string' ? found : found?.[0]
}

const sameBytes = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Checks a delivery: Right with its id and timestamp, or Left with why it was refused (a missing
 * header by name, a timestamp out of tolerance, no matching signature).
 */
export const verifyWebhook = (
  headers: WebhookHeaders,
  body: string,
  secrets: ReadonlyArray<string>,
  options: VerifyOptions = {},
): E.Either<string, VerifiedWebhook> => {
  const id = header(headers, 'webhook-id')
  const stamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  if (id === undefined || id === '') return E.left('missing header webhook-id')
  const key = idempotencyKeyOfHeader(id)
  if (key === undefined) return E.left('malformed header webhook-id (not a percent-encoded idempotency key)')
  if (stamp === undefined || !/^\d+$/.test(stamp)) return E.left('missing or malformed header webhook-timestamp')
  if (signatures === undefined) return E.left('missing header webhook-signature')
  const timestamp = Number(stamp)
  const now = options.nowSec ?? Math.floor(Date.now() / 1000)
  const tolerance = options.toleranceSec ?? 300
  if (Math.abs(now - timestamp) > tolerance) return E.left(`webhook-timestamp ${timestamp} is more than ${tolerance} s from now (${now})`)
  const expected = secrets.map((s, i) => signatureOf(secretKey(s, i), id, timestamp, body))
  const offered = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => s.slice(3))
  // every pair is compared, so the time taken does not tell which secret or signature matched
  let matched = false
  for (const o of offered) for (const e of expected) matched = sameBytes(o, e) || matched
  return matched ? E.right({ id, key, timestamp }) : E.left('no webhook-signature matches a secret')
}
