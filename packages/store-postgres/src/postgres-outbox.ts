/**
 * The outbox port in the store's schema. Rows are inserted by `append_events`, in the append's
 * transaction, so notices commit or roll back with their events. A claim is one statement that
 * picks due rows with `FOR UPDATE SKIP LOCKED` and sets their lease, so two relays never hold the
 * same row and neither waits for the other. Retention compacts delivered rows a batch per
 * transaction: the batch is locked (`SKIP LOCKED`: two runs split the work), hashed here (the
 * server has no canonical JSON) and updated, so a run stopped midway leaves whole rows.
 * Rows of one append that carry the same payload share it (`outbox-payloads.ts`): every read
 * resolves a row's payload (`payloadColumn`), so callers see whole rows as before.
 */
import type pg from 'pg'
import type { AuditPage, DeliveryStatus, Outbox, OutboxKey, OutboxQuery, OutboxRecord } from '@talent-ledger/core'
import { COMPACTED_PAYLOAD_JSON, COMPACTION_BATCH, outboxRecordOf, outboxRecordsOf, payloadSha256Of } from '@talent-ledger/core/store-kit'
import type { Schema } from './schema-name.js'
import { payloadColumn } from './outbox-payloads.js'

/** The columns of a row `o` as `outboxRecordOf` reads them, and the shared payload it references. */
const outboxColumns = (s: Schema): string =>
  `o.seq, o.id, o.event_id, o.stream_id, o.channel, o.recipient, o.template, o.locale, ${payloadColumn(s)}, o.status, o.attempts,
   o.next_attempt_at, o.last_error, o.created_at, o.delivered_at, o.payload_sha256, o.payload_ref`

/** Rows in the order they were written (`seq`). */
const inOrder = (rows: ReadonlyArray<{ seq: string }>): OutboxRecord[] =>
  [...rows].sort((a, b) => Number(a.seq) - Number(b.seq)).map(outboxRecordOf)

/**
 * The store audit's read of the outbox: every row whatever its status, by id in the order of its
 * unique index (the column's collation: the port only asks for a stable order), the page after `after`.
 */
export const auditOutboxPage = async (pool: pg.Pool, s: Schema, { after, limit }: AuditPage<string>): Promise<OutboxRecord[]> => {
  const columns = outboxColumns(s)
  const { rows } =
    after === undefined
      ? await pool.query(`SELECT ${columns} FROM ${s.sql}.outbox o ORDER BY o.id LIMIT $1`, [limit])
      : await pool.query(`SELECT ${columns} FROM ${s.sql}.outbox o WHERE o.id > $1 ORDER BY o.id LIMIT $2`, [after, limit])
  return outboxRecordsOf(rows)
}

/**
 * The store audit's read of the outbox beside the events: every row by stream id then id in
 * code-point order (COLLATE "C", as the audit's `events`), within the page's range of streams, the
 * page after `after`. The index `outbox_by_stream` (migration 10) holds this order: each page is a
 * scan of it, so a verifier holds one stream's rows at a time, not the whole outbox.
 */
