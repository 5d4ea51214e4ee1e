/**
 * The EventStore port on PostgreSQL (pg). An append is one statement — one round trip, one
 * transaction (`appender.ts`: the plain SQL of `fast-append.ts`, or the schema's `append_events`
 * function when that finds anything unusual) — that moves the stream head only if it is where the
 * events were sealed against, inserts the events with positions derived from the transaction id,
 * and writes their outbox rows. Appenders to different streams run side by side (group commit);
 * `readAll` and subscriptions return only the final part of the log, below the read horizon, so
 * they see events in one order and never skip one that commits late (see `sql-functions.ts`).
 * With inline projections an append is a transaction holding the schema's append lock
 * exclusively: the projections fold in log order and commit with the events.
 */
import pg from 'pg'
import type { AppendManyOutcome, AppendOptions, AuditPage, CheckpointStore, Clock, EventKey, EventStore, ExpectedVersion, NewEvent, ReadAllOptions, RecordedEvent, StoredStreamHead, StreamAppend, Subscription } from '@talent-ledger/core'
import { BackstopConflict, createAppender, type Appended, type AppendRequest } from './appender.js'
import { prepareSchema } from './connect.js'
import { retryingPort, retryOnConnectionLoss } from './connection-loss.js'
import { createStorePool, DEFAULT_FAILOVER_TIMEOUT_MS, FailoverPool } from './failover-pool.js'
import { createGroupAppender } from './group-append.js'
import { HeadCache } from './head-cache.js'
import { appendResolvingDoubt } from './in-doubt.js'
import { inlineProjections, type InlineProjection } from './inline-projections.js'
import { listDigests, recordDigest, type StoredLedgerDigest } from './ledger-digests.js'
import { createNotifier } from './notifier.js'
import { auditOutboxByStreamPage, auditOutboxPage, postgresOutbox } from './postgres-outbox.js'
import { projectionTable, type ProjectionSnapshot, type Queryable } from './projection-table.js'
import { EVENT_COLUMNS, fromRow, fromStreamRow, logKeyOf, STREAM_EVENT_COLUMNS, type EventRow, type LogKeyRow, type StreamEventRow } from './rows.js'
import { APPEND_LOCK_CLASS, schemaOf } from './schema-name.js'
import { startSubscriber } from './subscriber.js'
import { withTransaction } from './transaction.js'

/** Options of `createPostgresEventStore`: a connection string or a pool of the caller's. */
export interface PostgresEventStoreOptions {
  /**
   * `postgres://user@host:port/database`; the store makes and owns a pool (closed by `close()`). A
   * hosts list with libpq's meaning is taken too: `postgres://h1:p1,h2:p2/db?target_session_attrs=read-write`
   * keeps the first server that takes writes and finds the new one after a failover.
   */
  readonly connectionString?: string
  /** A pool of the caller's, used instead of a connection string; `close()` leaves it open. */
  readonly pool?: pg.Pool
  /** Schema of the store's tables (default `talent_ledger`), created if absent; a lower-case identifier. */
  readonly schema?: string
  /** Connections of the store's own pool (default 10); one more sends notifies (closed when idle), one more LISTENs once something subscribes. */
  readonly poolSize?: number
  /** Record time of ledger digests and outbox rows (default: the system clock). */
  readonly clock?: Clock
  /** Projections updated in the append transaction, their states kept in the `projections` table. */
  readonly inlineProjections?: ReadonlyArray<InlineProjection>
  /** Safety-net poll of subscriptions, in ms (default 1000); NOTIFY wakes them in between. */
  readonly pollMs?: number
  /**
   * How long this store gathers its commits into one `NOTIFY` to other processes' subscribers, in
   * ms (default 50): they wake at most this much (and a round trip) after a commit. `'off'` sends
   * none, for a writer whose appends nobody in another process needs promptly: their subscribers'
   * poll (`pollMs`) still finds them. Subscribers in this process are woken at once either way.
   */
  readonly notifyWindowMs?: number | 'off'
  /**
   * With a hosts list: how long a connection waits for a suitable server (default 60 000 ms), and
   * how long reads, subscriptions and the outbox retry after losing one. Any store: how long an
   * append whose connection broke retries (default 60 000 ms over a hosts list, 5 000 on one server).
   */
  readonly failoverTimeoutMs?: number
  /**
   * Hears each append whose connection broke at its commit once the retry settled it: `found` (the
   * batch had been stored: its original result was reported), `stored` (it had not: stored now) or
   * `conflict` (it had not, and the stream moved meanwhile). For logs and metrics.
   */
  readonly onInDoubt?: (settled: { readonly streamId: string; readonly outcome: 'found' | 'stored' | 'conflict' }) => void
}

/** How long an append retries after losing its connection on a one-server store (a restarted server, a killed backend). */
const IN_DOUBT_RETRY_MS = 5_000

