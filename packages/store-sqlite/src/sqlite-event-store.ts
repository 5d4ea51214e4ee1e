/**
 * The EventStore port on one SQLite file (better-sqlite3). An append is one `BEGIN IMMEDIATE`
 * transaction: check the expected version against `streams`, seal with core `sealEvents` at the
 * next positions, move the head, insert — all or nothing (the head first: the stored-row-integrity triggers
 * want it there before its events). better-sqlite3 is synchronous, so appends
 * in one process never interleave; between processes SQLite's write lock (with a busy timeout)
 * serialises them, which also makes commit order and position order the same. Inline projections
 * are folded and stored in the same transaction, so a rolled-back append leaves their states too.
 */
import type Database from 'better-sqlite3'
import {
  type AppendManyOutcome,
  type AppendOptions,
  type AppendOutcome,
  type CheckpointStore,
  type Clock,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StoredStreamHead,
  type StreamAppend,
} from '@talent-ledger/core'
import { appendInOrder, appendedOutcome, conflictOutcome, eventInAnotherStream, sealEventsWithTexts, versionMatches } from '@talent-ledger/core/store-kit'
import { CHECKPOINT_UPSERT } from './checkpoint-upsert.js'
import { translatingWriteErrors } from './errors.js'
import { listDigests, recordDigest, type StoredLedgerDigest } from './ledger-digests.js'
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type OpenOptions } from './open-database.js'
import { inlineProjections, type InlineProjection } from './inline-projections.js'
import { nativeSha256Hex } from '@talent-ledger/node'
import { projectionTable, type ProjectionSnapshot } from './projection-table.js'
import { EVENT_COLUMNS, eventsOfColumns, fromColumns, logKeyOf, sealedRow, STREAM_EVENT_COLUMNS, streamEventsOfColumns, type EventColumns, type LogKeyColumns } from './rows.js'
import { startSubscriber, type Subscriber } from './subscriber.js'
import { auditReader } from './audit-reader.js'
import { sqliteOutbox } from './sqlite-outbox.js'

/** Thrown inside a group's transaction to roll it back; carries the group's conflicts out. */
class GroupConflict extends Error {
  constructor(readonly outcome: AppendManyOutcome) {
    super('a request of the group conflicts')
  }
}

/** Options of `createSqliteEventStore`. */
export interface SqliteEventStoreOptions extends OpenOptions {
  /** How often subscriptions look for events appended by other processes (default 25 ms). */
  readonly pollMs?: number
  /** Record time of ledger digests (default: the system clock). */
  readonly clock?: Clock
  /** Projections updated in the append transaction, their states kept in the `projections` table. */
  readonly inlineProjections?: ReadonlyArray<InlineProjection>
}

/** The SQLite store: the port, plus ledger digests and the open connection (for a key store in the same file). */
export interface SqliteEventStore extends EventStore {
  readonly appendMany: NonNullable<EventStore['appendMany']>
  /** The better-sqlite3 connection; pass it to `createSqliteKeyStore` to keep keys in the same file. */
  readonly database: Database.Database
  /**
   * Runs `work` (steps with awaits between them, on this connection) as one `BEGIN IMMEDIATE`
   * transaction: its appends and the keys a key store on `database` creates meanwhile commit
   * together, with one sync; a rejection rolls all of it back. The write lock is held throughout.
   * Readers on this same connection (a subscription of this store object) see the unit's rows
   * before they commit: use it where nothing else reads through the store meanwhile (onboarding).
   */
  readonly inOneCommit: <T>(work: () => Promise<T>) => Promise<T>
  /** Computes the ledger digest at the current position and stores it. */
  readonly recordLedgerDigest: () => Promise<StoredLedgerDigest>
  /** Every stored ledger digest, oldest first. */
  readonly ledgerDigests: () => Promise<ReadonlyArray<StoredLedgerDigest>>
  /**
   * The stored state of projection `name` (a fresh copy), an inline one first brought up to the log;
   * undefined when nothing is stored under that name. `S` is the caller's word for its state type.
   */
  readonly projectionState: <S = unknown>(name: string) => Promise<ProjectionSnapshot<S> | undefined>
}

