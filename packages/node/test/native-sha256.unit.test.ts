// The stores seal with node:crypto's SHA-256; the chain must be byte for byte the one core's
// pure-JavaScript SHA-256 makes, so any verifier (and every other store) agrees with it.
import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import { merkleRoot, sealEvents, sha256Hex, verifyStream, type NewEvent } from '@talent-ledger/core'
import { nativeSha256Bytes, nativeSha256Hex } from '../src/index.js'

const event = (i: number, note: string): NewEvent => ({
  eventId: `e-${i}`,
  type: 'HonorConferred',
  schemaVersion: 1,
  data: { talentId: 't-1', title: note, grade: 'municipal', on: '2026-04-01' },
  metadata: { actor: { id: 'hr-bureau', role: 'hr-bureau' }, correlationId: `c-${i}`, causationId: null, occurredOn: '2026-04-01', recordedAt: '2026-04-01T08:00:00.000Z' },
})

describe('nativeSha256Hex', () => {
  it('equals core sha256Hex on any string, ASCII or not', () => {
    for (const s of ['', 'abc', '连云港 高技能人才', '\u{1F600}', 'a'.repeat(10_000)]) expect(nativeSha256Hex(s)).toBe(sha256Hex(s))
    // the empty string's digest is a published constant: both functions could agree and both be wrong
    expect(nativeSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => nativeSha256Hex(s) === sha256Hex(s)))
  })

  it('equals core sha256Hex on a 1 MiB text of CJK and ASCII', () => {
    // 3-byte UTF-8 characters beside 1-byte ones, 16 bytes a unit: exactly 1 MiB, crossing every block boundary
    const text = '连云港 skills'.repeat(65_536)
    expect(Buffer.byteLength(text, 'utf8')).toBe(1024 * 1024)
    expect(nativeSha256Hex(text)).toBe(sha256Hex(text))
  })

  it('seals the same chain as the pure-JavaScript hash, and either verifies it', () => {
    const events = ['江苏工匠', 'technician', '技术能手'].map((n, i) => event(i, n))
    const native = sealEvents({ streamId: 'talent-t-1', version: 0, hash: '' }, events, (i) => i + 1, nativeSha256Hex)
    expect(native).toEqual(sealEvents({ streamId: 'talent-t-1', version: 0, hash: '' }, events, (i) => i + 1))
    expect(verifyStream('talent-t-1', native)).toBeNull()
    expect(verifyStream('talent-t-1', native, nativeSha256Hex)).toBeNull()
  })
})

describe('nativeSha256Bytes', () => {
  it('gives the same ledger digest (Merkle root) as the pure-JavaScript hash, for 0 to 40 heads', () => {
    const hex = (i: number): string => sha256Hex(`head ${i}`)
    for (let n = 0; n <= 40; n++) {
      const heads = Array.from({ length: n }, (_, i) => ({ streamId: `talent-${(i * 7919) % 1000}-连云港`, version: i + 1, hash: hex(i) }))
      expect(merkleRoot(heads, nativeSha256Bytes)).toBe(merkleRoot(heads))
    }
    // the root of no heads is a published constant (SHA-256 of nothing)
    expect(merkleRoot([], nativeSha256Bytes)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})
