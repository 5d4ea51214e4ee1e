/**
 * `verify`: the auditor's check, core's `verifyLedger` on the opened store (every stored row: hash
 * chains, positions, heads, the outbox rows the events imply under the default notification policy
 * the CLI writes with, every row reached by the log's order, the stored ledger digests); the
 * algorithm and what it proves are in core and docs/audit-guide.md. This file only prints: when all
 * is intact and the store keeps digests, a new one is recorded at the current position; on a store
 * that cannot be written (a read replica, a read-only file) it is computed and reported, not recorded.
 */
import { verifyLedger, type LedgerDigest } from '@talent-ledger/core'
import type { OpenedStore } from '@talent-ledger/core/store-kit'
import { nativeSha256Bytes as sha256Bytes, nativeSha256Hex as sha256 } from '@talent-ledger/node'
import type { Progress } from '../progress.js'
import { verifyInWorkers } from './verify-in-workers.js'

/** The outcome: a one-line summary when intact, else the first bad stream and version. */
export type VerifyResult =
  | {
      readonly ok: true
      readonly streams: number
      readonly events: number
      readonly digestsChecked: number
      readonly digest: LedgerDigest | null
      /** False when the store could not be written and the digest was only computed. */
      readonly digestRecorded: boolean
    }
  | { readonly ok: false; readonly stream: string | null; readonly version: number | null; readonly reason: string }

/** A store that refuses writes: SQLite's read-only error, PostgreSQL's 25006 (a hot standby, a read-only transaction). */
const isReadOnly = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'StoreReadOnlyError' || (error as { code?: unknown }).code === '25006')

/** Records a digest; null when the store cannot be written (the caller reports the computed one). */
const recordUnlessReadOnly = async (record: () => Promise<LedgerDigest>): Promise<LedgerDigest | null> => {
  try {
    return await record()
  } catch (error) {
    if (isReadOnly(error)) return null
    throw error
  }
}

/**
 * Verifies the whole store; the first finding (in commit order) when it is not intact. `url`: the
 * store's URL when worker threads may open it too (not `memory:`), so a large store's streams are
 * checked in ranges side by side (verify-in-workers.ts); the findings are the same either way.
 */
export const verifyLog = async (opened: OpenedStore, progress: Progress, url?: string): Promise<VerifyResult> => {
  const { store } = opened
  const digests = store.ledgerDigests === undefined ? [] : await store.ledgerDigests()
  const streamPass = url === undefined ? {} : { streamPass: verifyInWorkers(url, store.audit, { sha256 }) }
  const verified = await verifyLedger(store, { sha256, sha256Bytes, digests, progress, ...streamPass })
  if (!verified.ok) {
    const { stream, version, reason } = verified.findings[0]!
    return { ok: false, stream, version, reason }
  }
  const recorded = store.recordLedgerDigest === undefined ? null : await recordUnlessReadOnly(store.recordLedgerDigest)
  const digest = recorded ?? (store.recordLedgerDigest === undefined ? null : verified.digest)
  return {
    ok: true,
    streams: verified.streams,
    events: verified.events,
    digestsChecked: verified.digestsChecked,
    digest: digest === null ? null : { globalPosition: digest.globalPosition, streamCount: digest.streamCount, root: digest.root },
    digestRecorded: recorded !== null,
  }
}
