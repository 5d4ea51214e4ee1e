/**
 * The outbox row as the SQL stores keep it (SQLite and PostgreSQL use the same columns), and how a
 * row read back becomes an `OutboxRecord`. A stored row is not trusted until it decodes: the
 * database is a boundary like any other, and a row that does not decode names the field at fault.
 * Each store keeps its own SQL (dialects differ); only the row's shape and meaning live here, in
 * the store kit, because only adapters read rows.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeErrors } from '../kernel/decode-errors.js'
import type { OutboxRecord } from '../kernel/outbox.js'
import { deepFreeze } from './deep-freeze.js'

/**
 * The channel column: any non-empty name. Channels are names that adapters register, so the row
 * codec does not close the list (a relay leaves a row of a channel it does not know to the relays
 * that do); an empty name is no channel at all, and corruption.
 */
const ChannelColumn = t.refinement(t.string, (s) => s.length > 0, 'non-empty channel name')

/** A stored outbox row as selected by a store (`payload` as JSON text, times as ISO text; `payload_sha256` null until compacted). */
export const OutboxRow = t.intersection([
  t.type({
    id: t.string,
    event_id: t.string,
    stream_id: t.string,
    channel: ChannelColumn,
    recipient: t.string,
    template: t.string,
    locale: t.keyof({ 'zh-CN': null, en: null }),
    payload: t.string,
    status: t.keyof({ pending: null, delivered: null, parked: null }),
    attempts: t.number,
    next_attempt_at: t.union([t.string, t.null]),
    last_error: t.union([t.string, t.null]),
    created_at: t.string,
    delivered_at: t.union([t.string, t.null]),
  }),
  // set once the row is compacted (retention): the SHA-256 of the payload it held; a store
  // written before retention existed selects no such column, and its rows hold their payloads
  t.partial({ payload_sha256: t.union([t.string, t.null]) }),
])

/** A decoded outbox row. */
export type OutboxRow = t.TypeOf<typeof OutboxRow>

const isTextOrNull = (u: unknown): boolean => u === null || typeof u === 'string'

/**
 * True exactly when `OutboxRow.is(raw)`, written out by hand: `verify` reads every outbox row, and
 * io-ts walking the codec for each cost more than reading it (a property test holds the two equal).
 */
export const isOutboxRow = (raw: unknown): raw is OutboxRow => {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false
  const r = raw as Readonly<Record<string, unknown>>
  return (
    typeof r.id === 'string' &&
    typeof r.event_id === 'string' &&
    typeof r.stream_id === 'string' &&
    typeof r.channel === 'string' &&
    r.channel.length > 0 &&
    typeof r.recipient === 'string' &&
    typeof r.template === 'string' &&
    (r.locale === 'zh-CN' || r.locale === 'en') &&
    typeof r.payload === 'string' &&
    (r.status === 'pending' || r.status === 'delivered' || r.status === 'parked') &&
    typeof r.attempts === 'number' &&
    isTextOrNull(r.next_attempt_at) &&
    isTextOrNull(r.last_error) &&
    typeof r.created_at === 'string' &&
    isTextOrNull(r.delivered_at) &&
    (r.payload_sha256 === undefined || isTextOrNull(r.payload_sha256))
  )
}

/** The record of a decoded row, with its payload parsed. */
const recordOf = (r: OutboxRow, payload: Record<string, unknown>): OutboxRecord => ({
  id: r.id,
  eventId: r.event_id,
  streamId: r.stream_id,
  channel: r.channel,
  recipient: r.recipient,
  template: r.template,
  locale: r.locale,
  payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  ...(r.payload_sha256 == null ? {} : { payloadSha256: r.payload_sha256 }),
})

/** A stored row decoded; throws `corrupt outbox row: …` naming the field at fault. */
const decodedRow = (raw: unknown): OutboxRow => {
  // the codec runs only on a row the hand-written check refuses, to name what is wrong
  const decoded = isOutboxRow(raw) ? E.right(raw) : OutboxRow.decode(raw)
  if (E.isLeft(decoded)) throw new Error(`corrupt outbox row: ${describeErrors(decoded.left).map((d) => d.message).join('; ')}`)
  return decoded.right
}

/** A stored row (any object with the row's columns) as an `OutboxRecord`; throws `corrupt outbox row: …` naming the field at fault. */
export const outboxRecordOf = (raw: unknown): OutboxRecord => {
  const r = decodedRow(raw)
  return recordOf(r, JSON.parse(r.payload) as Record<string, unknown>)
}

/**
 * Stored rows as `OutboxRecord`s, as `outboxRecordOf` makes each, but a payload text that the row
 * before held too is parsed once: the rows of one append that carry the same payload share one
 * stored payload (and come one after the other in the audit's order), and `verify` reads every row.
 * A payload handed to two records is frozen (deeply), so no reader can change it under another.
 */
export const outboxRecordsOf = (raws: ReadonlyArray<unknown>): OutboxRecord[] => {
  let text: string | undefined
  let payload: Record<string, unknown> = {}
  return raws.map((raw) => {
    const r = decodedRow(raw)
    if (r.payload !== text) {
      payload = JSON.parse(r.payload) as Record<string, unknown>
      text = r.payload
    } else deepFreeze(payload)
    return recordOf(r, payload)
  })
}
