/**
 * The two server-side functions of the store, created by migration 2: `append_events`, which does a
 * whole append in one statement (one round trip, its own transaction when called outside one), and
 * `read_horizon`, the position below which the log is final. Together they give `readAll` and
 * subscriptions commit order with no event ever skipped (see README "Why readAll never skips").
 *
 * Positions. An event's `globalPosition` is `xid × 2^20 + i`: the 64-bit id of the transaction that
 * appended it (`pg_current_xact_id()`) and its index in the batch. Readers order by it and return
 * only positions below `read_horizon()`, which is `x × 2^20` for the oldest transaction `x` that was
 * still running in the reader's snapshot and may be appending to this schema (it holds the schema's
 * append lock, or it is gone and cannot be told apart). Every transaction below that horizon has
 * finished, and a transaction that starts later gets a larger id, so no row can ever appear below a
 * horizon a reader has passed: a cursor `after = last position seen` never skips. Transactions of
 * other applications (no append lock) do not hold readers back. Positions stay safe JavaScript
 * integers while the cluster's transaction ids stay below 2^33 (append refuses beyond that).
 * The store's readers call `read_after` (`read-after-sql.ts`, migration 3), which computes the same
 * horizon with the lock scan before the snapshot; `read_horizon` stays for callers of migration 2.
 */
import { APPEND_LOCK_CLASS, type Schema } from './schema-name.js'

/** Bits of a position taken by the index in the batch: at most 2^20 events per append. */
export const BATCH_BITS = 20
/** The largest batch one append takes. */
export const MAX_BATCH = 2 ** BATCH_BITS
/** Transaction ids at or beyond this would make positions unsafe in JavaScript. */
export const MAX_XID = 2 ** (53 - BATCH_BITS)

/** `read_horizon()`: positions below it are final (see the file comment). STABLE: it reads the caller's snapshot. */
export const readHorizonSql = (s: Schema): string => `
CREATE FUNCTION ${s.sql}.read_horizon() RETURNS bigint LANGUAGE sql STABLE AS $fn$
  WITH foreign_xids AS MATERIALIZED (
    -- transactions running now that do not hold this schema's append lock: they cannot append here
    SELECT t.transactionid AS xid FROM pg_locks t
    WHERE t.locktype = 'transactionid' AND t.granted AND NOT EXISTS (
      SELECT 1 FROM pg_locks a
      WHERE a.locktype = 'advisory' AND a.granted AND a.virtualtransaction = t.virtualtransaction
        AND a.classid = ${APPEND_LOCK_CLASS} AND a.objid = ${s.lockKey} AND a.objsubid = 2))
  SELECT (LEAST(
    pg_snapshot_xmax(snap),
    (SELECT min(x) FROM pg_snapshot_xip(snap) AS x WHERE NOT EXISTS (SELECT 1 FROM foreign_xids f WHERE f.xid = x::xid))
  )::text::bigint) * ${2 ** BATCH_BITS}
  FROM pg_current_snapshot() AS snap
$fn$`

/** The outbox insert of migration 2's `append_events`: a payload per row. */
const v2OutboxInsert = (s: Schema): string => `INSERT INTO ${s.sql}.outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at)
        SELECT o.v->>'id', o.v->>'eventId', o.v->>'streamId', o.v->>'channel', o.v->>'recipient', o.v->>'template', o.v->>'locale', o.v->'payload', p_created_at
        FROM jsonb_array_elements(p_outbox) WITH ORDINALITY AS o(v, i)
        ORDER BY o.i
        ON CONFLICT (id) DO NOTHING`

/**
 * `append_events(…)`: takes the schema's append lock (shared; exclusive when `p_exclusive`, for
 * inline projections), answers a retried batch with its stored result, moves the stream head only
 * if it is still where the caller sealed against (`UPDATE … WHERE version = head AND hash = …`, or
 * an insert for a new stream), then inserts the sealed events and their outbox rows. Row locks on
 * the head make concurrent appenders to one stream queue; the loser finds the head moved and gets
 * `conflict` with the actual head (its caller re-seals for `any`). Migration 2 creates it; a later
 * migration replaces it with another `outboxInsert` statement (the rest of it unchanged).
 */
