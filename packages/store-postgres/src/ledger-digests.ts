/**
 * Ledger digests in the store's schema: the Merkle root (core `merkleRoot`) over every stream head
 * at the current global position, stored in `ledger_digests` so an auditor can copy them out and
 * check them later against a recomputation from the log (core `ledgerDigest`). The digest is taken
 * holding the schema's append lock exclusively: no append is running, so the heads and the newest
 * position describe the same log.
 */
import type pg from 'pg'
import { merkleRoot, type LedgerDigest, type StreamHead } from '@talent-ledger/core'
import { APPEND_LOCK_CLASS, type Schema } from './schema-name.js'
import { toPosition } from './rows.js'
import { withTransaction } from './transaction.js'

/** A digest as stored, with when it was taken. */
export interface StoredLedgerDigest extends LedgerDigest {
  readonly createdAt: string
}

interface DigestRow {
  readonly global_position: string
  readonly stream_count: number
  readonly root: string
  readonly created_at: string
}

const fromDigestRow = (r: DigestRow): StoredLedgerDigest => ({
  globalPosition: toPosition(r.global_position),
  streamCount: r.stream_count,
  root: r.root,
  createdAt: r.created_at,
})

/** Computes and stores the digest at the current position; recording again at the same position returns the stored one. */
export const recordDigest = (pool: pg.Pool, s: Schema, now: () => string): Promise<StoredLedgerDigest> =>
  withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [APPEND_LOCK_CLASS, s.lockKey])
    const top = toPosition((await client.query<{ top: string | null }>(`SELECT max(global_position) AS top FROM ${s.sql}.events`)).rows[0]?.top)
    const existing = (await client.query<DigestRow>(`SELECT * FROM ${s.sql}.ledger_digests WHERE global_position = $1`, [top])).rows[0]
    if (existing !== undefined) return fromDigestRow(existing)
    const { rows } = await client.query<StreamHead>(`SELECT stream_id AS "streamId", version, hash FROM ${s.sql}.streams`)
    const digest: StoredLedgerDigest = { globalPosition: top, streamCount: rows.length, root: merkleRoot(rows), createdAt: now() }
    await client.query(`INSERT INTO ${s.sql}.ledger_digests (global_position, stream_count, root, created_at) VALUES ($1, $2, $3, $4)`, [
      top, digest.streamCount, digest.root, digest.createdAt,
    ])
    return digest
  })

/** Every stored digest, oldest position first. */
export const listDigests = async (pool: pg.Pool, s: Schema): Promise<StoredLedgerDigest[]> =>
  (await pool.query<DigestRow>(`SELECT * FROM ${s.sql}.ledger_digests ORDER BY global_position`)).rows.map(fromDigestRow)
