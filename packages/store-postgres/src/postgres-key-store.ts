/**
 * The KeyStore port in the store's schema: one random 32-byte key per talent for crypto-shredding.
 * `forget` deletes the row and then vacuums the `keys` table, so the dead row version — which
 * PostgreSQL otherwise keeps in the table until a later vacuum — is removed from the live table at
 * once. Copies outside the table (WAL segments not yet recycled, backups, replicas' WAL) are out of
 * its reach: see README "Erasing a person".
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { KeyStore } from '@talent-ledger/core'
import { schemaOf } from './schema-name.js'

/** Creates a key store in the schema of `store` (or the given pool and schema, default `talent_ledger`), which must be migrated. */
export const createPostgresKeyStore = (store: { readonly pool: pg.Pool; readonly schema?: string }): KeyStore => {
  const { pool } = store
  const s = schemaOf(store.schema)
  const find = async (subjectId: string): Promise<Uint8Array | undefined> => {
    const { rows } = await pool.query<{ key: Buffer }>(`SELECT key FROM ${s.sql}.keys WHERE subject_id = $1`, [subjectId])
    const key = rows[0]?.key
    return key === undefined ? undefined : new Uint8Array(key)
  }
  return {
    keyFor: async (subjectId) => {
      // insert-if-absent then read: two processes asking at once end up with the same key
      await pool.query(`INSERT INTO ${s.sql}.keys (subject_id, key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`, [subjectId, randomBytes(32)])
      return (await find(subjectId))!
    },
    find,
    forget: async (subjectId) => {
      await pool.query(`DELETE FROM ${s.sql}.keys WHERE subject_id = $1`, [subjectId])
      await pool.query(`VACUUM ${s.sql}.keys`)
    },
  }
}
