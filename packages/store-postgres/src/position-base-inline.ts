/**
 * The `position-base-inline` migration: `position_base()` in plain SQL, which the planner inlines
 * into the statement that calls it, and the bound on positions kept by a CHECK on `events`.
 * WHY: as PL/pgSQL (migration 4) every call went through the PL/pgSQL handler: 3.5 % of the
 * server's CPU per one-event append in a profile of the backend (`perf`, 6,000 appends), about 8 µs,
 * for one multiplication and a range check. Inlined it costs what the expression costs.
 * The range check it made (transaction ids below 2^33, so positions stay safe JavaScript integers)
 * is now `events_position_safe`: a position at 2^53 or above is refused when the row is written,
 * whoever writes it — the same bound, since a position is `xid × 2^20 + i` with `i < 2^20`. NOT VALID:
 * rows already stored were written under the old check.
 */
import type { Schema } from './schema-name.js'
import { BATCH_BITS } from './sql-functions.js'

/** The first position JavaScript cannot represent exactly: 2^53. */
const UNSAFE_POSITION = 2 ** 53

/** The statements of the `position-base-inline` migration for schema `s`. */
export const positionBaseInlineSql = ({ sql: s }: Schema): ReadonlyArray<string> => [
  `ALTER TABLE ${s}.events ADD CONSTRAINT events_position_safe CHECK (global_position < ${UNSAFE_POSITION}) NOT VALID`,
  `CREATE OR REPLACE FUNCTION ${s}.position_base() RETURNS bigint LANGUAGE sql AS $fn$
   SELECT pg_current_xact_id()::text::bigint * ${2 ** BATCH_BITS}
   $fn$`,
]
