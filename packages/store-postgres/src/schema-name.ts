/**
 * The schema a store lives in, and the advisory-lock keys derived from it. The name is spliced into
 * SQL (tables, the append function), so only a plain lower-case identifier is accepted; the lock
 * keys are two int4s so they show up in `pg_locks` as `(classid, objid)` with `objsubid = 2`.
 */
import { PostgresSchemaError } from './errors.js'

/** The schema used when none is given. */
export const DEFAULT_SCHEMA = 'talent_ledger'

/** First key of the appenders' lock: "TLDG" as an int4. */
export const APPEND_LOCK_CLASS = 0x544c4447
/** First key of the migration lock. */
export const MIGRATION_LOCK_CLASS = APPEND_LOCK_CLASS + 1

/** A validated schema name with its SQL spelling and lock key. */
export interface Schema {
  readonly name: string
  /** The quoted identifier, for splicing into SQL. */
  readonly sql: string
  /** Second advisory-lock key: a 31-bit FNV-1a hash of the name (collisions only make locks coarser). */
  readonly lockKey: number
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

/** Checks `name` (default `talent_ledger`); throws `PostgresSchemaError` for anything but a plain identifier. */
export const schemaOf = (name: string = DEFAULT_SCHEMA): Schema => {
  if (!IDENTIFIER.test(name) || name.startsWith('pg_'))
    throw new PostgresSchemaError(name, 'a schema name must be a lower-case identifier (a-z, 0-9, _; at most 63 characters; not pg_…)')
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return { name, sql: `"${name}"`, lockKey: hash & 0x7fffffff }
}
