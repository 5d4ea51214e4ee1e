/**
 * The outbox port (发件箱): notices to send, written by the store in the same transaction as the
 * events that cause them, so an event is never stored without its notices nor a notice without
 * its event. A relay claims due rows, hands them to a channel and records the outcome. Delivery is
 * at least once; the row id is the idempotency key a receiver uses to drop duplicates.
 */

/**
 * Where a notice goes: the name a channel adapter is registered under (`webhook`, `email`, `nats`
 * ship in `notify-*`; a deployment may register more). Names are open, not a closed list, so a new
 * channel needs no change here: a non-empty lowercase ASCII word, a letter then letters, digits or
 * `-` (`isChannelName`), so it fits the row id `${eventId}:${channel}:${recipient}` unambiguously.
 */
export type ChannelName = string

/** True for a well-formed channel name: `[a-z][a-z0-9-]*`. */
export const isChannelName = (s: unknown): s is ChannelName => typeof s === 'string' && /^[a-z][a-z0-9-]*$/.test(s)

/** Languages a notice is rendered in. */
export type Locale = 'zh-CN' | 'en'

/** Lifecycle of an outbox row: waiting (or retrying), delivered, or parked after it kept failing. */
export type DeliveryStatus = 'pending' | 'delivered' | 'parked'

/**
 * One notice to send, as the ledger hands it to `append`. It carries no personal data in clear:
 * the payload holds the facts of the event and, sealed with the talent's key, the personal data
 * as it stood at the decision; the text is rendered at delivery time, so a name is gone once the
 * key is erased.
 */
export interface OutboxEntry {
  /** Idempotency key, unique per (event, channel, recipient): `${eventId}:${channel}:${recipient}`. */
  readonly id: string
  readonly eventId: string
  readonly streamId: string
  readonly channel: ChannelName
  /** Who it is for: `talent:<id>`, `employer:<organizationId>` or `bureau`. */
  readonly recipient: string
  /** Template name (the notification policy's rule id), rendered in `locale`. */
  readonly template: string
  readonly locale: Locale
  /** Facts the template needs (event type, level, amount, dates …); personal data only sealed. */
  readonly payload: Readonly<Record<string, unknown>>
}

/** A stored outbox row with its delivery state. */
export interface OutboxRecord extends OutboxEntry {
  readonly status: DeliveryStatus
  /** Delivery attempts made so far. */
  readonly attempts: number
  /** When the row is next due (ISO timestamp); null once delivered or parked. */
  readonly nextAttemptAt: string | null
  /** Why the last attempt failed, or why the row was parked. */
  readonly lastError: string | null
  /** Record time of the append that wrote it. */
  readonly createdAt: string
  readonly deliveredAt: string | null
  /**
   * Present once the row is compacted (`Outbox.compact`): the SHA-256 of the canonical JSON of the
   * payload it held (`payloadSha256Of`), which is what an audit needs to prove the row was what its
   * event implied. The payload itself is then `{}`. Absent while the row keeps its payload.
   */
  readonly payloadSha256?: string
}

/** Filter for `Outbox.list`. Rows come in the order they were written. */
export interface OutboxQuery {
  readonly status?: DeliveryStatus
  readonly channel?: ChannelName
  readonly limit?: number
}

/**
 * The outbox as a store exposes it. `claim` hands each due row to one relay at a time: a claimed
 * row is not due again until `leaseUntil`, so a relay killed mid-delivery loses nothing (the lease
 * runs out and the row is claimed again) and two relays do not send the same row at once.
 */
export interface Outbox {
  /**
   * Pending rows due at `now` (`nextAttemptAt` null or ≤ now, lease expired), oldest first; each is
   * leased until `leaseUntil`. With `channels`, only rows of those channels: a relay takes only what
   * it can deliver, and rows of other channels stay free for the relays that can.
   */
  readonly claim: (now: string, limit: number, leaseUntil: string, channels?: ReadonlyArray<ChannelName>) => Promise<ReadonlyArray<OutboxRecord>>
  /** Records a successful delivery (attempts + 1). A row already delivered stays as it is. */
  readonly markDelivered: (id: string, at: string) => Promise<void>
  /** Records a failed attempt (attempts + 1) and when to try again. */
  readonly markRetry: (id: string, error: string, nextAttemptAt: string) => Promise<void>
  /** Gives up on a row (attempts + 1), keeping the reason. */
  readonly park: (id: string, reason: string, at: string) => Promise<void>
  /** Moves parked rows (or the given ones) back to pending, due now: an operator's retry. Returns how many. */
  readonly requeue: (ids?: ReadonlyArray<string>) => Promise<number>
  readonly list: (query?: OutboxQuery) => Promise<ReadonlyArray<OutboxRecord>>
  readonly counts: () => Promise<Readonly<Record<DeliveryStatus, number>>>
  /**
   * Retention: compacts delivered rows delivered before `before` (ISO timestamp), at most `limit`
   * of them (default: all), oldest first. A compacted row keeps its id, content columns and
   * delivery state, and trades its payload (and the sealed personal data in it) for
   * `payloadSha256`. Pending and parked rows are never compacted; a compacted row never changes
   * again. Each row is compacted whole, in batches that commit on their own, so a run stopped
   * midway leaves whole rows and the next run goes on. Returns how many rows it compacted.
   */
  readonly compact: (before: string, limit?: number) => Promise<number>
}
