/**
 * The stores' hand-written envelope check against the codec it stands in for: `isRecordedEvent`
 * accepts exactly what `RecordedEvent.is` accepts, on valid envelopes and on envelopes with one
 * field replaced by anything (a wrong type, a date that does not exist, a hash in capitals, a
 * missing key), also when a valid string of the same kind was checked just before it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RecordedEvent } from '../src/index.js'
import { isRecordedEvent } from '../src/kernel/recorded-event-check.js'

const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
const valid = fc.record({
  eventId: fc.string(),
  streamId: fc.string(),
  version: fc.integer(),
  type: fc.string(),
  schemaVersion: fc.integer(),
  data: fc.jsonValue(),
  metadata: fc.record({
    actor: fc.record({ id: fc.string(), role: fc.string() }),
    correlationId: fc.string(),
    causationId: fc.option(fc.string()),
    occurredOn: fc.constantFrom('2026-02-28', '2024-02-29', '2026-12-31', '0001-01-01'),
    recordedAt: fc.constantFrom('2026-02-28T10:00:00.000Z', '2026-02-28T10:00:00Z', '2024-02-29T23:59:59.123456789Z'),
  }),
  globalPosition: fc.integer(),
  prevHash: hex,
  hash: hex,
})

const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(undefined, null, '', 'A'.repeat(64), 'g'.repeat(64), '2026-02-29', '2026-13-01', '2026-02-28T10:00:00.000', '2026-02-30T10:00:00Z', [], {}, Number.NaN),
)
const paths = [
  ['eventId'],
  ['streamId'],
  ['version'],
  ['type'],
  ['schemaVersion'],
  ['data'],
  ['metadata'],
  ['metadata', 'actor'],
  ['metadata', 'actor', 'id'],
  ['metadata', 'actor', 'role'],
  ['metadata', 'correlationId'],
  ['metadata', 'causationId'],
  ['metadata', 'occurredOn'],
  ['metadata', 'recordedAt'],
  ['globalPosition'],
  ['prevHash'],
  ['hash'],
] as const

/** `e` with the value at `path` replaced by `value`, or the key removed when `remove`. */
const replaced = (e: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown, remove: boolean): unknown => {
  const [k, ...rest] = path as [string, ...string[]]
  const copy = { ...e }
  if (rest.length > 0) {
    const inner = copy[k]
    copy[k] = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? replaced(inner as Record<string, unknown>, rest, value, remove) : inner
  } else if (remove) delete copy[k]
  else copy[k] = value
  return copy
}

describe('isRecordedEvent', () => {
  it('accepts every valid envelope', () => {
    fc.assert(
      fc.property(valid, (e) => {
        expect(isRecordedEvent(e)).toBe(true)
      }),
    )
  })

  it('agrees with RecordedEvent.is when one field is replaced or removed, after a valid one was seen', () => {
    fc.assert(
      fc.property(valid, valid, fc.constantFrom(...paths), junk, fc.boolean(), (seen, e, path, value, remove) => {
        expect(isRecordedEvent(seen)).toBe(true)
        const u = replaced(e, path, value, remove)
        expect(isRecordedEvent(u)).toBe(RecordedEvent.is(u))
      }),
      { numRuns: 3000 },
    )
  })

  it('agrees with RecordedEvent.is on hostile hashes: NUL, lone surrogates, wrong lengths, capitals, neighbours of 0-9 and a-f', () => {
    const good = 'a'.repeat(32) + '0123456789abcdef'.repeat(2)
    const at = (i: number, c: string): string => good.slice(0, i) + c + good.slice(i + 1)
    const hostile = [
      good,
      good.toUpperCase(),
      good.slice(0, 63),
      good + '0',
      good + '\n',
      '\n' + good.slice(1),
      '',
      ...['\0', '\ud800', '\udc00', '/', ':', '@', 'A', 'F', 'G', '`', 'g', '\u0660', '\uff10', '\uff41', '\u00e0', '\uffff', ' '].flatMap((c) => [at(0, c), at(37, c), at(63, c)]),
      good.slice(0, 62) + '\ud83d\ude00',
      '0'.repeat(64),
      'f'.repeat(64),
      '9'.repeat(64),
    ]
    fc.assert(
      fc.property(valid, fc.constantFrom(...hostile), fc.constantFrom('prevHash', 'hash'), (e, h, key) => {
        const u = { ...e, [key]: h }
        expect(isRecordedEvent(u)).toBe(RecordedEvent.is(u))
      }),
      { numRuns: 500 },
    )
    // and each one against the pattern itself, so the corpus holds both answers
    const [base] = fc.sample(valid, { numRuns: 1, seed: 1 })
    expect(hostile.filter((h) => isRecordedEvent({ ...base, hash: h }))).toEqual(hostile.filter((h) => /^[0-9a-f]{64}$/.test(h)))
    expect(hostile.filter((h) => /^[0-9a-f]{64}$/.test(h))).toHaveLength(4)
  })

  it('agrees with RecordedEvent.is on 64 characters one of which is any UTF-16 code unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 0xffff }), valid, (i, code, e) => {
        const h = 'c'.repeat(i) + String.fromCharCode(code) + 'c'.repeat(63 - i)
        const u = { ...e, hash: h }
        expect(isRecordedEvent(u)).toBe(RecordedEvent.is(u))
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses what is not an envelope at all', () => {
    for (const u of [null, undefined, 1, 'x', [], {}]) expect(isRecordedEvent(u)).toBe(RecordedEvent.is(u))
  })
})
