/**
 * Group commit on PostgreSQL (`appendMany`): several appends in one transaction, in a fixed number
 * of round trips whatever the group's size. The transaction first takes the schema's append lock
 * (shared; exclusive with inline projections) in the statement that reads every request's stream
 * head and stored first and last event ids, before it has a transaction id, so `read_after`'s
 * no-skip argument holds as for a single append (see `sql-functions.ts`). The requests are then
 * decided in JavaScript in order (idempotent retry, expected version, sealing on the head the
 * earlier requests left), and three statements move the heads — only where they still are what the
 * read found —, insert every event at `position_base()` plus its index in the group, and insert the
 * outbox rows. A head that moved meanwhile, a retry of the same events racing this one, or a
 * deadlock between two groups rolls the transaction back and the group is decided again on fresh
 * reads; a conflict of any request stores nothing.
 */
import type pg from 'pg'
import type { AppendManyOutcome, AppendResult, OutboxEntry, RecordedEvent, StreamAppend, WrongExpectedVersion } from '@talent-ledger/core'
import { eventInAnotherStream, sealEventsWithTexts, versionMatches } from '@talent-ledger/core/store-kit'
import { nativeSha256Hex } from '@talent-ledger/node'
import { errorCode } from './errors.js'
import type { Head, HeadCache } from './head-cache.js'
import type { InlineProjections } from './inline-projections.js'
import { toPosition } from './rows.js'
import { APPEND_LOCK_CLASS, type Schema } from './schema-name.js'
import { MAX_BATCH } from './sql-functions.js'
import { outboxInsertSql, outboxRowsJson } from './outbox-payloads.js'
import { withTransaction } from './transaction.js'

/** How many times a group is decided again after a race it lost (a moved head, a racing retry, a deadlock). */
const GROUP_ATTEMPTS = 20

interface ProbeRow {
  readonly version: number | null
  readonly hash: string | null
  readonly first_stream: string | null
  readonly first_version: number | null
  readonly first_position: string | null
  readonly last_version: number | null
  readonly last_position: string | null
}

/** The transaction lost a race: roll back and decide the group again. */
class LostRace extends Error {}

/** A request's answer before the group's first position is known: positions as offsets in the group. */
type Pending = { readonly stored: AppendResult } | { readonly streamId: string; readonly version: number; readonly lastOffset: number | null }

