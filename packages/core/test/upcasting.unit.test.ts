/**
 * Upcasting: old `schemaVersion`s are lifted step by step on read (v1 → v2 → v3), events nobody
 * upcasts pass through untouched, and the stored event — which the hash covers — is never changed.
 */
import { describe, expect, it } from 'vitest'
import {
  GENESIS_HASH,
  decodeRecorded,
  sealEvents,
  upcasterChain,
  verifyStream,
  type NewEvent,
  type RecordedEvent,
  type Upcaster,
} from '../src/index.js'

const recorded = (type: string, schemaVersion: number, data: unknown, streamId = 'talent-1'): RecordedEvent => {
  const e: NewEvent = {
    eventId: `id-${type}-${schemaVersion}`,
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { id: 'org-1', role: 'employer' },
      correlationId: 'c',
      causationId: null,
      occurredOn: '2026-01-01',
      recordedAt: '2026-01-01T00:00:00.000Z',
    },
  }
  return sealEvents({ streamId, version: 0, hash: GENESIS_HASH }, [e], () => 1)[0]!
}

// v1 {worker, to}; v2 renamed worker → talentId; v3 renamed to → employerId and added from
const renameWorker = (d: unknown): unknown => {
  const { worker, ...rest } = d as { worker: string }
  return { talentId: worker, ...rest }
}
const renameTo = (d: unknown): unknown => {
  const { to, ...rest } = d as { to: string }
  return { ...rest, employerId: to, from: 'unknown' }
}
// listed newest first on purpose: the chain must not depend on the order given
const upcasters: Upcaster[] = [
  { type: 'EmployerChanged', fromVersion: 2, upcast: renameTo },
  { type: 'EmployerChanged', fromVersion: 1, upcast: renameWorker },
]
const upcast = upcasterChain(upcasters)

describe('upcasterChain', () => {
  it('lifts v1 through v2 to v3, one step at a time and in order, whatever order the list is in', () => {
    const lifted = upcast(recorded('EmployerChanged', 1, { worker: '42', to: 'org-9', on: '2026-02-01' }))
    expect(lifted.schemaVersion).toBe(3)
    expect(lifted.data).toEqual({ talentId: '42', employerId: 'org-9', from: 'unknown', on: '2026-02-01' })
  })

  it('lifts v2 with the last step only', () => {
    const lifted = upcast(recorded('EmployerChanged', 2, { talentId: '42', to: 'org-9', on: '2026-02-01' }))
    expect(lifted).toMatchObject({ schemaVersion: 3, data: { talentId: '42', employerId: 'org-9', from: 'unknown' } })
  })

  it('passes the newest version and unknown types through as they are', () => {
    const current = recorded('EmployerChanged', 3, { talentId: '42', employerId: 'org-9', from: 'org-1', on: '2026-02-01' })
    expect(upcast(current)).toBe(current)
    const other = recorded('HonorConferred', 1, { talentId: '42', title: '江苏工匠', grade: 'provincial', on: '2026-01-01' })
    expect(upcast(other)).toBe(other)
    expect(upcasterChain([])(other)).toBe(other)
  })

  it('never changes the stored event, so the chain over the stored form still verifies', () => {
    const stored = recorded('EmployerChanged', 1, { worker: '42', to: 'org-9', on: '2026-02-01' })
    const before = structuredClone(stored)
    const lifted = upcast(stored)
    expect(stored).toEqual(before)
    expect(verifyStream('talent-1', [stored])).toBeNull()
    // the lifted copy keeps the stored hash, so it is for reading, not for verifying
    expect(lifted.hash).toBe(stored.hash)
    expect(verifyStream('talent-1', [lifted])).not.toBeNull()
  })

  it('lets decodeRecorded read an old shape as the current one', () => {
    const old = recorded('EmployerChanged', 0, { worker: '42', to: 'org-9', on: '2026-02-01' })
    const toCurrent = upcasterChain([
      { type: 'EmployerChanged', fromVersion: 0, upcast: (d) => renameWorker(renameTo(d)) },
    ])
    expect(() => decodeRecorded()(old)).toThrow(/talentId/)
    expect(decodeRecorded(toCurrent)(old).event).toEqual({
      type: 'EmployerChanged',
      data: { talentId: '42', from: 'unknown', employerId: 'org-9', on: '2026-02-01' },
    })
  })
})
