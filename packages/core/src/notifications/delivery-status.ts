/**
 * The delivery status of the outbox (投递状态), folded from its rows: how many notices wait, were
 * delivered or were parked, per channel; how long the oldest waiting one has waited (a stuck relay
 * shows here first); and why parked ones were given up on, so an operator knows what to fix
 * before requeueing them. Channels are open names: the summary counts every channel a row names,
 * and the ones the caller lists (the channels it has adapters for) even when no row names them.
 */
import type { ChannelName, DeliveryStatus, OutboxRecord } from '../kernel/outbox.js'

/** Counts by status. */
export type StatusCounts = Readonly<Record<DeliveryStatus, number>>

/** The summary the CLI prints. */
export interface DeliveryStatusSummary {
  readonly total: number
  readonly counts: StatusCounts
  /** Per channel: the ones asked for first (in their order), then any other a row names (in order met). */
  readonly byChannel: Readonly<Record<ChannelName, StatusCounts>>
  /** Pending rows that have failed at least once and wait for their next attempt. */
  readonly retrying: number
  /** The pending row written first, and its age in whole seconds at `now`; null when none waits. */
  readonly oldestPending: { readonly id: string; readonly createdAt: string; readonly ageSeconds: number } | null
  /** Why rows were parked, most frequent first (ties by reason). */
  readonly parkedReasons: ReadonlyArray<{ readonly reason: string; readonly count: number }>
}

const zero = (): Record<DeliveryStatus, number> => ({ pending: 0, delivered: 0, parked: 0 })

/**
 * Summarises outbox rows at the instant `now` (ISO timestamp). `channels` are counted even at zero
 * (a channel without an adapter anywhere still shows, with its pending rows). Order of rows does
 * not matter but for the order of channels no one asked for.
 */
export const deliveryStatusOf = (records: Iterable<OutboxRecord>, now: string, channels: ReadonlyArray<ChannelName> = []): DeliveryStatusSummary => {
  const counts = zero()
  const byChannel = new Map<ChannelName, Record<DeliveryStatus, number>>(channels.map((c) => [c, zero()]))
  const countsOf = (channel: ChannelName): Record<DeliveryStatus, number> => {
    const known = byChannel.get(channel)
    if (known !== undefined) return known
    const fresh = zero()
    byChannel.set(channel, fresh)
    return fresh
  }
  const reasons = new Map<string, number>()
  let total = 0
  let retrying = 0
  let oldest: OutboxRecord | null = null
  for (const r of records) {
    total++
    counts[r.status]++
    countsOf(r.channel)[r.status]++
    if (r.status === 'pending') {
      if (r.attempts > 0) retrying++
      if (oldest === null || r.createdAt < oldest.createdAt || (r.createdAt === oldest.createdAt && r.id < oldest.id)) oldest = r
    }
    if (r.status === 'parked') {
      const reason = r.lastError ?? '(no reason recorded)'
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
    }
  }
  return {
    total,
    counts,
    byChannel: Object.fromEntries(byChannel),
    retrying,
    oldestPending:
      oldest === null
        ? null
        : { id: oldest.id, createdAt: oldest.createdAt, ageSeconds: Math.max(0, Math.floor((Date.parse(now) - Date.parse(oldest.createdAt)) / 1000)) },
    parkedReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
  }
}