/** The group appender of one store. */
export const createGroupAppender = (s: Schema, heads: HeadCache, inline: InlineProjections, now: () => string) => {
  const probeSql = (exclusive: boolean) => `
    WITH lock AS MATERIALIZED (SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(${APPEND_LOCK_CLASS}, ${s.lockKey}))
    SELECT h.version, h.hash, f.stream_id AS first_stream, f.version AS first_version, f.global_position AS first_position,
      l.version AS last_version, l.global_position AS last_position
    FROM lock, unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(stream_id, first_id, last_id, i)
    LEFT JOIN ${s.sql}.streams h ON h.stream_id = r.stream_id
    LEFT JOIN ${s.sql}.events f ON f.event_id = r.first_id
    LEFT JOIN ${s.sql}.events l ON l.event_id = r.last_id
    ORDER BY r.i`
  const newHeadsSql = `INSERT INTO ${s.sql}.streams (stream_id, version, hash)
    SELECT * FROM unnest($1::text[], $2::integer[], $3::text[]) ON CONFLICT DO NOTHING`
  const movedHeadsSql = `UPDATE ${s.sql}.streams h SET version = u.new_version, hash = u.new_hash
    FROM unnest($1::text[], $2::integer[], $3::text[], $4::integer[], $5::text[]) AS u(stream_id, old_version, old_hash, new_version, new_hash)
    WHERE h.stream_id = u.stream_id AND h.version = u.old_version AND h.hash = u.old_hash`
  // the events at the group's first position, which it returns: one round trip, not a query for the position first
  const insertSql = `WITH b AS MATERIALIZED (SELECT ${s.sql}.position_base() AS base),
    stored AS (INSERT INTO ${s.sql}.events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
      SELECT b.base + u.i - 1, u.stream_id, u.version, u.event_id, u.type, u.schema_version, u.data::jsonb, u.metadata::jsonb, u.prev_hash, u.hash
      FROM b, unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[])
        WITH ORDINALITY AS u(stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash, i))
    SELECT base FROM b`
  const outboxSql = outboxInsertSql(s, '$1::jsonb', '$2::text')

  /** One attempt in one transaction: the outcome, or `LostRace` thrown (rolled back). */
  const attempt = async (client: pg.PoolClient, requests: ReadonlyArray<StreamAppend>): Promise<{ outcome: AppendManyOutcome; moved: Map<string, Head> }> => {
    const probed = (
      await client.query<ProbeRow>(probeSql(!inline.isEmpty), [
        requests.map((r) => r.streamId),
        requests.map((r) => r.events[0]?.eventId ?? ''),
        requests.map((r) => r.events[r.events.length - 1]?.eventId ?? ''),
      ])
    ).rows
    const before = new Map<string, Head>()
    const current = new Map<string, Head>()
    const stagedIds = new Map<string, { streamId: string; version: number; offset: number }>()
    const sealed: RecordedEvent[] = []
    const data: Array<string | undefined> = []
    const metadata: Array<string | undefined> = []
    const outbox: OutboxEntry[] = []
    const pending: Pending[] = []
    const conflicts: WrongExpectedVersion[] = []
    for (const [i, r] of requests.entries()) {
      const p = probed[i]!
      const { streamId, events } = r
      if (!current.has(streamId)) {
        const head = { version: p.version ?? 0, hash: p.hash ?? '' }
        before.set(streamId, head)
        current.set(streamId, head)
      }
      const first = events[0]
      // a retried batch: stored before this group, or earlier in it
      if (first !== undefined && p.first_stream !== null) {
        if (p.first_stream !== streamId) throw eventInAnotherStream(first.eventId, p.first_stream, streamId)
        pending.push({
          stored:
            p.last_version === null
              ? { streamId, version: p.first_version!, lastPosition: toPosition(p.first_position) }
              : { streamId, version: p.last_version, lastPosition: toPosition(p.last_position) },
        })
        continue
      }
      const staged = first === undefined ? undefined : stagedIds.get(first.eventId)
      if (staged !== undefined) {
        if (staged.streamId !== streamId) throw eventInAnotherStream(first!.eventId, staged.streamId, streamId)
        const last = stagedIds.get(events[events.length - 1]!.eventId) ?? staged
        pending.push({ streamId, version: last.version, lastOffset: last.offset })
        continue
      }
      const head = current.get(streamId)!
      if (!versionMatches(r.expected, head.version)) {
        conflicts.push({ code: 'Conflict', streamId, expected: r.expected, actual: head.version })
        continue
      }
      if (events.length === 0) {
        pending.push({ streamId, version: head.version, lastOffset: null })
        continue
      }
      const offset = sealed.length
      const texts = sealEventsWithTexts({ streamId, version: head.version, hash: head.hash }, events, (j) => offset + j, nativeSha256Hex)
      const rows = texts.map((t) => t.event)
      for (const [j, e] of rows.entries()) stagedIds.set(e.eventId, { streamId, version: e.version, offset: offset + j })
      sealed.push(...rows)
      // stored as the canonical texts sealing hashed (see appender.ts)
      for (const t of texts) {
        data.push(t.data)
        metadata.push(t.metadata)
      }
      outbox.push(...(r.outbox ?? []))
      const last = rows[rows.length - 1]!
      current.set(streamId, { version: last.version, hash: last.hash })
      pending.push({ streamId, version: last.version, lastOffset: offset + rows.length - 1 })
    }
    if (conflicts.length > 0) return { outcome: { ok: false, conflicts }, moved: new Map() }
    if (sealed.length > MAX_BATCH) throw new RangeError(`a group takes at most ${MAX_BATCH} events, not ${sealed.length}`)
    const moved = new Map([...current].filter(([id, head]) => before.get(id)!.version !== head.version))
    let base = 0
    if (sealed.length > 0) {
      const fresh = [...moved].filter(([id]) => before.get(id)!.version === 0)
      const old = [...moved].filter(([id]) => before.get(id)!.version !== 0)
      if (fresh.length > 0) {
        const { rowCount } = await client.query(newHeadsSql, [fresh.map(([id]) => id), fresh.map(([, h]) => h.version), fresh.map(([, h]) => h.hash)])
        if (rowCount !== fresh.length) throw new LostRace()
      }
      if (old.length > 0) {
        const { rowCount } = await client.query(movedHeadsSql, [
          old.map(([id]) => id), old.map(([id]) => before.get(id)!.version), old.map(([id]) => before.get(id)!.hash),
          old.map(([, h]) => h.version), old.map(([, h]) => h.hash),
        ])
        if (rowCount !== old.length) throw new LostRace()
      }
      const inserted = await client.query<{ base: string }>(insertSql, [
        sealed.map((e) => e.streamId), sealed.map((e) => e.version), sealed.map((e) => e.eventId), sealed.map((e) => e.type),
        sealed.map((e) => e.schemaVersion), data, metadata, sealed.map((e) => e.prevHash), sealed.map((e) => e.hash),
      ])
      base = toPosition(inserted.rows[0]!.base)
      if (outbox.length > 0) await client.query(outboxSql, [outboxRowsJson(outbox), now()])
      if (!inline.isEmpty) {
        // as a reader will see them: positions assigned, data and metadata through JSON
        const stored = sealed.map((e, i) => ({ ...e, globalPosition: base + i, data: JSON.parse(data[i]!) as unknown, metadata: JSON.parse(metadata[i]!) as RecordedEvent['metadata'] }))
        await inline.applyInTransaction(client, base, stored)
      }
    }
    const results = pending.map((p) =>
      'stored' in p ? p.stored : { streamId: p.streamId, version: p.version, lastPosition: p.lastOffset === null ? 0 : base + p.lastOffset },
    )
    return { outcome: { ok: true, results }, moved }
  }

  /** Appends the group, deciding it again after a race it lost. */
  const appendMany = async (pool: pg.Pool, requests: ReadonlyArray<StreamAppend>): Promise<{ outcome: AppendManyOutcome; written: boolean }> => {
    for (let n = 1; ; n++) {
      try {
        const { outcome, moved } = await withTransaction(pool, (client) => attempt(client, requests))
        for (const [id, head] of moved) heads.remember(id, head)
        return { outcome, written: moved.size > 0 }
      } catch (error) {
        inline.forget()
        for (const r of requests) heads.forget(r.streamId)
        // a unique violation (a racing retry of the same events, a racing new stream) or a deadlock
        // between two groups locking heads in different orders: nothing was kept, decide again
        const raced = error instanceof LostRace || errorCode(error) === '23505' || errorCode(error) === '40P01'
        if (!raced || n >= GROUP_ATTEMPTS) throw error
      }
    }
  }

  return { appendMany }
}
