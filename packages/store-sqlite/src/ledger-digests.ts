/**
 * Ledger digests on the SQLite file: the Merkle root (core `merkleRoot`) over every stream head at
 * the current global position, stored in `ledger_digests` so an auditor can copy them out and check
 * them later against a recomputation from the log (core `ledgerDigest`).
 */
import type Database from 'better-sqlite3'
import { merkleRoot, type LedgerDigest, type StreamHead } from '@talent-ledger/core'
import { nativeSha256Bytes } from '@talent-ledger/node'

/** A digest as stored, with when it was taken. */
export interface StoredLedgerDigest extends LedgerDigest {
  readonly createdAt: string
}

interface DigestRow {
  readonly global_position: number
  readonly stream_count: number
  readonly root: string
  readonly created_at: string
}

const fromDigestRow = (r: DigestRow): StoredLedgerDigest => ({
  globalPosition: r.global_position,
  streamCount: r.stream_count,
  root: r.root,
  createdAt: r.created_at,
})

/**
 * Computes and stores the digest at the current position, in one immediate transaction so the heads
 * and the position agree. Recording again at the same position returns the digest already stored.
 */
export const recordDigest = (db: Database.Database, now: () => string): StoredLedgerDigest =>
  db
    .transaction((): StoredLedgerDigest => {
      const { top } = db.prepare('SELECT COALESCE(MAX(global_position), 0) AS top FROM events').get() as { top: number }
      const existing = db.prepare('SELECT * FROM ledger_digests WHERE global_position = ?').get(top) as DigestRow | undefined
      if (existing !== undefined) return fromDigestRow(existing)
      const heads = (db.prepare('SELECT stream_id, version, hash FROM streams').all() as { stream_id: string; version: number; hash: string }[]).map(
        (h): StreamHead => ({ streamId: h.stream_id, version: h.version, hash: h.hash }),
      )
      const row: DigestRow = { global_position: top, stream_count: heads.length, root: merkleRoot(heads, nativeSha256Bytes), created_at: now() }
      db.prepare('INSERT INTO ledger_digests (global_position, stream_count, root, created_at) VALUES (@global_position, @stream_count, @root, @created_at)').run(row)
      return fromDigestRow(row)
    })
    .immediate()

/** Every stored digest, oldest position first. */
export const listDigests = (db: Database.Database): StoredLedgerDigest[] =>
  (db.prepare('SELECT * FROM ledger_digests ORDER BY global_position').all() as DigestRow[]).map(fromDigestRow)
