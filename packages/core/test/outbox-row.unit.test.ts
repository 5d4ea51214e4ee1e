/**
 * The outbox row the SQL stores share: a row with the stored columns becomes an `OutboxRecord`
 * (payload parsed from its JSON text), its channel any non-empty name, and a row that does not
 * decode throws naming the field.
 */
import { describe, expect, it } from 'vitest'
import { outboxRecordOf } from '../src/store-kit/index.js'

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