/** The PostgreSQL store: the port, plus ledger digests, projection states and its pool. */
export interface PostgresEventStore extends EventStore {
  readonly appendMany: NonNullable<EventStore['appendMany']>
  /** The pool the store uses; pass the store to `createPostgresKeyStore` to keep keys in the same schema. */
  readonly pool: pg.Pool
  /** The schema of the store's tables. */
  readonly schema: string
  /** Computes the ledger digest at the current position and stores it. */
  readonly recordLedgerDigest: () => Promise<StoredLedgerDigest>
  /** Every stored ledger digest, oldest first. */
  readonly ledgerDigests: () => Promise<ReadonlyArray<StoredLedgerDigest>>
  /** The stored state of projection `name` (an inline one first brought up to the log); undefined when none is stored. */
  readonly projectionState: <S = unknown>(name: string) => Promise<ProjectionSnapshot<S> | undefined>
}

/** Connects (a pool of its own, or the caller's), brings the schema up to date and returns the store. */
export const createPostgresEventStore = async (options: PostgresEventStoreOptions): Promise<PostgresEventStore> => {
  const s = schemaOf(options.schema)
  if (options.pool === undefined && options.connectionString === undefined) throw new TypeError('createPostgresEventStore needs a connectionString or a pool')
  const window = options.notifyWindowMs
  if (window !== undefined && window !== 'off' && !(Number.isFinite(window) && window >= 0)) throw new RangeError(`notifyWindowMs must be 'off' or a number of ms ≥ 0, not ${String(window)}`)
  const owned = options.pool === undefined
  const pool = options.pool ?? createStorePool(options.connectionString!, { max: options.poolSize ?? 10, failoverTimeoutMs: options.failoverTimeoutMs })
  // reads and idempotent writes ride through a failover; on one server they fail at once, as before
  const failover = pool instanceof FailoverPool ? (options.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS) : 0
  const inDoubtRetryMs = options.failoverTimeoutMs ?? (failover > 0 ? failover : IN_DOUBT_RETRY_MS)
  const retried = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => (...args: A): Promise<R> => retryOnConnectionLoss(() => f(...args), failover)
  // an idle connection the server drops (restart, pg_terminate_backend) must not crash the process
  if (owned) pool.on('error', () => undefined)
  try {
    await prepareSchema(pool, s)
  } catch (error) {
    if (owned) await pool.end()
    throw error
  }
  const now = options.clock?.now ?? (() => new Date().toISOString())
  const heads = new HeadCache()
  const appender = createAppender(s, heads)
  const notifier = createNotifier(pool, s.name, window)
  const projections = projectionTable(s)
  const q = (name: string, text: string) => ({ name: `${name}-${s.name}`, text })
  const sql = {
    readAll: q('tl-read-all', `SELECT * FROM ${s.sql}.read_after($1, $2)`),
    range: q('tl-read-range', `SELECT ${EVENT_COLUMNS} FROM ${s.sql}.events WHERE global_position > $1 AND global_position < $2 ORDER BY global_position LIMIT $3`),
    readStream: q('tl-read-stream', `SELECT ${STREAM_EVENT_COLUMNS} FROM ${s.sql}.events WHERE stream_id = $1 AND version >= $2 ORDER BY version`),
    // the very rows readAll reads (the same function), keys only: the verifier follows the log's order without parsing them again
    logKeys: q('tl-log-keys', `SELECT global_position, stream_id, version, hash FROM ${s.sql}.read_after($1, $2)`),
  }
  /** The audit's read of events: every row by the (stream_id, version) index (COLLATE "C"), whatever its position, within the page's range of streams. */
  const auditEvents = async ({ after, limit, streams }: AuditPage<EventKey>): Promise<RecordedEvent[]> => {
    const terms: string[] = []
    const values: unknown[] = []
    const param = (v: unknown): string => `$${values.push(v)}`
    if (after !== undefined) terms.push(`(stream_id, version) > (${param(after.streamId)}, ${param(after.version)})`)
    if (streams?.from !== undefined) terms.push(`stream_id >= ${param(streams.from)}`)
    if (streams?.to !== undefined) terms.push(`stream_id < ${param(streams.to)}`)
    const shape = `${after === undefined ? '' : 'a'}${streams?.from === undefined ? '' : 'f'}${streams?.to === undefined ? '' : 't'}`
    const where = terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`
    const text = `SELECT ${EVENT_COLUMNS} FROM ${s.sql}.events ${where} ORDER BY stream_id, version LIMIT ${param(limit)}`
    return (await pool.query<EventRow>({ ...q(`tl-audit-${shape}`, text), values })).rows.map(fromRow)
  }
  const readPage = retried(async (after: number, limit: number | null) =>
    (await pool.query<EventRow>({ ...sql.readAll, values: [after, limit] })).rows.map(fromRow))
  const inline = inlineProjections(options.inlineProjections ?? [], projections, async (c, after, before, limit) =>
    (await c.query<EventRow>({ ...sql.range, values: [after, before, limit] })).rows.map(fromRow),
  )

  const appendOnce = async (r: AppendRequest): Promise<Appended> => {
    if (inline.isEmpty) return appender.append(pool, r)
    try {
      return await withTransaction(pool, async (client) => {
        const appended = await appender.append(client, r)
        const stored = appended.stored()
        const first = stored[0]
        if (first !== undefined) await inline.applyInTransaction(client, first.globalPosition, stored)
        return appended
      })
    } catch (error) {
      // rolled back: the in-memory states may hold its events, so they reload from the stored rows
      inline.forget()
      throw error
    }
  }

  const append = async (streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedVersion, o: AppendOptions = {}) => {
    const outbox = o.outbox ?? []
    const request: AppendRequest = { streamId, events, expected, outbox, createdAt: outbox.length === 0 ? null : now(), exclusive: !inline.isEmpty }
    let appended: Appended
    try {
      // a commit whose answer was lost: the same request again reports it, or stores it once
      appended = await appendResolvingDoubt(streamId, () => appendOnce(request), () => heads.forget(streamId), inDoubtRetryMs, (a) =>
        options.onInDoubt?.({ streamId, outcome: !a.outcome.ok ? 'conflict' : a.written > 0 ? 'stored' : 'found' }),
      )
    } catch (error) {
      if (!(error instanceof BackstopConflict)) throw error
      appended = await appender.backstopConflict(pool, request)
    }
    if (appended.outcome.ok && appended.written > 0) notifier.poke()
    return appended.outcome
  }

  const groups = createGroupAppender(s, heads, inline, now)
  const appendMany = async (requests: ReadonlyArray<StreamAppend>): Promise<AppendManyOutcome> => {
    // a group commit whose answer was lost: the same group again finds its events by id, or stores them once
    const streams = requests.map((r) => r.streamId).join(', ')
    const { outcome, written } = await appendResolvingDoubt(streams, () => groups.appendMany(pool, requests), () => requests.forEach((r) => heads.forget(r.streamId)), inDoubtRetryMs, (a) =>
      options.onInDoubt?.({ streamId: streams, outcome: !a.outcome.ok ? 'conflict' : a.written ? 'stored' : 'found' }),
    )
    if (outcome.ok && written) notifier.poke()
    return outcome
  }

  const checkpoints: CheckpointStore = {
    load: retried(async (name: string) => Number((await pool.query<{ position: string }>(`SELECT position FROM ${s.sql}.checkpoints WHERE name = $1`, [name])).rows[0]?.position ?? 0)),
    save: retried(async (name: string, position: number) =>
      void (await pool.query(`INSERT INTO ${s.sql}.checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = excluded.position`, [name, position]))),
  }

  const subscriptions = new Set<Subscription>()
  const top = (c: Queryable = pool) => projections.top(c)
  return {
    pool,
    schema: s.name,
    append,
    appendMany,
    readStream: retried(async (streamId: string, fromVersion = 1) => {
      const events = (await pool.query<StreamEventRow>({ ...sql.readStream, values: [streamId, fromVersion] })).rows.map((row) => fromStreamRow(streamId, row))
      const last = events[events.length - 1]
      if (last !== undefined) heads.remember(streamId, { version: last.version, hash: last.hash })
      return events
    }),
    readAll: async (o: ReadAllOptions = {}) => readPage(o.after ?? 0, o.limit ?? null),
    streamHeads: async () =>
      (await pool.query<StoredStreamHead>(`SELECT stream_id AS "streamId", version, hash FROM ${s.sql}.streams ORDER BY stream_id COLLATE "C"`)).rows,
    audit: {
      events: auditEvents,
      outbox: (page) => auditOutboxPage(pool, s, page),
      outboxByStream: (page) => auditOutboxByStreamPage(pool, s, page),
      logKeys: retried(async (o: ReadAllOptions = {}) => (await pool.query<LogKeyRow>({ ...sql.logKeys, values: [o.after ?? 0, o.limit ?? null] })).rows.map(logKeyOf)),
    },
    checkpoints,
    outbox: failover === 0 ? postgresOutbox(pool, s) : retryingPort(postgresOutbox(pool, s), failover),
    subscribe: (name, handler) => {
      const sub = startSubscriber({ read: readPage, top, checkpoints, notifier, pollMs: options.pollMs ?? 1_000 }, name, handler, () => subscriptions.delete(sub))
      subscriptions.add(sub)
      return sub
    },
    recordLedgerDigest: () => recordDigest(pool, s, now),
    ledgerDigests: () => listDigests(pool, s),
    projectionState: async <S>(name: string) => {
      if (inline.has(name)) {
        try {
          await withTransaction(pool, async (client) => {
            await client.query('SELECT pg_advisory_xact_lock($1, $2)', [APPEND_LOCK_CLASS, s.lockKey])
            await inline.catchUpInTransaction(client, name)
          })
        } catch (error) {
          inline.forget()
          throw error
        }
      }
      return projections.load<S>(pool, name)
    },
    close: async () => {
      await Promise.all([...subscriptions].map((sub) => sub.stop()))
      await notifier.close()
      if (owned && !pool.ended) await pool.end()
    },
  }
}
