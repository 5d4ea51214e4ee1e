/**
 * Notices for testing a channel adapter or the relay: outbox entries written with probe events (so
 * they go through a real store's append, as the ledger writes them) and a plain renderer that turns
 * a row into a `Notice` without the notification policy's templates.
 */
import type { ChannelName, EventStore, Locale, NewEvent, Notice, OutboxEntry, OutboxRecord } from '@talent-ledger/core'

/** What `seedNotices` writes. */
export interface SeedNoticesOptions {
  readonly channel: ChannelName
  /** Recipients of each event's notices (default `['bureau']`). */
  readonly recipients?: ReadonlyArray<string>
  /** Locale of the notices (default alternating `zh-CN` and `en`). */
  readonly locale?: Locale
  /** Events to append, one notice per (event, recipient); default 10. */
  readonly events?: number
  /** Stream to append to (default a fresh `talent-…` stream). */
  readonly streamId?: string
}

const probeEvent = (n: number): NewEvent => ({
  eventId: globalThis.crypto.randomUUID(),
  type: 'NoticeProbe',
  schemaVersion: 1,
  data: { n, level: 'senior-worker' },
  metadata: {
    actor: { id: 'notice-fixtures', role: 'auditor' },
    correlationId: `notice-${n}`,
    causationId: null,
    occurredOn: '2026-03-01',
    recordedAt: '2026-03-01T08:00:00.000Z',
  },
})

/**
 * Appends `events` probe events to a new stream of `store`, each with one outbox entry per recipient,
 * in the same append (as the ledger does). Returns the entries written, in order.
 */
export const seedNotices = async (store: EventStore, o: SeedNoticesOptions): Promise<ReadonlyArray<OutboxEntry>> => {
  const streamId = o.streamId ?? `talent-${globalThis.crypto.randomUUID().slice(0, 8)}`
  const events = Array.from({ length: o.events ?? 10 }, (_, i) => probeEvent(i + 1))
  const recipients = o.recipients ?? ['bureau']
  const entries: OutboxEntry[] = events.flatMap((e, i) =>
    recipients.map((recipient) => ({
      id: `${e.eventId}:${o.channel}:${recipient}`,
      eventId: e.eventId,
      streamId,
      channel: o.channel,
      recipient,
      template: 'level-certified',
      locale: o.locale ?? (i % 2 === 0 ? 'zh-CN' : 'en'),
      payload: { eventType: e.type, n: i + 1, level: 'senior-worker' },
    })),
  )
  const appended = await store.append(streamId, events, 'no-stream', { outbox: entries })
  if (!appended.ok) throw new Error(`seedNotices: append refused: ${JSON.stringify(appended.conflict)}`)
  return entries
}

/**
 * Renders a row without templates: a subject and body in the row's locale naming the template and
 * payload, and `data` carrying the payload with the event and stream ids.
 */
export const plainRender = async (r: OutboxRecord): Promise<Notice> => ({
  idempotencyKey: r.id,
  channel: r.channel,
  recipient: r.recipient,
  locale: r.locale,
  template: r.template,
  subject: r.locale === 'zh-CN' ? `通知：${r.template} 第 ${String(r.payload['n'])} 号` : `Notice: ${r.template} #${String(r.payload['n'])}`,
  body:
    r.locale === 'zh-CN'
      ? `您好，事件 ${r.eventId} 已记录（等级：${String(r.payload['level'])}）。`
      : `Hello, event ${r.eventId} was recorded (level: ${String(r.payload['level'])}).`,
  data: { ...r.payload, eventId: r.eventId, streamId: r.streamId },
})
