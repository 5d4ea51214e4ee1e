/**
 * Events as table rows and back. A row read from the server is not trusted until it decodes as
 * core's `RecordedEvent`; one that does not is corruption, reported with its stream and version.
 * JSON columns are read as text (`data::text`) and parsed by the store kit's `recordedEventOfRow`, so a bad
 * one is named too, and positions (`bigint`, which the driver hands over as strings) must be safe integers.
 */
import type { LogKey, RecordedEvent } from '@talent-ledger/core'
import { CorruptEventError, recordedEventOfRow, recordedEventOfStreamRow, type EventRow as SqlEventRow } from '@talent-ledger/core/store-kit'

/** A row of `events` as selected by `EVENT_COLUMNS` (`bigint` positions come as strings). */
export type EventRow = SqlEventRow<string>

/** The select list that yields an `EventRow`. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data::text AS data, metadata::text AS metadata, prev_hash, hash'

/** The `bigint` column of a row of stream `streamId` as a number; throws `CorruptEventError` when it is not a safe integer. */
const position = (streamId: string, row: StreamEventRow): number => {
  const n = Number(row.global_position)
  if (!Number.isSafeInteger(n)) throw new CorruptEventError(streamId, row.version, `global_position ${row.global_position} is not a safe integer`)
  return n
}

/** A row decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromRow = (row: EventRow): RecordedEvent => recordedEventOfRow(row, position(row.stream_id, row))

/**
 * The select list of a stream's read: `EVENT_COLUMNS` but `stream_id`. Its `WHERE stream_id = $1`
 * holds only for a row whose `stream_id` is that very text (the column's collation, "C", is
 * deterministic: equal means the same bytes), so the id read back could be nothing but the one
 * asked for: one column fewer for the server to send and the driver to make a string of, per row.
 */
export const STREAM_EVENT_COLUMNS = EVENT_COLUMNS.replace('stream_id, ', '')

/** A row of `events` as selected by `STREAM_EVENT_COLUMNS`. */
export type StreamEventRow = Omit<EventRow, 'stream_id'>

/** A row of stream `streamId` decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromStreamRow = (streamId: string, row: StreamEventRow): RecordedEvent => recordedEventOfStreamRow(streamId, row, position(streamId, row))

/** A `bigint` from the driver (a string) as a number. */
export const toPosition = (value: string | number | null | undefined): number => (value === null || value === undefined ? 0 : Number(value))

/** A row of `read_after` as the audit's `logKeys` selects it (`bigint` positions come as strings). */
export interface LogKeyRow {
  readonly global_position: unknown
  readonly stream_id: unknown
  readonly version: unknown
  readonly hash: unknown
}

/**
 * A row of the log's order as its key; its types checked as the full row's would be (a row whose
 * content is corrupt is the audit's `events` read to name: it decodes every row).
 */
export const logKeyOf = (row: LogKeyRow): LogKey => {
  const { stream_id: streamId, version, hash } = row
  const globalPosition = Number(row.global_position)
  if (!Number.isSafeInteger(globalPosition) || typeof streamId !== 'string' || typeof version !== 'number' || typeof hash !== 'string')
    throw new CorruptEventError(String(streamId), typeof version === 'number' ? version : null, "the row's position, stream, version or hash is not of its type")
  return { globalPosition, streamId, version, hash }
}
