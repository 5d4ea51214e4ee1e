/**
 * Events as table rows and back. A row read from the server is not trusted until it decodes as
 * core's `RecordedEvent`; one that does not is corruption, reported with its stream and version.
 * JSON columns are read as text (`data::text`) and parsed by the store kit's `recordedEventOfRow`, so a bad
 * one is named too, and positions (`bigint`, which the driver hands over as strings) must be safe integers.
 */
import type { RecordedEvent } from '@talent-ledger/core'
import { CorruptEventError, recordedEventOfRow, type EventRow as SqlEventRow } from '@talent-ledger/core/store-kit'

/** A row of `events` as selected by `EVENT_COLUMNS` (`bigint` positions come as strings). */
export type EventRow = SqlEventRow<string>

/** The select list that yields an `EventRow`. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data::text AS data, metadata::text AS metadata, prev_hash, hash'

/** A `bigint` column as a number; throws `CorruptEventError` when it is not a safe integer. */
const position = (row: EventRow): number => {
  const n = Number(row.global_position)
  if (!Number.isSafeInteger(n)) throw new CorruptEventError(row.stream_id, row.version, `global_position ${row.global_position} is not a safe integer`)
  return n
}

/** A row decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromRow = (row: EventRow): RecordedEvent => recordedEventOfRow(row, position(row))

/** A `bigint` from the driver (a string) as a number. */
export const toPosition = (value: string | number | null | undefined): number => (value === null || value === undefined ? 0 : Number(value))
