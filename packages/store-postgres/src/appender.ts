/**
 * One append, as few round trips as it can: the events are sealed in JavaScript with core
 * `sealEventsWithTexts` (native SHA-256) against the stream head, their data and metadata stored as
 * the canonical texts the hash covered, then one statement moves the head only if
 * it is still that head and inserts the events and their outbox rows: the plain SQL of
 * `fast-append.ts` outside a caller's transaction, falling back to the `append_events` function
 * when that finds anything unusual, and the function alone inside a transaction. The head is known
 * without asking for a new stream (`no-stream`, 0) and when the store has seen it (its own appends,
 * a `readStream` that reached the end); otherwise one query reads it first. A head the store
 * remembered wrongly only costs a retry (the plain statement stores nothing, the function reports
 * the actual head). The unique `(stream_id, version)` constraint is the backstop; should it fire,
 * the append is a `Conflict`.
 */
import type { AppendOutcome, AppendResult, ExpectedVersion, NewEvent, OutboxEntry, RecordedEvent } from '@talent-ledger/core'
import { appendedOutcome, conflictOutcome, eventInAnotherStream, sealEventsWithTexts, versionMatches } from '@talent-ledger/core/store-kit'
import { constraintOf, errorCode } from './errors.js'
import { fastAppendSql } from './fast-append.js'
import { HeadCache, type Head } from './head-cache.js'
import { nativeSha256Hex } from '@talent-ledger/node'
import type { Queryable } from './projection-table.js'
import type { Schema } from './schema-name.js'
import { MAX_BATCH } from './sql-functions.js'
import { outboxRowsJson } from './outbox-payloads.js'
import { toPosition } from './rows.js'

/** What an append yields: the port's outcome plus, when events were stored, the events as a reader will see them. */
export interface Appended {
  readonly outcome: AppendOutcome
  /** How many events this call stored (0 for a conflict or a retried batch). */
  readonly written: number
  /** The events it stored, as a reader will see them; built on demand (only inline projections need them). */
  readonly stored: () => ReadonlyArray<RecordedEvent>
}

const NOTHING_STORED = (): ReadonlyArray<RecordedEvent> => []

/** One append's request. */
export interface AppendRequest {
  readonly streamId: string
  readonly events: ReadonlyArray<NewEvent>
  readonly expected: ExpectedVersion
  readonly outbox: ReadonlyArray<OutboxEntry>
  /** Record time of the outbox rows (null when there are none). */
  readonly createdAt: string | null
  /** Take the append lock exclusively (inline projections fold in log order). */
  readonly exclusive: boolean
}

interface FunctionRow {
  readonly r_status: 'appended' | 'duplicate' | 'conflict'
  readonly r_version: number
  readonly r_first: string | null
  readonly r_last: string | null
  readonly r_hash: string | null
  readonly r_stream: string | null
}

interface Probe {
  readonly version: number | null
  readonly hash: string | null
  readonly first_stream: string | null
  readonly first_position: string | null
  readonly last_version: number | null
  readonly last_position: string | null
  readonly first_version: number | null
}

/** The backstop fired: the caller rolls back (if in a transaction) and reports a `Conflict` with the actual head. */
export class BackstopConflict extends Error {
  constructor(readonly streamId: string, options?: { readonly cause?: unknown }) {
    super(`two appends raced for the same version of ${streamId}`, options)
    this.name = 'BackstopConflict'
  }
}

/** Whether `error` is a unique violation of `constraint`. */
const violates = (error: unknown, constraint: string): boolean => errorCode(error) === '23505' && constraintOf(error) === constraint

/** Rethrows an append's `error`: as a `BackstopConflict` when the `(stream_id, version)` backstop fired. */
const rethrow = (streamId: string, error: unknown): never => {
  if (violates(error, 'events_stream_version')) throw new BackstopConflict(streamId, { cause: error })
  throw error
}

