/**
 * The pieces of inline and async projections the SQL stores share: entries by name (two with one name
 * refused, the default decoder), a state resumed from what was stored, and a fold that moves the
 * position to the last event's; and a stored event row checked, a bad JSON column or field named.
 */
import { describe, expect, it } from 'vitest'
import type { LedgerEvent, NewEvent, Projection } from '../src/index.js'
import { CorruptEventError, GENESIS_HASH, foldInto, inlineProjectionEntries, recordedEventOfRow, resumeFrom, sealEvents } from '../src/store-kit/index.js'

const counter: Projection<{ n: number }, LedgerEvent> = { name: 'counter', initialState: () => ({ n: 0 }), apply: (s) => ({ n: s.n + 1 }) }

const probe: NewEvent = {
  eventId: 'e-1',
  type: 'StoreProbe',
  schemaVersion: 1,
  data: { n: 1 },
  metadata: {
    actor: { id: 'store-tests', role: 'auditor' },
    correlationId: 'corr-1',
    causationId: null,
    occurredOn: '2026-01-01',
    recordedAt: '2026-01-01T08:00:00.000Z',
  },
}
const [event] = sealEvents({ streamId: 'talent-1', version: 0, hash: GENESIS_HASH }, [probe], () => 7)
const row = {
  global_position: 7,
  stream_id: 'talent-1',
  version: 1,
  event_id: 'e-1',
  type: 'StoreProbe',
  schema_version: 1,
  data: JSON.stringify(event!.data),
  metadata: JSON.stringify(event!.metadata),
  prev_hash: event!.prevHash,
  hash: event!.hash,
}

describe('store projections', () => {
  it('refuses two inline projections with one name and gives each a decoder', () => {
    expect(() => inlineProjectionEntries([{ projection: counter }, { projection: counter }])).toThrow('two inline projections are named counter')
    const entry = inlineProjectionEntries([{ projection: counter, decode: () => ({}) as LedgerEvent }]).get('counter')!
    expect(entry.current).toBeUndefined()
    expect(typeof entry.decode).toBe('function')
  })

  it('resumes from the stored snapshot, or from a fresh state at position 0', () => {
    expect(resumeFrom(counter, undefined)).toEqual({ position: 0, state: { n: 0 } })
    expect(resumeFrom(counter, { position: 9, state: { n: 3 } })).toEqual({ position: 9, state: { n: 3 } })
  })

  it('folds events and moves the position to the last one', () => {
    const entry = inlineProjectionEntries([{ projection: counter, decode: () => ({}) as LedgerEvent }]).get('counter')!
    const current = { position: 0, state: { n: 0 } as unknown }
    foldInto(entry, current, [event!, { ...event!, globalPosition: 8 }])
    expect(current).toEqual({ position: 8, state: { n: 2 } })
    foldInto(entry, current, [])
    expect(current).toEqual({ position: 8, state: { n: 2 } })
  })
})

describe('a stored event row', () => {
  it('decodes as the RecordedEvent it was sealed as', () => {
    expect(recordedEventOfRow(row)).toEqual(event)
    expect(recordedEventOfRow({ ...row, global_position: '7' }, 7)).toEqual(event)
  })

  it('names the stream, the version and the column or field at fault', () => {
    expect(() => recordedEventOfRow({ ...row, data: '{' })).toThrow(CorruptEventError)
    expect(() => recordedEventOfRow({ ...row, data: '{' })).toThrow(/talent-1 at version 1.*column data is not JSON/)
    expect(() => recordedEventOfRow({ ...row, metadata: null })).toThrow(/column metadata is not text/)
    expect(() => recordedEventOfRow({ ...row, metadata: '{"actor":null}' })).toThrow(/talent-1 at version 1.*actor/)
  })
})
