/**
 * Ledger digests: a Merkle root over every stream head at a global position. An auditor saves the
 * digest outside the system; recomputing it later from the log proves no stream was rewritten or
 * truncated up to that position. Tree shape follows RFC 6962 (leaf prefix 0x00, node prefix 0x01,
 * an odd node is promoted), leaves sorted by stream id (code-unit order).
 */
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { canonicalMember } from './canonical-json.js'
import type { RecordedEvent } from './envelope.js'
import type { StreamHead } from './hash-chain.js'

/** A digest an auditor can keep. */
export interface LedgerDigest {
  readonly globalPosition: number
  readonly streamCount: number
  readonly root: string
}

/**
 * SHA-256 of bytes. The core's own is pure JavaScript; an adapter may pass a native one (e.g.
 * `node:crypto`): same bytes in, same digest out. A ledger digest hashes two values per stream.
 * The bytes are only read, and only during the call (the Merkle root refills one buffer).
 */
export type Sha256BytesFunction = (bytes: Uint8Array) => Uint8Array

/**
 * A leaf's text: U+0000 (whose UTF-8 is the leaf prefix 0x00), then the canonical JSON of the head's
 * three members, given in their sorted order — the text of `canonicalJson({ hash, streamId, version })`
 * without building that object or checking its key order.
 */
export const leafText = (h: StreamHead): string =>
  `\u0000${canonicalMember(canonicalMember(canonicalMember('{', 'hash', h.hash), 'streamId', h.streamId), 'version', h.version)}}`

// the encoder every JavaScript host has (noble's utf8ToBytes used it too); core's lib declares no host API
declare const TextEncoder: new () => { encodeInto: (text: string, into: Uint8Array) => { readonly written: number } }
const utf8 = new TextEncoder()

/**
 * The UTF-8 of the leaves, each written into one buffer that grows as needed. WHY: verify computes
 * the root over every stream of the log (tens of thousands), and a new array per leaf (a new
 * encoder, then a copy, as `utf8ToBytes` makes) cost as much as hashing it.
 */
const leafHasher = (sha: Sha256BytesFunction): ((h: StreamHead) => Uint8Array) => {
  let scratch = new Uint8Array(256)
  return (h) => {
    const text = leafText(h)
    // UTF-8 takes at most three bytes per UTF-16 code unit
    if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3)
    const { written } = utf8.encodeInto(text, scratch)
    return sha(scratch.subarray(0, written))
  }
}

/** Merkle root (hex) over stream heads; the root of no heads is SHA-256 of the empty string. */
export const merkleRoot = (heads: ReadonlyArray<StreamHead>, sha: Sha256BytesFunction = sha256): string => {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
  if (sorted.length === 0) return bytesToHex(sha(new Uint8Array()))
  let level = sorted.map(leafHasher(sha))
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
