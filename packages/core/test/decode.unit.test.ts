/**
 * Decoding at the boundaries: a malformed command is refused as `Malformed` with every field at
 * fault named by its path (`data.level`, `actor.role`, `data.authorizations.0.route`); a store row
 * that is not an event of ours throws `CorruptEventError` naming the stream and version.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  CorruptEventError,
  GENESIS_HASH,
  decodeCommand,
  decodeRecorded,
  describeErrors,
  sealEvents,
  type NewEvent,
} from '../src/index.js'
import { refusal, refusedFields } from './command-fixtures.js'

const assessment = {
  type: 'RecordAssessment',
  actor: { id: 'org-7', role: 'assessment-body' },
  data: {
    talentId: '42',
    assessmentId: 'as-1',
    route: 'skill-level-recognition',
    occupation: '6-18-01',
    level: 'senior',
    passed: true,
    assessorId: 'org-7',
    on: '2026-03-01',
  },
}


describe('describeErrors', () => {
  it('names nested fields by dotted path, skipping union and intersection members', () => {
    const codec = t.type({
      a: t.type({ b: t.number }),
      c: t.union([t.string, t.number]),
      d: t.intersection([t.type({ x: t.string }), t.partial({ y: t.boolean })]),
    })
    const r = codec.decode({ a: { b: 'one' }, c: true, d: { x: 1, y: 'no' } })
    if (E.isRight(r)) return expect.fail('decoded')
    const details = describeErrors(r.left)
    expect(details.map((d) => d.field)).toEqual(['a.b', 'c', 'd.x', 'd.y'])
    expect(details[0]!.message).toBe('a.b: expected number, got "one"')
  })

  it('says a missing field is required, once per field', () => {
    const r = t.type({ name: t.union([t.string, t.null]) }).decode({})
    if (E.isRight(r)) return expect.fail('decoded')
    const details = describeErrors(r.left)
    expect(details.map((d) => d.field)).toEqual(['name'])
    expect(details[0]!.message).toMatch(/^name is required \(/)
  })
})

describe('decodeCommand', () => {
  it('decodes a well-formed command as it is', () => {
    const r = decodeCommand(assessment)
    expect(E.isRight(r) && r.right.data).toEqual(assessment.data)
  })

  it('refuses an unknown field instead of dropping it, naming its path', () => {
    expect(refusedFields({ ...assessment, data: { ...assessment.data, extra: 1 } })).toEqual(['data.extra'])
  })

  it('names data.level when the level is not on the ladder', () => {
    const error = refusal({ ...assessment, data: { ...assessment.data, level: 'grandmaster' } })
    expect(error.code).toBe('Malformed')
    expect(error.details).toHaveLength(1)
    expect(error.details[0]!.field).toBe('data.level')
    expect(error.details[0]!.message).toMatch(/^data\.level: expected .*got "grandmaster"$/)
    expect(error.message).toContain('data.level')
  })

  it('names every field at fault at once: missing, wrong type, a date that does not exist', () => {
    const { talentId: _omitted, ...rest } = assessment.data
    expect(refusedFields({ ...assessment, data: { ...rest, passed: 'yes', on: '2023-02-29' } })).toEqual(['data.talentId', 'data.passed', 'data.on'])
  })

  it('names the actor field and nested array fields', () => {
    expect(refusedFields({ ...assessment, actor: { id: 'x', role: 'mayor' } })).toEqual(['actor.role'])
    const org = {
      type: 'RegisterOrganization',
      actor: { id: 'hr', role: 'hr-bureau' },
      data: {
        organizationId: 'org-1',
        kind: 'employer',
        name: '连云港港口集团',
        authorizations: [{ route: 'lottery', occupations: ['6-18-01'] }],
      },
    }
    expect(refusedFields(org)).toEqual(['data.authorizations.0.route'])
  })

  it('refuses an unknown type and a non-object, naming type and (root)', () => {
    expect(refusedFields({ ...assessment, type: 'PromoteEveryone' })).toEqual(['type'])
    expect(refusedFields(['RecordAssessment'])).toEqual(['(root)'])
    expect(refusedFields(null)).toEqual(['(root)'])
  })
})

describe('decodeRecorded', () => {
  const event: NewEvent = {
    eventId: 'e-1',
    type: 'EmployerChanged',
    schemaVersion: 1,
    data: { talentId: '42', from: 'org-1', employerId: 'org-2', on: '2026-02-01' },
    metadata: {
      actor: { id: 'org-2', role: 'employer' },
      correlationId: 'c',
      causationId: null,
      occurredOn: '2026-02-01',
      recordedAt: '2026-02-01T09:00:00.000Z',
    },
  }
  const row = sealEvents({ streamId: 'talent-42', version: 0, hash: GENESIS_HASH }, [event], () => 1)[0]!

  it('decodes a stored event of ours', () => {
    expect(decodeRecorded()(row)).toEqual({ envelope: row, event: { type: 'EmployerChanged', data: event.data } })
  })

  it('throws CorruptEventError on a foreign row', () => {
    const foreign = { id: 17, aggregate: 'Order', payload: '{"total":3}' }
    expect(() => decodeRecorded()(foreign)).toThrow(CorruptEventError)
    expect(() => decodeRecorded()('not even an object')).toThrow(CorruptEventError)
  })

  it('names stream and version for a bad envelope, an unknown type and bad data', () => {
    const attempt = (r: unknown): CorruptEventError => {
      try {
        decodeRecorded()(r)
      } catch (e) {
        if (e instanceof CorruptEventError) return e
        throw e
      }
      return expect.fail('decoded')
    }
    const badHash = attempt({ ...row, hash: 'not-a-hash' })
    expect([badHash.streamId, badHash.version]).toEqual(['talent-42', 1])
    expect(attempt({ ...row, type: 'OrderShipped' }).message).toBe('corrupt event in talent-42 at version 1: unknown event type OrderShipped')
    const badData = attempt({ ...row, data: { ...event.data as object, on: '2026-02-30' } })
    expect(badData.message).toMatch(/^corrupt event in talent-42 at version 1: on: expected/)
  })
})
