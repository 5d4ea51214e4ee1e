/**
 * The common append in one plain SQL statement: take the schema's append lock (shared), move the
 * stream head if it is still where the batch was sealed against, insert the events at positions
 * from the transaction id (`position_base()`, migration 4, inlined SQL since migration 9) and the outbox rows — or do nothing and
 * return no row. It is what `append_events` does when nothing is unusual, without PL/pgSQL.
 * WHY: the PL/pgSQL function cost the server about a quarter more per append than the same work as
 * one statement (pgbench, 8 clients, one-event appends to new streams, interleaved rounds:
 * 5,951–7,343 tx/s for `append_events`, 8,159–8,629 for this statement, 6,870–9,231 for the bench's
 * raw pg statement). With 8 writers on 2 cores the server's CPU is the bottleneck, so that quarter
 * was most of our gap to raw pg.
 * Everything unusual — the head moved, the stream is new to the cache but not to the server, an
 * event id already stored — returns no row or fails with a unique violation before anything is
 * kept (the statement is its own transaction), and the caller falls back to `append_events`, which
 * sorts out retries, duplicates and conflicts as before.
 * The no-skip argument of `read_after` needs the append lock held before the transaction has an id:
 * the lock is a MATERIALIZED CTE the head statement reads, so it is taken before the first row is
 * written, and the transaction gets its id at that first write.
 * Only for appends outside a caller's transaction (after a failed statement the fallback must be
 * able to run); appends with inline projections keep `append_events` in their transaction.
 */
import { APPEND_LOCK_CLASS, type Schema } from './schema-name.js'
import { BATCH_BITS, MAX_XID } from './sql-functions.js'
import { outboxInsertCtes } from './outbox-payloads.js'

/**
 * `position_base()` as migration 4 created it: the current transaction's id × 2^20, refusing ids
 * that would make positions unsafe. Migration 9 replaces it (`position-base-inline.ts`).
 */
export const positionBaseSql = (s: Schema): string => `
CREATE FUNCTION ${s.sql}.position_base() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF x >= ${MAX_XID} THEN
    RAISE EXCEPTION 'transaction id % is too large for safe JavaScript positions', x;
  END IF;
  RETURN x * ${2 ** BATCH_BITS};
END
$fn$`

/**
 * The statement for a stream that is new (`fresh`: insert its head) or at a known head (update it
 * only at that version and hash), with or without outbox rows (without, the outbox table is not
 * touched at all), for a batch of any size or of exactly one event (`single`). Parameters: $1
 * stream, $2 head version, $3–$9 the sealed events (ids, types, schema versions, data, metadata,
 * previous hashes, hashes) as parallel arrays, or as plain values when `single`; then, with
 * `outbox`, the rows (`outboxRowsJson`, inserted as `outbox-payloads.ts` says) and their record
 * time. The new head hash is the last event's hash, and the head hash the batch was sealed against
 * is its first event's previous hash (sealing chains it from the head), so neither is sent again.
 * Returns `base` (the first position) when the batch was stored, no row when the head was not
 * where the batch expects it.
 * WHY `single`: most commands append one event; as plain values it skips seven array literals
 * (escaped by pg, parsed by `array_in`) and the `unnest` scan, and its insert is a one-row `Result`.
 */
export const fastAppendSql = (s: Schema, fresh: boolean, outbox: boolean, single = false): string => {
  const [rows, recordedAt] = outbox ? ['$10::jsonb', '$11::text'] : ['', '']
  const count = single ? '1' : 'cardinality($3::text[])'
  const [newHash, sealedAgainst] = single ? ['$9::text', '$8::text'] : ['($9::text[])[cardinality($9::text[])]', '($8::text[])[1]']
  const head = fresh
    ? `INSERT INTO ${s.sql}.streams (stream_id, version, hash)
         SELECT $1::text, $2::integer + ${count}, ${newHash} FROM lock
         ON CONFLICT DO NOTHING
         RETURNING ${s.sql}.position_base() AS base`
    : `UPDATE ${s.sql}.streams SET version = $2::integer + ${count}, hash = ${newHash}
         FROM lock WHERE stream_id = $1::text AND version = $2::integer AND hash = ${sealedAgainst}
         RETURNING ${s.sql}.position_base() AS base`
  const notices = outbox ? `,${outboxInsertCtes(s, rows, recordedAt, 'head')}` : ''
  const events = single
    ? `SELECT head.base, $1, $2 + 1, $3::text, $4::text, $5::integer, $6::jsonb, $7::jsonb, $8::text, $9::text
  FROM head`
    : `SELECT head.base + u.i - 1, $1, $2 + u.i::integer, u.event_id, u.type, u.schema_version, u.data::jsonb, u.metadata::jsonb, u.prev_hash, u.hash
  FROM head, unnest($3::text[], $4::text[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[])
    WITH ORDINALITY AS u(event_id, type, schema_version, data, metadata, prev_hash, hash, i)`
  return `
WITH lock AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(${APPEND_LOCK_CLASS}, ${s.lockKey})),
head AS (${head}),
stored AS (
  INSERT INTO ${s.sql}.events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
  ${events})${notices}
SELECT base FROM head`
}
