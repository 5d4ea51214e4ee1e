/**
 * The `stored-row-integrity` migration: constraints that refuse stored rows the log's readers would disagree on.
 * WHY: a row written behind the store's back at position 0 or below was folded by `show` (it reads
 * by stream) but skipped by `export` and `report` (they read in position order, after 0), and the
 * old `verify` read the same way, so it passed. Now:
 * - positions are > 0 (a CHECK);
 * - every event's stream has a head row (a foreign key to `streams`), and every head points at an
 *   event of its stream at its version (a foreign key to `events`). Both are DEFERRABLE INITIALLY
 *   DEFERRED: an append writes the head and its events in one statement (`fast-append.ts`) or one
 *   function, whose parts do not see each other's rows until the statement ends, so the check must
 *   wait for the commit. Foreign keys are the server's own C triggers with cached plans and an index
 *   lookup per row (the `streams` primary key, the `events (stream_id, version)` unique index): no
 *   scan per append and no PL/pgSQL on the append path;
 * - events are never deleted and a head never moves back (plain triggers; the head's trigger has a
 *   WHEN clause, so an ordinary append never calls it), so a head keeps the rows it counts.
 * NOT VALID: the constraints hold for every write from now on without checking rows already
 * stored; a schema that already holds such rows still opens, and `verify` reports them.
 */
import type { Schema } from './schema-name.js'

/** The statements of the `stored-row-integrity` migration for schema `s`. */
export const storedRowIntegritySql = ({ sql: s }: Schema): ReadonlyArray<string> => [
  `ALTER TABLE ${s}.events ADD CONSTRAINT events_position_positive CHECK (global_position > 0) NOT VALID`,
  `ALTER TABLE ${s}.events ADD CONSTRAINT events_stream_head FOREIGN KEY (stream_id) REFERENCES ${s}.streams (stream_id)
     DEFERRABLE INITIALLY DEFERRED NOT VALID`,
  `ALTER TABLE ${s}.streams ADD CONSTRAINT streams_last_event FOREIGN KEY (stream_id, version) REFERENCES ${s}.events (stream_id, version)
     DEFERRABLE INITIALLY DEFERRED NOT VALID`,
  `CREATE FUNCTION ${s}.refuse_row_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
   END
   $fn$`,
  `CREATE TRIGGER events_never_deleted BEFORE DELETE ON ${s}.events
     FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_row_change('events rows are never deleted: the log is append-only')`,
  `CREATE TRIGGER streams_never_back BEFORE UPDATE ON ${s}.streams
     FOR EACH ROW WHEN (NEW.version < OLD.version OR NEW.stream_id <> OLD.stream_id)
     EXECUTE FUNCTION ${s}.refuse_row_change('a stream head never moves back')`,
]
