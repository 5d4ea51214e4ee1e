/**
 * HonorConferred changed shape with the honours catalogue (DOMAIN.md §14): new events are written
 * with schemaVersion 2; a version-1 row (0.1's free text) is upcast on read with honourId, kind,
 * source and policyId null, by default in every decoder, and the stored row is never changed.
 */
import { describe, expect, it } from 'vitest'
import {
  GENESIS_HASH,
  LEDGER_UPCASTERS,
  decodeRecorded,
  decodeStored,
  schemaVersionOf,
  sealEvents,
  talentProfile,
  talentCategory,
  foldEvents,
  verifyStream,
  type NewEvent,
  type RecordedEvent,
  type TalentEvent,
} from '../src/index.js'

const row = (schemaVersion: number, data: unknown): RecordedEvent => {
  const e: NewEvent = {
    eventId: `id-honour-${schemaVersion}`,
    type: 'HonorConferred',
    schemaVersion,
    data,
    metadata: { actor: { id: 'hr-bureau', role: 'hr-bureau' }, correlationId: 'c', causationId: null, occurredOn: '2027-10-01', recordedAt: '2027-10-01T00:00:00.000Z' },
  }
  return sealEvents({ streamId: 'talent-fx-1', version: 0, hash: GENESIS_HASH }, [e], () => 1)[0]!
}
const V1 = { talentId: 'fx-1', title: '港城工匠', grade: 'municipal', on: '2027-10-01' }

describe('HonorConferred schemaVersion 2', () => {
  it('is written at version 2; other events at 1', () => {
    expect(schemaVersionOf('HonorConferred')).toBe(2)
    expect(schemaVersionOf('LevelCertified')).toBe(1)
    expect(LEDGER_UPCASTERS.map((u) => `${u.type}@${u.fromVersion}`)).toEqual(['HonorConferred@1'])
  })

  it('a version-1 row decodes, by default, with the four new fields null; the row and its hash are unchanged', () => {
    const stored = row(1, V1)
    const before = JSON.stringify(stored)
    for (const decoded of [decodeStored()(stored), decodeRecorded()(JSON.parse(JSON.stringify(stored)))]) {
      expect(decoded.event).toEqual({ type: 'HonorConferred', data: { ...V1, honourId: null, kind: null, source: null, policyId: null } })
      expect(decoded.envelope.schemaVersion).toBe(1)
    }
    expect(JSON.stringify(stored)).toBe(before)
    expect(verifyStream('talent-fx-1', [stored])).toBeNull()
  })

  it('a version-2 row decodes as written; one without the new fields at version 2 is corrupt', () => {
    const v2 = { ...V1, honourId: null, kind: 'other', source: null, policyId: 'lianyungang-2027' }
    expect(decodeStored()(row(2, v2)).event.data).toEqual(v2)
    expect(() => decodeStored()(row(2, V1))).toThrow(/honourId/)
  })

  it('`show` prints a version-1 honour as 0.1 printed it, a version-2 one with its catalogue fields', () => {
    const v1 = decodeStored()(row(1, V1)).event as TalentEvent
    const v2: TalentEvent = { type: 'HonorConferred', data: { ...V1, title: '江苏工匠', grade: 'provincial', honourId: 'jiangsu-craftsman', kind: 'craftsman', source: null, policyId: 'national-2018' } }
    const profile = talentProfile(foldEvents(talentCategory, [v1, v2]), null)
    expect(JSON.stringify(profile.honours)).toBe(
      JSON.stringify([{ title: '港城工匠', grade: 'municipal', on: '2027-10-01' }, { title: '江苏工匠', grade: 'provincial', on: '2027-10-01', honourId: 'jiangsu-craftsman', kind: 'craftsman', source: null, policyId: 'national-2018' }]),
    )
  })
})
