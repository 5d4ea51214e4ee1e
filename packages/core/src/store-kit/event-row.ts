/**
 * A stored event as the SQL stores read it back: columns that are not trusted until they decode as
 * a `RecordedEvent`. Its JSON columns come as text and are parsed here, so a bad one is named; a
 * row that does not decode is corruption, a `CorruptEventError` naming its stream and version.
 * Each store builds the candidate from its own row form (objects, raw column arrays) and converts
 * driver-specific values (a `bigint` handed over as a string) before the check.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeErrors } from '../kernel/decode-errors.js'
import { RecordedEvent } from '../kernel/envelope.js'
import { CorruptEventError } from '../kernel/corrupt-event.js'
import { isRecordedEvent } from '../kernel/recorded-event-check.js'

/** The stream and version a corruption report names, whatever the row holds there. */
const where = (streamId: unknown, version: unknown): [string, number | null] => [String(streamId), typeof version === 'number' ? version : null]

/** A JSON column of the row of (`streamId`, `version`) parsed; throws `CorruptEventError` when it is not text or not JSON. */
export const eventJsonColumn = (text: unknown, column: 'data' | 'metadata', streamId: unknown, version: unknown): unknown => {
  if (typeof text !== 'string') throw new CorruptEventError(...where(streamId, version), `column ${column} is not text`)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CorruptEventError(...where(streamId, version), `column ${column} is not JSON (${String(error)})`)
  }
}

/** The candidate envelope of a stored row checked with io-ts; throws `CorruptEventError` naming stream and version. */
export const checkedRecordedEvent = (candidate: Record<keyof RecordedEvent, unknown>): RecordedEvent => {
  // what the codec accepts, it hands back unchanged: the hand-written check answers for it, and
  // the codec runs only on a row it refuses, to name what is wrong
  if (isRecordedEvent(candidate)) return candidate as RecordedEvent
  const decoded = RecordedEvent.decode(candidate)
  if (E.isLeft(decoded))
    throw new CorruptEventError(
      ...where(candidate.streamId, candidate.version),
      describeErrors(decoded.left)
        .map((d) => d.message)
        .join('; '),
    )
  return decoded.right
}

/** A row of `events` as both SQL stores keep it; `P` is how the driver hands over `global_position`. */
export interface EventRow<P = number> {
  readonly global_position: P
  readonly stream_id: string
  readonly version: number
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  /** JSON text. */
  readonly data: string
  /** JSON text. */
  readonly metadata: string
  readonly prev_hash: string
  readonly hash: string
}

/** A row of `events` read back, its values not yet trusted. */
export type StoredEventRow = { readonly [K in keyof EventRow]: unknown }

/** A row of `events` read back without its `stream_id`: a stream's read, whose `WHERE` fixed it. */
export type StoredStreamEventRow = Omit<StoredEventRow, 'stream_id'>

/**
 * A row of `events` decoded and validated as a `RecordedEvent`; `globalPosition` replaces the
 * row's own when the driver hands it over in another form. Throws `CorruptEventError` naming stream and version.
 */
export const recordedEventOfRow = (row: StoredEventRow, globalPosition: unknown = row.global_position): RecordedEvent =>
  recordedEventOfStreamRow(row.stream_id, row, globalPosition)

/**
 * A row of stream `streamId`, read by a `WHERE stream_id = ` that fixed the column, decoded and
 * validated as `recordedEventOfRow` does the whole row.
 */
export const recordedEventOfStreamRow = (streamId: unknown, row: StoredStreamEventRow, globalPosition: unknown = row.global_position): RecordedEvent =>
  checkedRecordedEvent({
    eventId: row.event_id,
    streamId,
    version: row.version,
    globalPosition,
    type: row.type,
    schemaVersion: row.schema_version,
    data: eventJsonColumn(row.data, 'data', streamId, row.version),
    metadata: eventJsonColumn(row.metadata, 'metadata', streamId, row.version),
    prevHash: row.prev_hash,
    hash: row.hash,
  })
