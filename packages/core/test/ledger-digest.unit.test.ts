/**
 * Ledger digests: a Merkle root over every stream head (RFC 6962 shape: leaf prefix 0x00, node
 * prefix 0x01, an odd node promoted, leaves sorted by stream id). Known vectors are recomputed
 * here with node:crypto, as an auditor's own verifier would; properties show the root ignores the
 * order heads are given in and changes when any head changes.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GENESIS_HASH, ledgerDigest, merkleRoot, sealEvents, type NewEvent, type StreamHead } from '../src/index.js'
import { headsAt, leafText } from '../src/kernel/ledger-digest.js'
import { canonicalJson } from '../src/kernel/canonical-json.js'

const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest()
const leaf = (h: StreamHead): Buffer =>
  sha(Buffer.from([0]), Buffer.from(`{"hash":"${h.hash}","streamId":"${h.streamId}","version":${h.version}}`, 'utf8'))
const node = (l: Buffer, r: Buffer): Buffer => sha(Buffer.from([1]), l, r)

const head = (streamId: string, version: number, fill = 'a'): StreamHead => ({ streamId, version, hash: fill.repeat(64) })

const hexHash = fc.stringMatching(/^[0-9a-f]{64}$/)
/** Heads with distinct stream ids, as a log has. */
const heads = fc.uniqueArray(
  fc.record({ streamId: fc.string({ minLength: 1, maxLength: 12 }), version: fc.integer({ min: 1, max: 1000 }), hash: hexHash }),
  { selector: (h) => h.streamId, minLength: 1, maxLength: 12 },
)

describe('merkleRoot', () => {
  it('of no heads is SHA-256 of the empty string', () => {
    expect(merkleRoot([])).toBe(createHash('sha256').update('').digest('hex'))
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('of one head is the leaf hash: SHA-256(0x00 ‖ canonical JSON of the head)', () => {
    const h = head('talent-42', 3)
    expect(merkleRoot([h])).toBe(leaf(h).toString('hex'))
  })

  it('pairs leaves in stream-id order and promotes an odd one', () => {
    const [a, b, c] = [head('city', 1, 'c'), head('org-7', 2, 'd'), head('talent-1', 5, 'e')]
    expect(merkleRoot([b, a])).toBe(node(leaf(a), leaf(b)).toString('hex'))
    expect(merkleRoot([c, a, b])).toBe(node(node(leaf(a), leaf(b)), leaf(c)).toString('hex'))
    const d = head('talent-2', 1, 'f')
    expect(merkleRoot([d, c, b, a])).toBe(node(node(leaf(a), leaf(b)), node(leaf(c), leaf(d))).toString('hex'))
  })

  it('does not depend on the order heads are given in', () => {
    fc.assert(
      fc.property(heads, fc.infiniteStream(fc.nat()), (hs, seeds) => {
        const shuffled = [...hs]
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
        }
        expect(merkleRoot(shuffled)).toBe(merkleRoot(hs))
      }),
      { numRuns: 100 },
    )
  })

  it('hashes a leaf as U+0000 then the canonical JSON of the head, in UTF-8, whatever the stream id holds', () => {
    // ids beyond ASCII (two- and three-byte UTF-8, astral pairs, quotes and controls that JSON escapes) and long ones: the leaf buffer grows
    const id = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 100, maxLength: 400 }))
    const anyHeads = fc.uniqueArray(fc.record({ streamId: id, version: fc.integer({ min: 1, max: 2 ** 40 }), hash: hexHash }), { selector: (h) => h.streamId, minLength: 1, maxLength: 9 })
    fc.assert(
      fc.property(anyHeads, (hs) => {
        for (const h of hs) expect(leafText(h)).toBe(`\u0000${canonicalJson({ hash: h.hash, streamId: h.streamId, version: h.version })}`)
        const byteLeaf = (h: StreamHead): Buffer => sha(Buffer.from(leafText(h), 'utf8'))
        const sorted = [...hs].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
        let level = sorted.map(byteLeaf)
        while (level.length > 1) level = Array.from({ length: Math.ceil(level.length / 2) }, (_, i) => (level[2 * i + 1] === undefined ? level[2 * i]! : node(level[2 * i]!, level[2 * i + 1]!)))
        expect(merkleRoot(hs)).toBe(level[0]!.toString('hex'))
        expect(merkleRoot(hs, (b) => createHash('sha256').update(b).digest())).toBe(level[0]!.toString('hex'))
      }),
    )
  })

  it('refuses a head whose stream id holds a lone surrogate, as canonical JSON does', () => {
    expect(() => merkleRoot([head('talent-\ud800', 1)])).toThrow('Lone surrogate is not allowed')
  })

  it('changes when any head changes its hash or version, or a head is added or dropped', () => {
    fc.assert(
      fc.property(heads, fc.nat(), hexHash, (hs, pick, other) => {
        const i = pick % hs.length
        const root = merkleRoot(hs)
        const h = hs[i]!
        fc.pre(other !== h.hash)
        expect(merkleRoot(hs.map((x, j) => (j === i ? { ...x, hash: other } : x)))).not.toBe(root)
        expect(merkleRoot(hs.map((x, j) => (j === i ? { ...x, version: x.version + 1 } : x)))).not.toBe(root)
        expect(merkleRoot(hs.filter((_, j) => j !== i))).not.toBe(root)
        expect(merkleRoot([...hs, { streamId: `${h.streamId}+`, version: 1, hash: other }])).not.toBe(root)
      }),
      { numRuns: 100 },
    )
  })
})

