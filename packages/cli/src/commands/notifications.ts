/**
 * `notifications [--status S] [--channel C] [--json]`: the outbox as an operator reads it — the
 * notices the ledger wrote with its events (filtered by status or channel) and the delivery status
 * of the whole outbox: pending / delivered / parked per channel, the age of the oldest pending
 * notice (a stalled relay shows here first) and why parked notices were given up on. A notice's
 * payload is listed without `personal`, the talent's data sealed for the relay: ciphertext tells a
 * reader nothing, and the listing keeps the shape it had before rows carried it. A notice compacted
 * by retention (`--compact-delivered`) is listed with its empty payload and `payloadSha256`, and
 * marked `[compacted]` in the text; it counts as delivered, as before.
 */
import type { Writable } from 'node:stream'
import { deliveryStatusOf, type ChannelName, type DeliveryStatusSummary, type EventStore, type OutboxQuery, type OutboxRecord } from '@talent-ledger/core'
import { writeLine } from '../output.js'
import { terminalSafe } from '../terminal-text.js'

/** What `notifications --json` prints: one JSON line. */
export interface NotificationsListing {
  readonly summary: DeliveryStatusSummary
  /** The rows as listed (`listedNotice`): payloads without the sealed `personal`. */
  readonly notices: ReadonlyArray<OutboxRecord>
}

/** A row as the listing shows it: its payload without `personal` (sealed for the relay, which alone opens it). */
export const listedNotice = (row: OutboxRecord): OutboxRecord => {
  if (!Object.hasOwn(row.payload, 'personal')) return row
  const { personal: _sealed, ...payload } = row.payload
  return { ...row, payload }
}

/**
 * Reads the listing: the rows matching `query`, and the summary over every row, per channel for each
 * of `channels` (the registered ones, even at zero) and for any other channel a row names (no
 * adapter here: its rows wait for a relay that has one).
 */
export const notificationsListing = async (store: EventStore, query: OutboxQuery, now: string, channels: ReadonlyArray<ChannelName>): Promise<NotificationsListing> => {
  const all = await store.outbox.list()
  const notices = query.status === undefined && query.channel === undefined ? all : await store.outbox.list(query)
  return { summary: deliveryStatusOf(all, now, channels), notices: notices.map(listedNotice) }
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length))

/** The header of the notice table: the columns of each notice line. */
export const NOTICES_HEADER = [pad('status', 9), pad('try', 3), pad('channel', 7), pad('recipient', 24), pad('template', 20), 'id'].join(' ') + '  (last error)'

/** The listing as text lines: a header and one line per notice, then the summary (stored strings made `terminalSafe`). */
export const notificationsText = ({ summary: s, notices }: NotificationsListing): string[] => {
  const lines = notices.map((r) =>
    [pad(r.status, 9), pad(String(r.attempts), 3), pad(r.channel, 7), pad(r.recipient, 24), pad(r.template, 20), r.id].join(' ') +
      (r.lastError === null ? '' : `  (${r.lastError})`) +
      (r.payloadSha256 === undefined ? '' : '  [compacted]'),
  )
  if (lines.length > 0) lines.unshift(NOTICES_HEADER)
  const perChannel = Object.entries(s.byChannel).map(([c, n]) => `${c} ${n.pending}/${n.delivered}/${n.parked}`).join(', ')
  lines.push(
    `${s.total} notices: ${s.counts.pending} pending (${s.retrying} retrying), ${s.counts.delivered} delivered, ${s.counts.parked} parked — per channel pending/delivered/parked: ${perChannel}`,
  )
  if (s.oldestPending !== null) lines.push(`oldest pending: ${s.oldestPending.id}, written ${s.oldestPending.createdAt} (${s.oldestPending.ageSeconds} s ago)`)
  for (const p of s.parkedReasons) lines.push(`parked ×${p.count}: ${p.reason}`)
  return lines.map(terminalSafe)
}

/** Prints the listing as one JSON line or as text. */
export const printNotifications = async (listing: NotificationsListing, json: boolean, out: Writable): Promise<void> => {
  if (json) return writeLine(out, JSON.stringify(listing))
  for (const line of notificationsText(listing)) await writeLine(out, line)
}
