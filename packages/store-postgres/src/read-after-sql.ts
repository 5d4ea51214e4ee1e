/**
 * `read_after(after, limit)`: a page of the log below the read horizon, the function `readAll` and
 * subscriptions call (migration 3). It computes the horizon as `read_horizon()` does (see
 * `sql-functions.ts`) but scans `pg_locks` BEFORE the snapshot that reads the events, in a
 * statement of its own.
 * WHY: `read_horizon()` scans the locks after its statement's snapshot, so a transaction of another
 * application (or another schema) that was running at the snapshot and ended before the scan looks
 * like an appender that has just finished, and holds the horizon below its id until the next read.
 * On a busy server a `readAll` made right after an append returned then missed that append's
 * events (measured: 3 reads in 150 after racing appends, 4 processes on one server). With the scan
 * first, a transaction id the snapshot sees running was either seen by the scan (then known to be
 * foreign, or an appender holding the append lock, which counts) or got its id after the scan (and
 * counts, as an unknown): no event is ever skipped, and nothing that committed before the call is
 * held back by a transaction that cannot append here. A transaction that holds an id without the
 * append lock never appends later: every append (`append_events`, and the plain statement of
 * `fast-append.ts`) takes the lock before its transaction has an id.
 * VOLATILE so that, under READ COMMITTED, the page is read with a snapshot taken after the scan.
 */
import { APPEND_LOCK_CLASS, type Schema } from './schema-name.js'
import { BATCH_BITS } from './sql-functions.js'

/** The `CREATE FUNCTION` of `read_after` in schema `s`. */
export const readAfterSql = (s: Schema): string => `
CREATE FUNCTION ${s.sql}.read_after(p_after bigint, p_limit bigint)
RETURNS TABLE (global_position bigint, stream_id text, version integer, event_id text, type text, schema_version integer,
  data text, metadata text, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  foreign_xids xid[];
BEGIN
  -- transactions running now that do not hold this schema's append lock: they cannot append here
  SELECT COALESCE(array_agg(t.transactionid), '{}') INTO foreign_xids FROM pg_locks t
  WHERE t.locktype = 'transactionid' AND t.granted AND NOT EXISTS (
    SELECT 1 FROM pg_locks a
    WHERE a.locktype = 'advisory' AND a.granted AND a.virtualtransaction = t.virtualtransaction
      AND a.classid = ${APPEND_LOCK_CLASS} AND a.objid = ${s.lockKey} AND a.objsubid = 2);
  -- a new snapshot, taken after that scan, reads the page
  RETURN QUERY
    SELECT e.global_position, e.stream_id::text, e.version, e.event_id::text, e.type, e.schema_version,
      e.data::text, e.metadata::text, e.prev_hash, e.hash
    FROM ${s.sql}.events e
    WHERE e.global_position > p_after AND e.global_position < (
      SELECT (LEAST(
        pg_snapshot_xmax(snap),
        (SELECT min(x) FROM pg_snapshot_xip(snap) AS x WHERE x::xid <> ALL (foreign_xids))
      )::text::bigint) * ${2 ** BATCH_BITS}
      FROM pg_current_snapshot() AS snap)
    ORDER BY e.global_position
    LIMIT p_limit;
END
$fn$`
