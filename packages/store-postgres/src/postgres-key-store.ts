/**
 * The KeyStore port in the store's schema: one random 32-byte key per talent for crypto-shredding.
 * A DELETE only marks the row dead; its bytes stay in the table's page — and a plain VACUUM, which
 * unlinks the dead row, can leave them in the page's free space. So `forget` deletes the row, marks
 * the subject in `pending_erasures`, and then `VACUUM FULL` rewrites the keys table into a new file
 * that holds no copy. That only drops the dead row when no snapshot that could still see it is open
 * (a long reader, an old prepared transaction, a replication slot or standby feedback): the horizon
 * is checked first and, while something holds it, the erasure stays pending for `completeErasures`.
 * NOTE: copies outside the table — WAL segments not yet recycled, archived WAL, base backups,
 * replicas' own WAL — are out of the store's reach: docs/audit-guide.md "Completing erasure".
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { ErasureCompletion, KeyStore, PendingErasure } from '@talent-ledger/core'
import { retryOnConnectionLoss } from './connection-loss.js'
import { FailoverPool } from './failover-pool.js'
import { schemaOf, type Schema } from './schema-name.js'

/** How long `forget` waits for readers holding the horizon, and `VACUUM FULL` for its table lock, before the erasure stays pending. */
export const ERASURE_LOCK_TIMEOUT_MS = 1_000

/**
 * Pending erasures, each with whether a snapshot, transaction or slot at least as old as the
 * deleting transaction still holds back the horizon (then VACUUM must keep the dead row).
 */
const pendingSql = (s: Schema): string => `
  WITH p AS (SELECT subject_id, forgotten_at, xid(deleted_by) AS x FROM ${s.sql}.pending_erasures)
  SELECT subject_id AS "subjectId",
    to_char(forgotten_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "forgottenAt",
    EXISTS (SELECT 1 FROM pg_stat_activity a
      WHERE a.pid <> pg_backend_pid() AND (a.datname = current_database() OR a.backend_type = 'walsender')
        AND (age(a.backend_xmin) >= age(p.x) OR age(a.backend_xid) >= age(p.x)))
    OR EXISTS (SELECT 1 FROM pg_replication_slots r WHERE age(r.xmin) >= age(p.x) OR age(r.catalog_xmin) >= age(p.x))
    OR EXISTS (SELECT 1 FROM pg_prepared_xacts t WHERE age(t.transaction) >= age(p.x)) AS blocked
  FROM p ORDER BY forgotten_at, subject_id`

/** Creates a key store in the schema of `store` (or the given pool and schema, default `talent_ledger`), which must be migrated. */
export const createPostgresKeyStore = (store: { readonly pool: pg.Pool; readonly schema?: string }): KeyStore => {
  const { pool } = store
  const s = schemaOf(store.schema)
  const find = async (subjectId: string): Promise<Uint8Array | undefined> => {
    const { rows } = await pool.query<{ key: Buffer }>(`SELECT key FROM ${s.sql}.keys WHERE subject_id = $1`, [subjectId])
    const key = rows[0]?.key
    return key === undefined ? undefined : new Uint8Array(key)
  }

  /**
   * Rewrites the keys table; false when a reader's lock kept it waiting past the timeout, or when
   * this role does not own the table (PostgreSQL then skips the VACUUM with a mere warning).
   */
  const rewriteKeys = async (): Promise<boolean> => {
    const client = await pool.connect()
    try {
      const owner = await client.query<{ owns: boolean }>(`SELECT pg_has_role(relowner, 'USAGE') AS owns FROM pg_class WHERE oid = $1::regclass`, [
        `${s.sql}.keys`,
      ])
      if (owner.rows[0]?.owns !== true) return false
      await client.query(`SET lock_timeout = ${ERASURE_LOCK_TIMEOUT_MS}`)
      await client.query(`VACUUM FULL ${s.sql}.keys`)
      return true
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') return false
      throw error
    } finally {
      await client.query('RESET lock_timeout').catch(() => undefined)
      client.release()
    }
  }

  const pendingWithHorizon = async (): Promise<ReadonlyArray<PendingErasure & { readonly blocked: boolean }>> =>
    (await pool.query<PendingErasure & { blocked: boolean }>(pendingSql(s))).rows

  const completeErasures = async (): Promise<ErasureCompletion> => {
    // the horizon is read before the rewrite: a snapshot taken later cannot see the deleted rows
    const pending = await pendingWithHorizon()
    const free = pending.filter((p) => !p.blocked).map((p) => p.subjectId)
    const held = pending.filter((p) => p.blocked).map(({ subjectId, forgottenAt }) => ({ subjectId, forgottenAt }))
    if (free.length === 0) return { completed: [], pending: held }
    if (!(await rewriteKeys())) return { completed: [], pending: pending.map(({ subjectId, forgottenAt }) => ({ subjectId, forgottenAt })) }
    await pool.query(`DELETE FROM ${s.sql}.pending_erasures WHERE subject_id = ANY($1)`, [free])
    return { completed: free, pending: held }
  }

  // over a hosts list, a key read or created during a failover waits for the new primary (both are safe to repeat)
  const failover = pool instanceof FailoverPool ? pool.failoverTimeoutMs : 0
  return {
    keyFor: (subjectId) =>
      retryOnConnectionLoss(async () => {
        // insert-if-absent then read: two processes asking at once end up with the same key
        await pool.query(`INSERT INTO ${s.sql}.keys (subject_id, key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`, [subjectId, randomBytes(32)])
        return (await find(subjectId))!
      }, failover),
    find: (subjectId) => retryOnConnectionLoss(() => find(subjectId), failover),
    forget: async (subjectId) => {
      // one statement, one transaction: the delete and its pending mark (with the deleting xid) commit together
      await pool.query(
        `WITH gone AS (DELETE FROM ${s.sql}.keys WHERE subject_id = $1)
         INSERT INTO ${s.sql}.pending_erasures (subject_id, deleted_by) VALUES ($1, pg_current_xact_id())
         ON CONFLICT (subject_id) DO UPDATE SET deleted_by = EXCLUDED.deleted_by`,
        [subjectId],
      )
      // a short reader moves on soon: wait for it a little before reporting the erasure pending
      const deadline = Date.now() + ERASURE_LOCK_TIMEOUT_MS
      for (;;) {
        const { pending } = await completeErasures()
        const complete = !pending.some((p) => p.subjectId === subjectId)
        if (complete || Date.now() >= deadline) return { complete }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    pendingErasures: async () => (await pendingWithHorizon()).map(({ subjectId, forgottenAt }) => ({ subjectId, forgottenAt })),
    completeErasures,
  }
}
