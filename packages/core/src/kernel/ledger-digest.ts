/**
 * Ledger digests: a Merkle root over every stream head at a global position. An auditor saves the
 * digest outside the system; recomputing it later from the log proves no stream was rewritten or
 * truncated up to that position. Tree shape follows RFC 6962 (leaf prefix 0x00, node prefix 0x01,
 * an odd node is promoted), leaves sorted by stream id (code-unit order).
 */
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import type { RecordedEvent } from './envelope.js'
import { canonicalJson, type StreamHead } from './hash-chain.js'

/** A digest an auditor can keep. */
export interface LedgerDigest {
  readonly globalPosition: number
  readonly streamCount: number
  readonly root: string
}

/**
 * SHA-256 of bytes. The core's own is pure JavaScript; an adapter may pass a native one (e.g.
 * `node:crypto`): same bytes in, same digest out. A ledger digest hashes two values per stream.
 */
export type Sha256BytesFunction = (bytes: Uint8Array) => Uint8Array

// the leaf prefix 0x00 is the UTF-8 of U+0000: a leaf's bytes are one string's encoding. The
// members are given in their canonical (sorted) order, so the canonical writer checks rather than sorts.
const leafHash = (h: StreamHead, sha: Sha256BytesFunction): Uint8Array =>
  sha(utf8ToBytes(`\u0000${canonicalJson({ hash: h.hash, streamId: h.streamId, version: h.version })}`))

/** Merkle root (hex) over stream heads; the root of no heads is SHA-256 of the empty string. */
export const merkleRoot = (heads: ReadonlyArray<StreamHead>, sha: Sha256BytesFunction = sha256): string => {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
  if (sorted.length === 0) return bytesToHex(sha(new Uint8Array()))
  let level = sorted.map((h) => leafHash(h, sha))
  // a node hashes 0x01 ‖ left ‖ right: one buffer, refilled (the hash has read it before the next fill)
  const node = new Uint8Array(65)
  node[0] = 1
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1]
      if (right === undefined) next.push(level[i]!)
      else {
        node.set(level[i]!, 1)
        node.set(right, 33)
        next.push(sha(node))
      }
    }
    level = next
  }
  return bytesToHex(level[0]!)
}

/** Stream heads after reading the log up to and including `globalPosition`. */
export const headsAt = (events: Iterable<RecordedEvent>, globalPosition = Infinity): StreamHead[] => {
  const heads = new Map<string, StreamHead>()
  for (const e of events) {
    if (e.globalPosition > globalPosition) continue
    const h = heads.get(e.streamId)
    if (h === undefined || e.version > h.version) heads.set(e.streamId, { streamId: e.streamId, version: e.version, hash: e.hash })
  }
  return [...heads.values()]
}

/** The digest of a log up to `globalPosition` (default: all of it). */
export const ledgerDigest = (events: Iterable<RecordedEvent>, globalPosition?: number): LedgerDigest => {
  const list = [...events]
  const top = globalPosition ?? list.reduce((m, e) => Math.max(m, e.globalPosition), 0)
  const heads = headsAt(list, top)
  return { globalPosition: top, streamCount: heads.length, root: merkleRoot(heads) }
}
