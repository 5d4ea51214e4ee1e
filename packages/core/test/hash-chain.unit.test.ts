/**
 * The per-stream hash chain: `sealEvents` chains each event to the one before it and `verifyStream`
 * names the first stream and version where a stored history stops matching — a changed byte, a
 * changed metadata field, a deleted, swapped or re-chained event. The formula itself is checked
 * the way an independent auditor would: SHA-256 from node:crypto over hand-written canonical JSON.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, eventHash, sealEvents, verifyStream, type NewEvent, type RecordedEvent } from '../src/index.js'

const STREAM = 'talent-42'

const newEvent = (n: number): NewEvent => ({
  eventId: `0190a1b2-0000-7000-8000-00000000000${n}`,
  type: 'TrainingCompleted',
  schemaVersion: 1,
  data: { talentId: '42', programId: `p-${n}`, completedOn: '2026-03-01', hours: 40 + n, 备注: '焊工' },
  metadata: {
    actor: { id: 'org-7', role: 'training-provider' },
    correlationId: `c-${n}`,
    causationId: null,
    occurredOn: '2026-03-01',
    recordedAt: `2026-03-01T08:00:0${n}.000Z`,
  },
})

/** A sealed stream of four events at positions 10, 20, 30, 40. */
const sealed = (): RecordedEvent[] =>
  sealEvents({ streamId: STREAM, version: 0, hash: GENESIS_HASH }, [1, 2, 3, 4].map(newEvent), (i) => (i + 1) * 10)

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

describe('sealEvents', () => {
  it('numbers versions from the head, takes positions from the store and chains from 64 zeros', () => {
    const events = sealed()
    expect(events.map((e) => [e.streamId, e.version, e.globalPosition])).toEqual([
      [STREAM, 1, 10],
      [STREAM, 2, 20],
      [STREAM, 3, 30],
      [STREAM, 4, 40],
    ])
    expect(events[0]!.prevHash).toBe('0'.repeat(64))
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash)
    expect(verifyStream(STREAM, events)).toBeNull()
  })

  it('hashes SHA-256(prevHash ‖ canonical JSON of the hashed fields), as an auditor would recompute it', () => {
    const [first] = sealed()
    // keys sorted by code unit, no whitespace, UTF-8: written out by hand on purpose
    const canonical =
      '{"data":{"completedOn":"2026-03-01","hours":41,"programId":"p-1","talentId":"42","备注":"焊工"},' +
      '"eventId":"0190a1b2-0000-7000-8000-000000000001",' +
      '"metadata":{"actor":{"id":"org-7","role":"training-provider"},"causationId":null,"correlationId":"c-1",' +
      '"occurredOn":"2026-03-01","recordedAt":"2026-03-01T08:00:01.000Z"},' +
      '"schemaVersion":1,"streamId":"talent-42","type":"TrainingCompleted","version":1}'
    expect(first!.hash).toBe(sha256(GENESIS_HASH + canonical))
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('leaves globalPosition out of the hash, so a store may renumber positions on import', () => {
    const [first] = sealed()
    expect(eventHash(GENESIS_HASH, { ...first!, globalPosition: 999 } as RecordedEvent)).toBe(first!.hash)
  })

  it('seals onto an existing head exactly as sealing the whole stream at once', () => {
    const whole = sealed()
    const head = { streamId: STREAM, version: 2, hash: whole[1]!.hash }
    const rest = sealEvents(head, [3, 4].map(newEvent), (i) => (i + 3) * 10)
    expect(rest).toEqual(whole.slice(2))
  })
})

describe('verifyStream', () => {
  it('accepts an empty stream', () => {
    expect(verifyStream(STREAM, [])).toBeNull()
  })

  it('detects one changed byte in data, at that version', () => {
    const events = sealed()
    const e = events[2]!
    events[2] = { ...e, data: { ...(e.data as object), hours: 44 } }
    expect(verifyStream(STREAM, events)).toEqual({ streamId: STREAM, version: 3, reason: 'hash does not match the event' })
  })

  it('detects a changed metadata field', () => {
    const events = sealed()
    const e = events[1]!
    events[1] = { ...e, metadata: { ...e.metadata, actor: { id: 'org-8', role: 'training-provider' } } }
    expect(verifyStream(STREAM, events)).toMatchObject({ streamId: STREAM, version: 2 })
  })

  it('detects a changed record time, event type and schema version', () => {
    for (const change of [
      (e: RecordedEvent): RecordedEvent => ({ ...e, metadata: { ...e.metadata, recordedAt: '2026-03-01T08:00:09.000Z' } }),
      (e: RecordedEvent): RecordedEvent => ({ ...e, type: 'TrainingEnrolled' }),
      (e: RecordedEvent): RecordedEvent => ({ ...e, schemaVersion: 2 }),
    ]) {
      const events = sealed()
      events[3] = change(events[3]!)
      expect(verifyStream(STREAM, events)).toMatchObject({ streamId: STREAM, version: 4 })
    }
  })

  it('detects a deleted event at the gap', () => {
    const events = sealed()
    events.splice(1, 1)
    expect(verifyStream(STREAM, events)).toEqual({ streamId: STREAM, version: 2, reason: 'expected version 2, found 3' })
  })

  it('cannot see a truncated tail on its own: a shorter chain is intact (ledger digests catch that)', () => {
    expect(verifyStream(STREAM, sealed().slice(0, 3))).toBeNull()
  })

  it('detects two swapped events', () => {
    const events = sealed()
    ;[events[1], events[2]] = [events[2]!, events[1]!]
    expect(verifyStream(STREAM, events)).toMatchObject({ streamId: STREAM, version: 2 })
  })

  it('detects a wrong prevHash', () => {
    const events = sealed()
    events[2] = { ...events[2]!, prevHash: 'f'.repeat(64) }
    expect(verifyStream(STREAM, events)).toEqual({ streamId: STREAM, version: 3, reason: 'prevHash does not match the previous event' })
  })

  it('detects a rewritten event whose own hash was recomputed, at the next version', () => {
    const events = sealed()
    const forged = { ...events[1]!, data: { ...(events[1]!.data as object), hours: 400 } }
    events[1] = { ...forged, hash: eventHash(forged.prevHash, forged) }
    expect(verifyStream(STREAM, events)).toEqual({ streamId: STREAM, version: 3, reason: 'prevHash does not match the previous event' })
  })

  it('detects an event from another stream', () => {
    const events = sealed()
    events[1] = { ...events[1]!, streamId: 'talent-43' }
    expect(verifyStream(STREAM, events)).toMatchObject({ streamId: STREAM, version: 2 })
  })
})
