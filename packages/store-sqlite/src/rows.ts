/**
 * Events as table rows and back. A row read from the file is not trusted until it decodes as
 * core's `RecordedEvent` (io-ts); one that does not is corruption, reported with its stream and
 * version. Reads are the hot path of every command and replay, so a row is fetched as an array of
 * columns (`.raw()`, no per-row object keyed by column names), its two JSON columns are parsed once,
 * and the envelope is checked in a single pass of the flat `RecordedEvent` codec.
 */
import * as E from 'fp-ts/lib/Either.js'
import { CorruptEventError, RecordedEvent, describeErrors } from '@talent-ledger/core'

/** A row of the `events` table. */
export interface EventRow {
  readonly global_position: number
  readonly stream_id: string
  readonly version: number
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly metadata: string
  readonly prev_hash: string
  readonly hash: string
}

/** The columns of `events` in the order `toRow` fills them and `fromColumns` reads them. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

/** A row as a `.raw()` statement over `EVENT_COLUMNS` returns it. */
export type EventColumns = readonly [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown]

/** A sealed event as the values of an insert into `events`. */
export const toRow = (e: RecordedEvent): EventRow => ({
  global_position: e.globalPosition,
  stream_id: e.streamId,
  version: e.version,
  event_id: e.eventId,
  type: e.type,
  schema_version: e.schemaVersion,
  data: JSON.stringify(e.data),
  metadata: JSON.stringify(e.metadata),
  prev_hash: e.prevHash,
  hash: e.hash,
})

const where = (streamId: unknown, version: unknown): [string, number | null] => [String(streamId), typeof version === 'number' ? version : null]

const parseJson = (text: unknown, column: 'data' | 'metadata', streamId: unknown, version: unknown): unknown => {
  if (typeof text !== 'string') throw new CorruptEventError(...where(streamId, version), `column ${column} is not text`)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CorruptEventError(...where(streamId, version), `column ${column} is not JSON (${String(error)})`)
  }
}

/** The candidate envelope checked with io-ts; throws `CorruptEventError` naming stream and version. */
const checked = (candidate: Record<keyof RecordedEvent, unknown>): RecordedEvent => {
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

/** A `.raw()` row (columns in `EVENT_COLUMNS` order) decoded and validated as a `RecordedEvent`. */
export const fromColumns = (c: EventColumns): RecordedEvent =>
  checked({
    eventId: c[3],
    streamId: c[1],
    version: c[2],
    globalPosition: c[0],
    type: c[4],
    schemaVersion: c[5],
    data: parseJson(c[6], 'data', c[1], c[2]),
    metadata: parseJson(c[7], 'metadata', c[1], c[2]),
    prevHash: c[8],
    hash: c[9],
  })

/** A row object decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromRow = (row: EventRow): RecordedEvent =>
  fromColumns([row.global_position, row.stream_id, row.version, row.event_id, row.type, row.schema_version, row.data, row.metadata, row.prev_hash, row.hash])
