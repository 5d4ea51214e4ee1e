/**
 * Events as table rows and back. A row read from the file is not trusted until it decodes as
 * core's `RecordedEvent`; one that does not is corruption, reported with its stream and version.
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

/** The columns of `events` in the order `toRow` fills them. */
export const EVENT_COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

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

const parseJson = (row: EventRow, column: 'data' | 'metadata'): unknown => {
  try {
    return JSON.parse(row[column])
  } catch (error) {
    throw new CorruptEventError(row.stream_id, row.version, `column ${column} is not JSON (${String(error)})`)
  }
}

/** A row decoded and validated as a `RecordedEvent`; throws `CorruptEventError` naming stream and version. */
export const fromRow = (row: EventRow): RecordedEvent => {
  const candidate = {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: row.global_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: parseJson(row, 'data'),
    metadata: parseJson(row, 'metadata'),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
  const decoded = RecordedEvent.decode(candidate)
  if (E.isLeft(decoded))
    throw new CorruptEventError(
      String(row.stream_id),
      typeof row.version === 'number' ? row.version : null,
      describeErrors(decoded.left)
        .map((d) => d.message)
        .join('; '),
    )
  return decoded.right
}