export const appendEventsSql = (s: Schema, outboxInsert?: string): string => `
CREATE ${outboxInsert === undefined ? '' : 'OR REPLACE '}FUNCTION ${s.sql}.append_events(
  p_stream text, p_head_version integer, p_head_hash text, p_exclusive boolean,
  p_event_ids text[], p_types text[], p_schema_versions integer[], p_data text[], p_metadata text[],
  p_prev_hashes text[], p_hashes text[], p_outbox jsonb, p_created_at text,
  OUT r_status text, OUT r_version integer, OUT r_first bigint, OUT r_last bigint, OUT r_hash text, OUT r_stream text)
LANGUAGE plpgsql AS $fn$
DECLARE
  n integer := cardinality(p_event_ids);
  moved integer;
  base bigint;
BEGIN
  IF p_exclusive THEN
    PERFORM pg_advisory_xact_lock(${APPEND_LOCK_CLASS}, ${s.lockKey});
  ELSE
    PERFORM pg_advisory_xact_lock_shared(${APPEND_LOCK_CLASS}, ${s.lockKey});
  END IF;
  FOR attempt IN 1..2 LOOP
    -- a retried batch (its first event is stored): the original result
    SELECT e.stream_id, e.global_position INTO r_stream, r_first FROM ${s.sql}.events e WHERE e.event_id = p_event_ids[1];
    IF FOUND THEN
      SELECT e.version, e.global_position INTO r_version, r_last FROM ${s.sql}.events e WHERE e.event_id = p_event_ids[n];
      IF NOT FOUND THEN
        SELECT e.version, e.global_position INTO r_version, r_last FROM ${s.sql}.events e WHERE e.event_id = p_event_ids[1];
      END IF;
      r_status := 'duplicate';
      RETURN;
    END IF;
    EXIT WHEN attempt = 2;
    IF p_head_version = 0 THEN
      INSERT INTO ${s.sql}.streams (stream_id, version, hash) VALUES (p_stream, n, p_hashes[n]) ON CONFLICT DO NOTHING;
    ELSE
      UPDATE ${s.sql}.streams SET version = p_head_version + n, hash = p_hashes[n]
      WHERE stream_id = p_stream AND version = p_head_version AND hash = p_head_hash;
    END IF;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved = 1 THEN
      base := pg_current_xact_id()::text::bigint;
      IF base >= ${MAX_XID} THEN
        RAISE EXCEPTION 'transaction id % is too large for safe JavaScript positions', base;
      END IF;
      base := base * ${2 ** BATCH_BITS};
      INSERT INTO ${s.sql}.events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
      SELECT base + u.i - 1, p_stream, p_head_version + u.i::integer, u.event_id, u.type, u.schema_version, u.data::jsonb, u.metadata::jsonb, u.prev_hash, u.hash
      FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_prev_hashes, p_hashes)
        WITH ORDINALITY AS u(event_id, type, schema_version, data, metadata, prev_hash, hash, i);
      IF p_outbox IS NOT NULL THEN
        ${outboxInsert ?? v2OutboxInsert(s)};
      END IF;
      r_status := 'appended';
      r_version := p_head_version + n;
      r_first := base;
      r_last := base + n - 1;
      RETURN;
    END IF;
    -- the head moved (or the stream is new or gone): look again for this batch, now committed by a racing retry
  END LOOP;
  SELECT s.version, s.hash INTO r_version, r_hash FROM ${s.sql}.streams s WHERE s.stream_id = p_stream;
  r_version := COALESCE(r_version, 0);
  r_status := 'conflict';
END
$fn$`