/** Most types `readAll({ types })` binds (SQLite allows 32,766 parameters); beyond it every row is read and the reader skips. */
const MAX_TYPES_BOUND = 500

/** Which rows `readAll` reads, in its order: shared with the audit's `logKeys`, so the two cannot drift apart. */
const READ_ALL = 'FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?'

/** Opens (or creates) the store file at `path`; throws `StoreOpenError` when it cannot be used. */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const { path } = options
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const db = openDatabase(options)
  const now = options.clock?.now ?? (() => new Date().toISOString())
  const write = <T>(f: () => T): T => translatingWriteErrors(path, busyTimeoutMs, f)

  const sql = {
    byEventId: db.prepare('SELECT stream_id, version, global_position, hash FROM events WHERE event_id = ?'),
    head: db.prepare('SELECT version, hash FROM streams WHERE stream_id = ?'),
    // what an append reads before it writes, in one statement (each costs its own call): where the
    // batch's first event is stored if it is (a retry), the stream's head, and the log's top position
    before: db
      .prepare(
        `SELECT e.stream_id, e.version, e.global_position, e.hash, h.version, h.hash, (SELECT COALESCE(MAX(global_position), 0) FROM events)
         FROM (SELECT 1) LEFT JOIN events e ON e.event_id = ? LEFT JOIN streams h ON h.stream_id = ?`,
      )
      .raw(),
    insert: db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_COLUMNS.split(', ').map(() => '?').join(', ')})`),
    moveHead: db.prepare(
      'INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, hash = excluded.hash',
    ),
    readStream: db.prepare(`SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version`).raw(),
    heads: db.prepare('SELECT stream_id AS streamId, version, hash FROM streams ORDER BY stream_id'),
    readAll: db.prepare(`SELECT ${EVENT_COLUMNS} ${READ_ALL}`).raw(),
    // the very rows readAll reads, keys only: the verifier follows the log's order without parsing them again
    logKeys: db.prepare(`SELECT global_position, stream_id, version, hash ${READ_ALL}`).raw(),
    loadCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck(),
    saveCheckpoint: db.prepare(CHECKPOINT_UPSERT),
  }

  // the audit's reads: every row by its (stream_id, version) index, whatever its position
  const auditEvents = auditReader((where) => db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ${where} ORDER BY stream_id, version LIMIT ?`).raw(), ['stream_id', 'version'])
  const projections = projectionTable(db)
  const readPage = (after: number, limit: number): RecordedEvent[] => eventsOfColumns(sql.readAll.all(after, limit))
  // `readAll({ types })`: SQLite skips the other rows before any is handed to JavaScript (no column
  // copied, no JSON parsed); one statement per number of types, the types bound as parameters
  const readTypedBy = new Map<number, Database.Statement>()
  const readTypedPage = (after: number, limit: number, types: ReadonlySet<string>): RecordedEvent[] => {
    let statement = readTypedBy.get(types.size)
    if (statement === undefined) {
      const marks = Array.from(types, () => '?').join(', ')
      statement = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND type IN (${marks}) ORDER BY global_position LIMIT ?`).raw()
      readTypedBy.set(types.size, statement)
    }
    return eventsOfColumns(statement.all(after, ...types, limit))
  }
  const inline = inlineProjections(options.inlineProjections ?? [], projections, readPage)
  const outbox = sqliteOutbox(db, write)

  type Located = { stream_id: string; version: number; global_position: number; hash: string }
  type Before = [string | null, number | null, number | null, string | null, number | null, string | null, number]
  /** One append, inside the caller's transaction; `createdAt` is read for notices only. */
  const appendIn = (streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion, notices: AppendOptions['outbox'], createdAt: () => string): AppendOutcome => {
    const first = events[0]
    const [storedIn, storedVersion, storedPosition, storedHash, headVersion, headHash, top] = sql.before.get(first?.eventId ?? null, streamId) as Before
    // a retried batch whose first id is already stored returns the original outcome
    if (storedIn !== null) {
      if (storedIn !== streamId) throw eventInAnotherStream(first!.eventId, storedIn, streamId)
      const last = sql.byEventId.get(events[events.length - 1]!.eventId) as Located | undefined
      return appendedOutcome({ streamId, version: last?.version ?? storedVersion!, lastPosition: last?.global_position ?? storedPosition!, lastHash: last?.hash ?? storedHash! })
    }
    const actual = headVersion ?? 0
    if (!versionMatches(expected, actual)) return conflictOutcome(streamId, expected, actual)
    if (events.length === 0) return appendedOutcome({ streamId, version: actual, lastPosition: top })
    const rows = sealEventsWithTexts({ streamId, version: actual, hash: headHash ?? '' }, events, (i) => top + i + 1, nativeSha256Hex).map(sealedRow)
    const last = rows[rows.length - 1]!
    // NOTE: the head first, then its events: the stored-row-integrity triggers refuse an event whose head
    // is not already at or past it (SQLite checks per row, never at commit)
    sql.moveHead.run(streamId, last.version, last.hash)
    for (const r of rows) sql.insert.run(r.global_position, r.stream_id, r.version, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.prev_hash, r.hash)
    inline.applyInTransaction(top, rows)
    if (notices !== undefined && notices.length > 0) outbox.insertInTransaction(notices, createdAt())
    return appendedOutcome({ streamId, version: last.version, lastPosition: last.global_position, lastHash: last.hash })
  }
  const appendTx = db.transaction(appendIn)
  /**
   * A group's appends in order, inside the caller's transaction. The clock is read once, for the
   * first request with notices: the group's rows are written, and commit, together.
   */
  const appendGroup = (requests: ReadonlyArray<StreamAppend>): AppendManyOutcome => {
    let at: string | undefined
    const createdAt = (): string => (at ??= now())
    return appendInOrder(requests, (r) => appendIn(r.streamId, r.events, r.expected, r.outbox, createdAt))
  }
  // a group: every request in one transaction, rolled back (by the throw) when any of them conflicts
  const appendManyTx = db.transaction((requests: ReadonlyArray<StreamAppend>): AppendManyOutcome => {
    const outcome = appendGroup(requests)
    if (!outcome.ok) throw new GroupConflict(outcome)
    return outcome
  })

  /**
   * The group's conflicts, found before anything is written: the requests in order, each against
   * its stream's head as the earlier ones leave it (a request already stored, a retry, moves
   * nothing), as `appendInOrder` over `appendIn` would find them.
   */
  const conflictsOf = (requests: ReadonlyArray<StreamAppend>): AppendManyOutcome | null => {
    const heads = new Map<string, number>()
    const conflicts = []
    for (const r of requests) {
      const first = r.events[0]
      if (first !== undefined && sql.byEventId.get(first.eventId) !== undefined) continue
      const actual = heads.get(r.streamId) ?? ((sql.head.get(r.streamId) as { version: number } | undefined)?.version ?? 0)
      const outcome = versionMatches(r.expected, actual) ? null : conflictOutcome(r.streamId, r.expected, actual)
      if (outcome !== null && !outcome.ok) conflicts.push(outcome.conflict)
      else heads.set(r.streamId, actual + r.events.length)
    }
    return conflicts.length === 0 ? null : { ok: false, conflicts }
  }
  // WHY not the savepoint `appendManyTx` inside an open transaction: SQLite then journals every page
  // the whole unit touched into the savepoint's sub-journal, and truncates it after each statement
  // (measured: onboarding's appends took 9× the CPU). Conflicts are found first instead, so a
  // conflicting group writes nothing; a failure midway rejects, and the unit rolls back whole.
  const appendManyInUnit = (requests: ReadonlyArray<StreamAppend>): AppendManyOutcome => conflictsOf(requests) ?? appendGroup(requests)

  const catchUpTx = db.transaction((name: string) => inline.catchUpInTransaction(name))
  const subscribers = new Set<Subscriber>()

  const append = async (streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion, o: AppendOptions = {}): Promise<AppendOutcome> => {
    let outcome: AppendOutcome
    try {
      // the clock is read only for an append that has notices
      outcome = write(() => appendTx.immediate(streamId, events, expected, o.outbox, now))
    } catch (error) {
      // rolled back: the in-memory states may hold its events, so they reload from the stored rows
      inline.forget()
      throw error
    }
    if (outcome.ok && events.length > 0) for (const s of subscribers) void s.wake()
    return outcome
  }

  const appendMany = async (requests: ReadonlyArray<StreamAppend>): Promise<AppendManyOutcome> => {
    let outcome: AppendManyOutcome
    try {
      outcome = write(() => (db.inTransaction ? appendManyInUnit(requests) : appendManyTx.immediate(requests)))
    } catch (error) {
      // rolled back: the in-memory states may hold its events, so they reload from the stored rows
      inline.forget()
      if (error instanceof GroupConflict) return error.outcome
      throw error
    }
    if (requests.some((r) => r.events.length > 0)) for (const s of subscribers) void s.wake()
    return outcome
  }

  const checkpoints: CheckpointStore = {
    load: async (name) => (sql.loadCheckpoint.get(name) as number | undefined) ?? 0,
    save: async (name, position) => void write(() => sql.saveCheckpoint.run(name, position)),
  }

  const inOneCommit = async <T>(work: () => Promise<T>): Promise<T> => {
    if (db.inTransaction) return work()
    write(() => db.prepare('BEGIN IMMEDIATE').run())
    try {
      const done = await work()
      write(() => db.prepare('COMMIT').run())
      return done
    } finally {
      // a failed step, or a failed COMMIT (SQLite may leave the transaction open): nothing of the unit stays
      if (db.inTransaction) {
        db.prepare('ROLLBACK').run()
        inline.forget()
      }
    }
  }

  return {
    database: db,
    inOneCommit,
    append,
    appendMany,
    readStream: async (streamId, fromVersion = 1) => streamEventsOfColumns(streamId, sql.readStream.all(streamId, fromVersion)),
    readAll: async (o: ReadAllOptions = {}) =>
      o.types === undefined || o.types.size === 0 || o.types.size > MAX_TYPES_BOUND ? readPage(o.after ?? 0, o.limit ?? -1) : readTypedPage(o.after ?? 0, o.limit ?? -1, o.types),
    streamHeads: async () => sql.heads.all() as StoredStreamHead[],
    audit: {
      events: async (page) => (auditEvents(page, (after) => [after.streamId, after.version]) as EventColumns[]).map(fromColumns),
      outbox: async (page) => outbox.auditPage(page),
      outboxByStream: async (page) => outbox.auditByStreamPage(page),
      logKeys: async (o: ReadAllOptions = {}) => (sql.logKeys.all(o.after ?? 0, o.limit ?? -1) as LogKeyColumns[]).map(logKeyOf),
    },
    checkpoints,
    outbox,
    subscribe: (name, handler) => {
      const s: Subscriber = startSubscriber(readPage, checkpoints, name, handler, options.pollMs ?? 25, () => subscribers.delete(s))
      subscribers.add(s)
      return { caughtUp: s.caughtUp, stop: s.stop }
    },
    recordLedgerDigest: async () => write(() => recordDigest(db, now)),
    ledgerDigests: async () => listDigests(db),
    projectionState: async <S>(name: string) => {
      if (inline.has(name) && !db.readonly && projections.position(name) !== projections.top()) {
        try {
          write(() => catchUpTx.immediate(name))
        } catch (error) {
          inline.forget()
          throw error
        }
      }
      return projections.load<S>(name)
    },
    close: async () => {
      await Promise.all([...subscribers].map((s) => s.stop()))
      if (db.open) db.close()
    },
  }
}
