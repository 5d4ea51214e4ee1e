/**
 * `verify`: the auditor's check. Reads the whole log to learn its streams, checks every stream's
 * hash chain with core `verifyStream` (versions 1…n without gaps, each prevHash, each hash), then
 * compares each stream's last readable event with the head the store keeps for it (version and
 * hash, moved in the same transaction as every append): a chain cannot see its own last events cut
 * off, the head can. Then it recomputes every stored ledger digest (Merkle root over stream heads),
 * which also catches a cut made together with a rewritten head row. When all is intact and the
 * store keeps digests, a new one is recorded at the current position; on a store that cannot be
 * written (a read replica, a read-only file) the digest is computed and reported, not recorded.
 */
import {
  CorruptEventError,
  merkleRoot,
  verifyStream,
  type LedgerDigest,
  type RecordedEvent,
  type StoredStreamHead,
  type StreamHead,
} from '@talent-ledger/core'
import { pagesOf } from '../log.js'
import { nativeSha256Hex as sha256 } from '@talent-ledger/store-sqlite'
import type { Progress } from '../progress.js'
import type { OpenedStore } from '../store-url.js'

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

const corrupt = (error: unknown): VerifyResult | null =>
  error instanceof CorruptEventError ? { ok: false, stream: error.streamId, version: error.version, reason: error.message } : null

/** First pass: stream ids in order of first appearance, stream heads at each digest's position. */
const scanLog = async (opened: OpenedStore, digests: ReadonlyArray<LedgerDigest>) => {
  const streams = new Set<string>()
  const heads = new Map<string, StreamHead>()
  const rootsAt = new Map<number, { streamCount: number; root: string }>()
  const pending = [...digests].sort((a, b) => a.globalPosition - b.globalPosition)
  let events = 0
  let lastPosition = 0
  const settleUpTo = (position: number): void => {
    while (pending.length > 0 && pending[0]!.globalPosition < position) {
      const d = pending.shift()!
      rootsAt.set(d.globalPosition, { streamCount: heads.size, root: merkleRoot([...heads.values()]) })
    }
  }
  for await (const page of pagesOf(opened.store)) {
    for (const e of page) {
      settleUpTo(e.globalPosition)
      lastPosition = e.globalPosition
      streams.add(e.streamId)
      events++
      const head = heads.get(e.streamId)
      if (head === undefined || e.version > head.version) heads.set(e.streamId, { streamId: e.streamId, version: e.version, hash: e.hash })
    }
  }
  settleUpTo(Infinity)
  const now: LedgerDigest = { globalPosition: lastPosition, streamCount: heads.size, root: merkleRoot([...heads.values()]) }
  return { streams: [...streams], events, rootsAt, now }
}

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

/** Checks one stream; null when intact. */
const checkStream = (streamId: string, rows: ReadonlyArray<RecordedEvent>): VerifyResult | null => {
  const broken = verifyStream(streamId, rows, sha256)
  return broken === null ? null : { ok: false, stream: broken.streamId, version: broken.version, reason: broken.reason }
}

/** Compares a stream's last readable event with its stored head; null when they agree. */
const checkHead = (streamId: string, last: RecordedEvent | undefined, head: StoredStreamHead | undefined): VerifyResult | null => {
  const readable = last?.version ?? 0
  if (head === undefined)
    return { ok: false, stream: streamId, version: readable, reason: `the stream has events up to version ${readable} but no stored head` }
  if (readable < head.version)
    return {
      ok: false,
      stream: streamId,
      version: readable + 1,
      reason: `the stored head is at version ${head.version} but the last readable event is version ${readable}: ${head.version === readable + 1 ? `version ${head.version} is` : `versions ${readable + 1}–${head.version} are`} missing (the stream was cut short)`,
    }
  if (readable > head.version)
    return { ok: false, stream: streamId, version: head.version + 1, reason: `the stored head is at version ${head.version} but events up to version ${readable} are stored after it` }
  if (last !== undefined && last.hash !== head.hash)
    return { ok: false, stream: streamId, version: readable, reason: `the hash of version ${readable} differs from the stored head (${head.hash})` }
  return null
}

/** Verifies the whole log; see the module comment for what is checked. */
export const verifyLog = async (opened: OpenedStore, progress: Progress): Promise<VerifyResult> => {
  const { store } = opened
  const digests = store.ledgerDigests === undefined ? [] : await store.ledgerDigests()
  let scan: Awaited<ReturnType<typeof scanLog>>
  try {
    scan = await scanLog(opened, digests)
  } catch (error) {
    const found = corrupt(error)
    if (found !== null) return found
    throw error
  }
  const heads = new Map((await store.streamHeads()).map((h) => [h.streamId, h]))
  progress.start(scan.streams.length)
  try {
    for (let i = 0; i < scan.streams.length; i++) {
      const streamId = scan.streams[i]!
      let rows: ReadonlyArray<RecordedEvent>
      try {
        rows = await store.readStream(streamId)
      } catch (error) {
        const found = corrupt(error)
        if (found !== null) return found
        throw error
      }
      const broken = checkStream(streamId, rows) ?? checkHead(streamId, rows[rows.length - 1], heads.get(streamId))
      if (broken !== null) return broken
      heads.delete(streamId)
      if (i % 500 === 0) progress.update(i)
    }
    progress.update(scan.streams.length)
  } finally {
    progress.stop()
  }
  // a head whose stream has no readable event left: the whole stream was deleted
  for (const [streamId, head] of heads) {
    const broken = checkHead(streamId, undefined, head)
    if (broken !== null) return broken
  }
  for (const d of digests) {
    const now = scan.rootsAt.get(d.globalPosition)
    if (now === undefined || now.root !== d.root || now.streamCount !== d.streamCount)
      return {
        ok: false,
        stream: null,
        version: null,
        reason: `ledger digest at position ${d.globalPosition} (root ${d.root}, ${d.streamCount} streams) does not match the log (${now === undefined ? 'position not reached' : `root ${now.root}, ${now.streamCount} streams`}): events up to that position were removed or rewritten`,
      }
  }
  const recorded = store.recordLedgerDigest === undefined ? null : await recordUnlessReadOnly(store.recordLedgerDigest)
  const digest = recorded ?? (store.recordLedgerDigest === undefined ? null : scan.now)
  return {
    ok: true,
    streams: scan.streams.length,
    events: scan.events,
    digestsChecked: digests.length,
    digest: digest === null ? null : { globalPosition: digest.globalPosition, streamCount: digest.streamCount, root: digest.root },
    digestRecorded: recorded !== null,
  }
}
