/**
 * Events as table rows and back. A row read from the file is not trusted until it decodes as
 * core's `RecordedEvent` (io-ts); one that does not is corruption, reported with its stream and
 * version. Reads are the hot path of every command and replay, so a row is fetched as an array of
 * columns (`.raw()`, no per-row object keyed by column names), a stream's read leaves out the
 * `stream_id` its `WHERE` fixed, its two JSON columns are parsed once, and the envelope is checked
 * by the store kit's `checkedRecordedEvent` — a hand-written check that accepts exactly what the
 * `RecordedEvent` codec accepts, the codec itself running only on a row it refuses, to name the
 * fault (the PostgreSQL store uses the same check).
 */
import { CorruptEventError, type LogKey, type RecordedEvent } from '@talent-ledger/core'
import { checkedRecordedEvent, deepFreeze, eventJsonColumn, recordedEventOfRow, type EventRow as SqlEventRow, type SealedEvent } from '@talent-ledger/core/store-kit'

/** A row of the `events` table. */
export type EventRow = SqlEventRow<number>

/** The columns of `events` in the order `sealedRow` fills them and `fromColumns` reads them. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

/** A row as a `.raw()` statement over `EVENT_COLUMNS` returns it. */
export type EventColumns = readonly [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown]

/**
 * A newly sealed event as the values of an insert: its data and metadata stored as the canonical
 * texts sealing hashed (JSON with sorted keys; they read back as the same values), not written again.
 */
export const sealedRow = ({ event: e, data, metadata }: SealedEvent): EventRow => ({
  global_position: e.globalPosition,
  stream_id: e.streamId,
  version: e.version,
  event_id: e.eventId,
  type: e.type,
  schema_version: e.schemaVersion,
  // a value without JSON text is refused by the NOT NULL column, as JSON.stringify's undefined was
  data: data as string,
  metadata: metadata as string,
  prev_hash: e.prevHash,
  hash: e.hash,
})

// The metadata text of the last row accepted, and its parsed (and then frozen) value. The events of
// one command are stored next to each other with the same metadata text (about a quarter of a
// city's log follows a row with the same text): the same text parses to the same value, which the
// envelope check found valid with the row before, so it is handed out again, at the cost of a
// comparison, instead of parsed again. Frozen once shared, so no reader can change it under another.
let lastMetadataText: unknown = undefined
let lastMetadata: unknown = undefined

const metadataOf = (text: unknown, streamId: unknown, version: unknown): unknown => {
  if (text !== lastMetadataText || typeof text !== 'string') return eventJsonColumn(text, 'metadata', streamId, version)
  deepFreeze(lastMetadata)
  return lastMetadata
}

/** The values of one row, whichever columns they came from, decoded and validated as a `RecordedEvent`. */
const checkedEvent = (
  streamId: unknown,
  globalPosition: unknown,
  version: unknown,
  eventId: unknown,
  type: unknown,
  schemaVersion: unknown,
  data: unknown,
  metadata: unknown,
  prevHash: unknown,
  hash: unknown,
): RecordedEvent => {
  const e = checkedRecordedEvent({
    eventId,
    streamId,
    version,
    globalPosition,
    type,
    schemaVersion,
    data: eventJsonColumn(data, 'data', streamId, version),
    metadata: metadataOf(metadata, streamId, version),
    prevHash,
    hash,
  })
  lastMetadataText = metadata
  lastMetadata = e.metadata
  return e
}

/** A `.raw()` row (columns in `EVENT_COLUMNS` order) decoded and validated as a `RecordedEvent`. */
export const fromColumns = (c: EventColumns): RecordedEvent => checkedEvent(c[1], c[0], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9])

/**
 * The `.raw()` rows of a statement (columns in `EVENT_COLUMNS` order) as `RecordedEvent`s, each
 * decoded and validated, in the array the driver handed over (it is the caller's alone): no second
 * array per read, and no closure.
 */
export const eventsOfColumns = (rows: unknown[]): RecordedEvent[] => {
  for (let i = 0; i < rows.length; i++) rows[i] = fromColumns(rows[i] as EventColumns)
  return rows as RecordedEvent[]
}

/**
 * The columns of `events` a stream's read selects: `EVENT_COLUMNS` but `stream_id`. Its `WHERE
 * stream_id = ?` holds only for a row whose `stream_id` is that very text (a BLOB or number never
 * equals TEXT in SQLite, and the column's collation is binary), so the id read back could be
 * nothing but the one asked for: one string fewer for the driver to make per row, and one shared
 * string for the check to compare.
 */
export const STREAM_EVENT_COLUMNS = 'global_position, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

/** A row as a `.raw()` statement over `STREAM_EVENT_COLUMNS` returns it. */
export type StreamEventColumns = readonly [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown]

/** A `.raw()` row of stream `streamId` (columns in `STREAM_EVENT_COLUMNS` order) decoded and validated as a `RecordedEvent`. */
export const fromStreamColumns = (streamId: string, c: StreamEventColumns): RecordedEvent => checkedEvent(streamId, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])

/** The `.raw()` rows of stream `streamId` (columns in `STREAM_EVENT_COLUMNS` order) as `RecordedEvent`s, in place, as `eventsOfColumns` does. */
export const streamEventsOfColumns = (streamId: string, rows: unknown[]): RecordedEvent[] => {
  for (let i = 0; i < rows.length; i++) rows[i] = fromStreamColumns(streamId, rows[i] as StreamEventColumns)
  return rows as RecordedEvent[]
}

/** A row object decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromRow = (row: EventRow): RecordedEvent => recordedEventOfRow(row)

/** A `.raw()` row of (global_position, stream_id, version, hash). */
export type LogKeyColumns = readonly [unknown, unknown, unknown, unknown]

/**
 * A row of the log's order as its key; its types checked as the full row's would be (a row whose
 * content is corrupt is the audit's `events` read to name: it decodes every row).
 */
export const logKeyOf = (c: LogKeyColumns): LogKey => {
  const [globalPosition, streamId, version, hash] = c
  if (typeof globalPosition !== 'number' || typeof streamId !== 'string' || typeof version !== 'number' || typeof hash !== 'string')
    throw new CorruptEventError(String(streamId), typeof version === 'number' ? version : null, 'the row\'s position, stream, version or hash is not of its type')
  return { globalPosition, streamId, version, hash }
}