export const auditOutboxByStreamPage = async (pool: pg.Pool, s: Schema, { after, limit, streams }: AuditPage<OutboxKey>): Promise<OutboxRecord[]> => {
  const terms: string[] = []
  const values: unknown[] = []
  const param = (v: unknown): string => `$${values.push(v)}`
  if (after !== undefined) terms.push(`(o.stream_id COLLATE "C", o.id COLLATE "C") > (${param(after.streamId)}, ${param(after.id)})`)
  if (streams?.from !== undefined) terms.push(`o.stream_id COLLATE "C" >= ${param(streams.from)}`)
  if (streams?.to !== undefined) terms.push(`o.stream_id COLLATE "C" < ${param(streams.to)}`)
  const where = terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`
  const { rows } = await pool.query(
    `SELECT ${outboxColumns(s)} FROM ${s.sql}.outbox o ${where} ORDER BY o.stream_id COLLATE "C", o.id COLLATE "C" LIMIT ${param(limit)}`,
    values,
  )
  return outboxRecordsOf(rows)
}

/**
 * Compacts up to `limit` delivered rows delivered before `before`, in one transaction; returns how
 * many. The shared payloads the batch's rows read are locked first (in id order), so two runs that
 * compact rows of one payload queue, and the second sees the first's rows compacted: the last one
 * to let go of a payload deletes it.
 */
const compactBatch = async (pool: pg.Pool, s: Schema, before: string, limit: number): Promise<number> => {
  const o = `${s.sql}.outbox`
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const { rows } = await client.query<{ payload_ref: string | null }>(
      `SELECT ${outboxColumns(s)} FROM ${o} o WHERE o.status = 'delivered' AND o.payload_sha256 IS NULL AND o.delivered_at < $1
         ORDER BY o.delivered_at, o.seq LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
      [before, limit],
    )
    const refs = [...new Set(rows.flatMap((r) => (r.payload_ref === null ? [] : [r.payload_ref])))]
    if (refs.length > 0) await client.query(`SELECT 1 FROM ${s.sql}.outbox_payloads WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [refs])
    const records = rows.map(outboxRecordOf)
    const { rowCount } = await client.query(
      `UPDATE ${o} AS r SET payload = $1::jsonb, payload_ref = NULL, payload_sha256 = c.hash
         FROM unnest($2::text[], $3::text[]) AS c (id, hash) WHERE r.id = c.id AND r.status = 'delivered' AND r.payload_sha256 IS NULL`,
      [COMPACTED_PAYLOAD_JSON, records.map((r) => r.id), records.map((r) => payloadSha256Of(r.payload))],
    )
    if (refs.length > 0)
      await client.query(
        `DELETE FROM ${s.sql}.outbox_payloads p WHERE p.id = ANY($1::bigint[]) AND NOT EXISTS (SELECT 1 FROM ${o} r WHERE r.payload_ref = p.id)`,
        [refs],
      )
    await client.query('COMMIT')
    // the rows are locked, so each one selected is compacted: fewer than asked means none is left
    return rowCount ?? 0
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** The outbox in schema `s`, through `pool`. */
export const postgresOutbox = (pool: pg.Pool, s: Schema): Outbox => {
  const o = `${s.sql}.outbox`
  const columns = outboxColumns(s)
  const run = async (text: string, values: unknown[]): Promise<number> => (await pool.query(text, values)).rowCount ?? 0
  return {
    claim: async (now, limit, leaseUntil, channels) => {
      const { rows } = await pool.query<{ seq: string }>(
        `UPDATE ${o} AS o SET lease_until = $3 WHERE o.seq IN (
           SELECT seq FROM ${o} WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
             AND (lease_until IS NULL OR lease_until <= $1) AND ($4::text[] IS NULL OR channel = ANY($4::text[]))
             ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${columns}`,
        [now, limit, leaseUntil, channels === undefined ? null : [...channels]],
      )
      return inOrder(rows)
    },
    markDelivered: async (id, at) =>
      void (await run(
        `UPDATE ${o} SET status = 'delivered', attempts = attempts + 1, delivered_at = $1, next_attempt_at = NULL, lease_until = NULL WHERE id = $2 AND status <> 'delivered'`,
        [at, id],
      )),
    markRetry: async (id, error, nextAttemptAt) =>
      void (await run(
        `UPDATE ${o} SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, lease_until = NULL WHERE id = $3 AND status = 'pending'`,
        [error, nextAttemptAt, id],
      )),
    park: async (id, reason) =>
      void (await run(
        `UPDATE ${o} SET status = 'parked', attempts = attempts + 1, last_error = $1, next_attempt_at = NULL, lease_until = NULL WHERE id = $2 AND status = 'pending'`,
        [reason, id],
      )),
    requeue: async (ids) =>
      ids === undefined
        ? run(`UPDATE ${o} SET status = 'pending', next_attempt_at = NULL, lease_until = NULL WHERE status = 'parked'`, [])
        : run(`UPDATE ${o} SET status = 'pending', next_attempt_at = NULL, lease_until = NULL WHERE id = ANY($1) AND status <> 'delivered'`, [ids]),
    list: async (query: OutboxQuery = {}) => {
      const { rows } = await pool.query<{ seq: string }>(
        `SELECT ${columns} FROM ${o} o WHERE ($1::text IS NULL OR o.status = $1) AND ($2::text IS NULL OR o.channel = $2) ORDER BY o.seq LIMIT $3`,
        [query.status ?? null, query.channel ?? null, query.limit ?? null],
      )
      return inOrder(rows)
    },
    compact: async (before, limit = Infinity) => {
      let done = 0
      for (;;) {
        const batch = Math.min(COMPACTION_BATCH, limit - done)
        if (batch <= 0) return done
        const n = await compactBatch(pool, s, before, batch)
        done += n
        if (n < batch) return done
      }
    },
    counts: async () => {
      const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, parked: 0 }
      const { rows } = await pool.query<{ status: DeliveryStatus; n: number }>(`SELECT status, COUNT(*)::integer AS n FROM ${o} GROUP BY status`)
      for (const { status, n } of rows) counts[status] = n
      return counts
    },
  }
}
