/**
 * The outbox row the SQL stores share: a row with the stored columns becomes an `OutboxRecord`
 * (payload parsed from its JSON text), its channel any non-empty name, and a row that does not
 * decode throws naming the field.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OutboxRow, isOutboxRow, outboxRecordOf, outboxRecordsOf } from '../src/store-kit/index.js'

const row = {
  id: 'e-1:email:bureau',
  event_id: 'e-1',
  stream_id: 'talent-42',
  channel: 'email',
  recipient: 'bureau',
  template: 'level-certified',
  locale: 'zh-CN',
  payload: '{"level":"senior"}',
  status: 'pending',
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
  created_at: '2026-03-01T08:00:00.000Z',
  delivered_at: null,
}

describe('the outbox row', () => {
  it('maps the stored columns to an OutboxRecord', () => {
    expect(outboxRecordOf({ ...row, seq: '7' })).toEqual({
      id: 'e-1:email:bureau',
      eventId: 'e-1',
      streamId: 'talent-42',
      channel: 'email',
      recipient: 'bureau',
      template: 'level-certified',
      locale: 'zh-CN',
      payload: { level: 'senior' },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      createdAt: '2026-03-01T08:00:00.000Z',
      deliveredAt: null,
    })
  })

  it('takes any channel name: channels are names that adapters register', () => {
    expect(outboxRecordOf({ ...row, channel: 'sms' }).channel).toBe('sms')
  })

  it('names the field of a row that does not decode', () => {
    expect(() => outboxRecordOf({ ...row, channel: '' })).toThrow(/^corrupt outbox row: .*channel/)
    expect(() => outboxRecordOf({ ...row, locale: 'fr' })).toThrow(/^corrupt outbox row: .*locale/)
  })
})

describe('isOutboxRow, the hand-written check', () => {
  // each column's value replaced by junk of every kind, or removed: the check answers as the codec does
  const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 4 }), fc.constantFrom('', 'en', 'zh-CN', 'fr', 'pending', 'delivered', 'parked', 'sent'), fc.double(), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}))
  const columns = [...Object.keys(row), 'payload_sha256']
  const variant = fc.record({ changes: fc.array(fc.tuple(fc.constantFrom(...columns), junk, fc.boolean()), { maxLength: 4 }), sha: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant('ab')) })

  it('accepts exactly what the OutboxRow codec accepts', () => {
    fc.assert(
      fc.property(variant, ({ changes, sha }) => {
        const candidate: Record<string, unknown> = { ...row, ...(sha === undefined ? {} : { payload_sha256: sha }) }
        for (const [column, value, remove] of changes) {
          if (remove) delete candidate[column]
          else candidate[column] = value
        }
        expect(isOutboxRow(candidate)).toBe(OutboxRow.is(candidate))
      }),
      { numRuns: 3000 },
    )
    for (const other of [null, undefined, 'row', 7, [], [row]]) expect(isOutboxRow(other)).toBe(OutboxRow.is(other))
  })
})

describe('outboxRecordsOf, the rows of a page', () => {
  const shared = '{"level":"senior","personal":{"sealed":"x"}}'
  const page = [
    { ...row, id: 'a', payload: shared },
    { ...row, id: 'b', payload: shared },
    { ...row, id: 'c', payload: '{"level":"junior"}' },
    { ...row, id: 'd', payload: shared },
  ]

  it('gives what outboxRecordOf gives for each row', () => {
    expect(outboxRecordsOf(page)).toEqual(page.map(outboxRecordOf))
    expect(outboxRecordsOf([])).toEqual([])
  })

  it('parses a payload the row before held once, and freezes it (deeply) once shared', () => {
    const [a, b, c, d] = outboxRecordsOf(page)
    expect(b!.payload).toBe(a!.payload)
    expect(Object.isFrozen(a!.payload) && Object.isFrozen(a!.payload['personal'])).toBe(true)
    // not the row before: parsed again, and not shared, so not frozen
    expect(d!.payload).not.toBe(a!.payload)
    expect(Object.isFrozen(c!.payload) || Object.isFrozen(d!.payload)).toBe(false)
  })

  it('throws for a row that does not decode, or a payload that is not JSON, as outboxRecordOf does', () => {
    expect(() => outboxRecordsOf([page[0], { ...row, locale: 'fr' }])).toThrow(/corrupt outbox row: .*locale/)
    expect(() => outboxRecordsOf([page[0], { ...row, payload: '{' }])).toThrow(SyntaxError)
  })
})
