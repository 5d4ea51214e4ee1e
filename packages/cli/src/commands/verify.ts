/**
 * `verify`: the auditor's check. Reads the whole log to learn its streams, checks every stream's
 * hash chain with core `verifyStream` (versions 1…n without gaps, each prevHash, each hash), then
 * recomputes every stored ledger digest (Merkle root over stream heads) — which catches what a
 * chain alone cannot, such as the last events of a stream cut off. When all is intact and the
 * store keeps digests, a new one is recorded at the current position.
 */
import { CorruptEventError, merkleRoot, verifyStream, type LedgerDigest, type RecordedEvent, type StreamHead } from '@talent-ledger/core'
import { pagesOf } from '../log.js'
import type { Progress } from '../progress.js'
import type { OpenedStore } from '../store-url.js'

/** The outcome: a one-line summary when intact, else the first bad stream and version. */
export type VerifyResult =
  | { readonly ok: true; readonly streams: number; readonly events: number; readonly digestsChecked: number; readonly digest: LedgerDigest | null }
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
  const settleUpTo = (position: number): void => {
    while (pending.length > 0 && pending[0]!.globalPosition < position) {
      const d = pending.shift()!
      rootsAt.set(d.globalPosition, { streamCount: heads.size, root: merkleRoot([...heads.values()]) })
    }
  }
  for await (const page of pagesOf(opened.store)) {
    for (const e of page) {
      settleUpTo(e.globalPosition)
      streams.add(e.streamId)
      events++
      const head = heads.get(e.streamId)
      if (head === undefined || e.version > head.version) heads.set(e.streamId, { streamId: e.streamId, version: e.version, hash: e.hash })
    }
  }
  settleUpTo(Infinity)
  return { streams: [...streams], events, rootsAt }
}

/** Checks one stream; null when intact. */
const checkStream = (streamId: string, rows: ReadonlyArray<RecordedEvent>): VerifyResult | null => {
  const broken = verifyStream(streamId, rows)
  return broken === null ? null : { ok: false, stream: broken.streamId, version: broken.version, reason: broken.reason }
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
      const broken = checkStream(streamId, rows)
      if (broken !== null) return broken
      if (i % 500 === 0) progress.update(i)
    }
    progress.update(scan.streams.length)
  } finally {
    progress.stop()
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
  const digest = store.recordLedgerDigest === undefined ? null : await store.recordLedgerDigest()
  return { ok: true, streams: scan.streams.length, events: scan.events, digestsChecked: digests.length, digest: digest === null ? null : { globalPosition: digest.globalPosition, streamCount: digest.streamCount, root: digest.root } }
}
