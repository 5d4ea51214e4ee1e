/**
 * The notification channel port: one delivery mechanism (webhook, e-mail, NATS). The relay renders
 * an outbox row into a `Notice` and calls `send`; the channel says whether the receiver has it.
 */
import type { ChannelName, Locale } from './outbox.js'

/** A rendered notice, ready to send. */
export interface Notice {
  /** The outbox row id: the same on every retry, so the receiver can drop duplicates. */
  readonly idempotencyKey: string
  readonly channel: ChannelName
  /** `talent:<id>`, `employer:<organizationId>` or `bureau`; the adapter maps it to an address. */
  readonly recipient: string
  readonly locale: Locale
  readonly template: string
  readonly subject: string
  readonly body: string
  /** Structured content for machine receivers (webhook body, NATS message): event type, ids and facts. */
  readonly data: Readonly<Record<string, unknown>>
}

/**
 * What a send achieved. `retry` is temporary (receiver down, 5xx, 429, timeout), optionally with
 * the receiver's own wait (`Retry-After`); `rejected` is permanent (no address, 4xx), and the relay
 * parks the row at once.
 */
export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly reason: string }

/** A channel adapter. A `send` that throws counts as `retry` with the error as the reason. */
export interface NotificationChannel {
  /** The channel it delivers: a relay hands it the rows whose `channel` is this name, and no others. */
  readonly name: ChannelName
  readonly send: (notice: Notice) => Promise<DeliveryOutcome>
  readonly close?: () => Promise<void>
}