describe('ledgerDigest and headsAt', () => {
  const probe = (n: number): NewEvent => ({
    eventId: `e-${n}`,
    type: 'Probe',
    schemaVersion: 1,
    data: { n },
    metadata: {
      actor: { id: 'a', role: 'auditor' },
      correlationId: 'c',
      causationId: null,
      occurredOn: '2026-01-01',
      recordedAt: '2026-01-01T00:00:00Z',
    },
  })
  // two streams interleaved in the log: a@1 (pos 1), b@1 (2), a@2 (3), b@2 (4), a@3 (5)
  const a = sealEvents({ streamId: 'a', version: 0, hash: GENESIS_HASH }, [1, 3, 5].map(probe), (i) => 2 * i + 1)
  const b = sealEvents({ streamId: 'b', version: 0, hash: GENESIS_HASH }, [2, 4].map(probe), (i) => 2 * i + 2)
  const log = [a[0]!, b[0]!, a[1]!, b[1]!, a[2]!]

  it('takes each stream at its last version up to the position', () => {
    expect(headsAt(log, 3)).toEqual([
      { streamId: 'a', version: 2, hash: a[1]!.hash },
      { streamId: 'b', version: 1, hash: b[0]!.hash },
    ])
    expect(headsAt(log, 1)).toEqual([{ streamId: 'a', version: 1, hash: a[0]!.hash }])
  })

  it('digests the whole log by default and any prefix on request', () => {
    const root = node(leaf({ streamId: 'a', version: 3, hash: a[2]!.hash }), leaf({ streamId: 'b', version: 2, hash: b[1]!.hash }))
    expect(ledgerDigest(log)).toEqual({ globalPosition: 5, streamCount: 2, root: root.toString('hex') })
    expect(ledgerDigest(log, 3).root).toBe(merkleRoot(headsAt(log, 3)))
    expect(ledgerDigest([]).root).toBe(merkleRoot([]))
  })

  it('keeps a saved digest valid as the log grows, and exposes a truncated or rewritten prefix', () => {
    const saved = ledgerDigest(log, 4)
    expect(ledgerDigest([...log].reverse(), 4)).toEqual(saved)
    // truncating stream b (dropping b@2) is invisible to verifyStream but not to the digest
    expect(ledgerDigest(log.filter((e) => e !== b[1]), 4).root).not.toBe(saved.root)
  })
})
