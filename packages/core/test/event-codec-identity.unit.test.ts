/**
 * `decodeStored` asks an event codec's `is` before its `decode` where the codec only checks
 * (domain/checks-only.ts, tested on its own in checks-only.unit.test.ts): every event codec is of
 * that kind today, so every well-formed stored event takes the cheap path; a codec of another kind
 * (a transformation, `t.exact`, a prop typed `unknown`) would quietly take the full decode, and the
 * first test says so.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { EventData, GENESIS_HASH, decodeStored, sealEvents, type NewEvent } from '../src/index.js'
import { checksOnly } from '../src/domain/checks-only.js'

const sealed = (type: string, data: unknown) => {
  const event: NewEvent = {
    eventId: 'e-1',
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'hrb', role: 'hr-bureau' }, correlationId: 'c-1', causationId: null, occurredOn: '2026-01-05', recordedAt: '2026-01-05T09:00:00.000Z' },
  }
  return sealEvents({ streamId: 'talent-42', version: 0, hash: GENESIS_HASH }, [event], () => 1)[0]!
}

describe('event codecs and the `is` shortcut of decodeStored', () => {
  it('only check, every one of them: a stored event is accepted by `is`', () => {
    expect(Object.entries(EventData as unknown as Record<string, t.Mixed>).filter(([, codec]) => !checksOnly(codec)).map(([type]) => type)).toEqual([])
  })

  it('hands back what decode hands back: the same data, extra fields kept, a bad field named', () => {
    const data = { talentId: '42', from: 'org-0', employerId: 'org-1', on: '2026-01-05', relation: 'employee' }
    for (const d of [data, { ...data, extra: { nested: [1, 'two'] } }]) {
      const decoded = EventData.EmployerChanged.decode(d)
      expect(E.isRight(decoded) && decoded.right).toBe(d)
      expect(decodeStored()(sealed('EmployerChanged', d)).event.data).toBe(d)
    }
    expect(() => decodeStored()(sealed('EmployerChanged', { ...data, on: '2026-02-30' }))).toThrow(/^corrupt event in talent-42 at version 1: on: expected/)
    expect(() => decodeStored()(sealed('EmployerChanged', { ...data, employerId: undefined }))).toThrow(/employerId/)
  })
})