/** The appender of one store; `heads` remembers heads it has seen. */
export const createAppender = (s: Schema, heads: HeadCache) => {
  const fnSql = `SELECT * FROM ${s.sql}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`
  const probeSql = `SELECT h.version, h.hash, f.stream_id AS first_stream, f.version AS first_version, f.global_position AS first_position,
      l.version AS last_version, l.global_position AS last_position
    FROM (SELECT 1) AS one
    LEFT JOIN ${s.sql}.streams h ON h.stream_id = $1
    LEFT JOIN ${s.sql}.events f ON f.event_id = $2
    LEFT JOIN ${s.sql}.events l ON l.event_id = $3`
  const fnName = `tl-append-${s.name}`
  // the plain statements: [one event][fresh stream][with outbox rows]
  const fast = [false, true].map((single) =>
    [false, true].map((fresh) =>
      [false, true].map((outbox) => ({
        name: `tl-append-${single ? 'one-' : ''}${fresh ? 'new' : 'at'}${outbox ? '-outbox' : ''}-${s.name}`,
        text: fastAppendSql(s, fresh, outbox, single),
      })),
    ),
  )
  const probeName = `tl-probe-${s.name}`

  /** The stream's head and, if the batch's first event is stored, the original result. */
  const probe = async (q: Queryable, streamId: string, events: ReadonlyArray<NewEvent>) => {
    const { rows } = await q.query<Probe>({
      name: probeName,
      text: probeSql,
      values: [streamId, events[0]?.eventId ?? '', events[events.length - 1]?.eventId ?? ''],
    })
    const p = rows[0]!
    const head: Head = { version: p.version ?? 0, hash: p.hash ?? '' }
    if (p.first_stream === null) return { head, original: undefined }
    if (p.first_stream !== streamId) throw eventInAnotherStream(events[0]!.eventId, p.first_stream, streamId)
    const original: AppendResult =
      p.last_version === null
        ? { streamId, version: p.first_version!, lastPosition: toPosition(p.first_position) }
        : { streamId, version: p.last_version, lastPosition: toPosition(p.last_position) }
    return { head, original }
  }

  const conflict = (r: AppendRequest, actual: number): Appended => ({
    outcome: conflictOutcome(r.streamId, r.expected, actual),
    written: 0,
    stored: NOTHING_STORED,
  })

  /**
   * The batch stored by the plain statement (its first position), or null when the head was not
   * where it was sealed against or one of its event ids is stored already: `append_events` decides.
   * The head's hashes are the events' own (`fastAppendSql`): the first previous hash is the head's.
   */
  const fastAppend = async (
    q: Queryable,
    streamId: string,
    head: Head,
    columns: ReadonlyArray<unknown>,
    outbox: string | null,
    createdAt: string | null,
  ): Promise<number | null> => {
    const fresh = head.version === 0
    // one event: its values as they are, not one-element arrays
    const single = (columns[0] as ReadonlyArray<unknown>).length === 1
    const values = [streamId, head.version, ...(single ? columns.map((c) => (c as ReadonlyArray<unknown>)[0]) : columns)]
    if (outbox !== null) values.push(outbox, createdAt)
    try {
      const { rows } = await q.query<{ base: string }>({ ...fast[single ? 1 : 0]![fresh ? 1 : 0]![outbox === null ? 0 : 1]!, values })
      return rows[0] === undefined ? null : toPosition(rows[0].base)
    } catch (error) {
      if (violates(error, 'events_event_id')) return null
      return rethrow(streamId, error)
    }
  }

  /** Appends `r` through `q` (the pool: its own transaction; a client: inside the caller's, `r.exclusive`). */
  const append = async (q: Queryable, r: AppendRequest): Promise<Appended> => {
    const { streamId, events } = r
    if (events.length > MAX_BATCH) throw new RangeError(`an append takes at most ${MAX_BATCH} events, not ${events.length}`)
    let head = heads.known(streamId, r.expected)
    for (;;) {
      if (head === undefined || events.length === 0) {
        const p = await probe(q, streamId, events)
        if (p.original !== undefined) return { outcome: appendedOutcome(p.original), written: 0, stored: NOTHING_STORED }
        head = p.head
        heads.remember(streamId, head)
        if (!versionMatches(r.expected, head.version)) return conflict(r, head.version)
        if (events.length === 0) return { outcome: appendedOutcome({ streamId, version: head.version, lastPosition: 0 }), written: 0, stored: NOTHING_STORED }
      }
      // the data and metadata stored are the canonical texts sealing hashed (jsonb keeps the same
      // values as from JSON.stringify's texts; a value without JSON text is refused by NOT NULL)
      const texts = sealEventsWithTexts({ streamId, version: head.version, hash: head.hash }, events, () => 0, nativeSha256Hex)
      const sealed = texts.map((t) => t.event)
      const data = texts.map((t) => t.data)
      const metadata = texts.map((t) => t.metadata)
      const columns = [
        sealed.map((e) => e.eventId), sealed.map((e) => e.type), sealed.map((e) => e.schemaVersion), data, metadata,
        sealed.map((e) => e.prevHash), sealed.map((e) => e.hash),
      ]
      const outbox = r.outbox.length === 0 ? null : outboxRowsJson(r.outbox)
      const last = sealed[sealed.length - 1]!
      const appended = (first: number): Appended => {
        heads.remember(streamId, { version: last.version, hash: last.hash })
        // as a reader will see them: positions assigned, data and metadata through JSON
        const stored = () => sealed.map((e, i) => ({ ...e, globalPosition: first + i, data: JSON.parse(data[i]!) as unknown, metadata: JSON.parse(metadata[i]!) as RecordedEvent['metadata'] }))
        return { outcome: appendedOutcome({ streamId, version: last.version, lastPosition: first + sealed.length - 1 }), written: sealed.length, stored }
      }
      if (!r.exclusive) {
        const first = await fastAppend(q, streamId, head, columns, outbox, r.createdAt)
        if (first !== null) return appended(first)
      }
      let row: FunctionRow
      try {
        const result = await q.query<FunctionRow>({
          name: fnName,
          text: fnSql,
          values: [streamId, head.version, head.hash, r.exclusive, ...columns, outbox, r.createdAt],
        })
        row = result.rows[0]!
      } catch (error) {
        return rethrow(streamId, error)
      }
      if (row.r_status === 'appended') return appended(toPosition(row.r_first))
      if (row.r_status === 'duplicate') {
        if (row.r_stream !== streamId) throw eventInAnotherStream(events[0]!.eventId, row.r_stream ?? '?', streamId)
        return { outcome: appendedOutcome({ streamId, version: row.r_version, lastPosition: toPosition(row.r_last) }), written: 0, stored: NOTHING_STORED }
      }
      head = { version: row.r_version, hash: row.r_hash ?? '' }
      heads.remember(streamId, head)
      if (!versionMatches(r.expected, head.version)) return conflict(r, head.version)
      // `any`, or a head remembered wrongly: seal again on the actual head
    }
  }

  /** The `Conflict` for a stream whose append hit the backstop, with its actual version. */
  const backstopConflict = async (q: Queryable, r: AppendRequest): Promise<Appended> => {
    heads.forget(r.streamId)
    const p = await probe(q, r.streamId, r.events)
    if (p.original !== undefined) return { outcome: appendedOutcome(p.original), written: 0, stored: NOTHING_STORED }
    return conflict(r, p.head.version)
  }

  return { append, backstopConflict }
}
