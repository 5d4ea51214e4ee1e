/**
 * Exact input (issue 10 §3): an unknown field anywhere in a command — top level, actor, data, a
 * nested object, a policy document — is refused as `Malformed` naming its path, never dropped or
 * stored. Store rows stay lenient: events written before (with extra fields) still decode.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, decodeCommand, decodeRecorded, defaultPolicyDocument, describeErrors, sealEvents, type NewEvent } from '../src/index.js'
import { strictFields, strictType } from '../src/kernel/strict.js'
import { registration, refusal, refusedFields } from './command-fixtures.js'

const adopt = (document: unknown) => ({
  type: 'AdoptPolicy',
  actor: { id: 'hr-bureau', role: 'hr-bureau' },
  data: { policyId: 'lyg-2027', effectiveFrom: '2027-01-01', document },
})


describe('strict codecs', () => {
  it('decode known fields, and refuse unknown ones with their path without echoing their value', () => {
    const codec = strictType({ a: strictFields({ b: t.number }, { c: t.string }, 'Inner') })
    expect(E.isRight(codec.decode({ a: { b: 1 } }))).toBe(true)
    expect(E.isRight(codec.decode({ a: { b: 1, c: 'x' } }))).toBe(true)
    const r = codec.decode({ a: { b: 1, d: '13800138000' }, e: 2 })
    if (E.isRight(r)) return expect.fail('decoded')
    expect(describeErrors(r.left)).toEqual([
      { field: 'e', message: 'e: unknown field' },
      { field: 'a.d', message: 'a.d: unknown field' },
    ])
  })

  it('name a numeric unknown key too', () => {
    const r = strictFields({ b: t.number }, {}, 'X').decode({ b: 1, 0: 'x' })
    if (E.isRight(r)) return expect.fail('decoded')
    expect(describeErrors(r.left).map((d) => d.field)).toEqual(['0'])
  })

  it('report an unknown field beside a missing one', () => {
    const r = strictFields({ nationalId: t.string }, {}, 'X').decode({ nationalID: 'x' })
    if (E.isRight(r)) return expect.fail('decoded')
    expect(describeErrors(r.left).map((d) => d.field).sort()).toEqual(['nationalID', 'nationalId'])
  })
})

describe('decodeCommand refuses unknown fields at every level', () => {
  it('accepts the command as it is', () => {
    expect(E.isRight(decodeCommand(registration()))).toBe(true)
    expect(E.isRight(decodeCommand({ ...registration(), data: { ...registration().data, preparatoryTechnician: true } }))).toBe(true)
  })

  it.each([
    ['top level', { ...registration(), signature: 'x' }, 'signature'],
    ['actor', { ...registration(), actor: { ...registration().actor, name: '李经理', phone: '13800138000' } }, 'actor.name'],
    ['data', { ...registration(), data: { ...registration().data, phone: '13800138000' } }, 'data.phone'],
    ['a misspelt optional field', { ...registration(), data: { ...registration().data, preparatoryTechnican: true } }, 'data.preparatoryTechnican'],
  ])('%s', (_where, raw, field) => {
    const error = refusal(raw)
    expect(error.code).toBe('Malformed')
    expect(error.details.map((d) => d.field)).toContain(field)
    expect(error.message).toContain(`${field}: unknown field`)
    expect(JSON.stringify(error)).not.toContain('13800138000')
  })

  it('in a nested object of data', () => {
    const org = {
      type: 'RegisterOrganization',
      actor: { id: 'hr-bureau', role: 'hr-bureau' },
      data: {
        organizationId: 'org-1', kind: 'employer', name: '连云港港口集团',
        authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician', maxLevle: 'senior' }],
      },
    }
    expect(refusedFields(org)).toEqual(['data.authorizations.0.maxLevle'])
  })

  it('in a policy document, at any depth', () => {
    expect(E.isRight(decodeCommand(adopt(defaultPolicyDocument)))).toBe(true)
    expect(refusedFields(adopt({ ...defaultPolicyDocument, comment: 'x' }))).toEqual(['data.document.comment'])
    const benefits = { ...defaultPolicyDocument.benefits, housingSubsidy: { amount: 100, amont: 200 } }
    expect(refusedFields(adopt({ ...defaultPolicyDocument, benefits }))).toEqual(['data.document.benefits.housingSubsidy.amont'])
    const table = defaultPolicyDocument.competition.table.map((r, i) => (i === 1 ? { ...r, note: 'x' } : r))
    expect(refusedFields(adopt({ ...defaultPolicyDocument, competition: { ...defaultPolicyDocument.competition, table } }))).toEqual([
      'data.document.competition.table.1.note',
    ])
  })
})

describe('store rows stay lenient', () => {
  it('an event stored with extra actor and data fields still decodes', () => {
    const event: NewEvent = {
      eventId: 'e-1',
      type: 'EmployerChanged',
      schemaVersion: 1,
      data: { talentId: '42', from: 'org-1', employerId: 'org-2', on: '2026-02-01', extra: 1 },
      metadata: {
        actor: { id: 'org-2', role: 'employer', name: '李经理' } as NewEvent['metadata']['actor'],
        correlationId: 'c',
        causationId: null,
        occurredOn: '2026-02-01',
        recordedAt: '2026-02-01T09:00:00.000Z',
      },
    }
    const row = sealEvents({ streamId: 'talent-42', version: 0, hash: GENESIS_HASH }, [event], () => 1)[0]!
    expect(decodeRecorded()(row).event.type).toBe('EmployerChanged')
  })

  it('a stored policy with an extra field still decodes', () => {
    const event: NewEvent = {
      eventId: 'e-2',
      type: 'PolicyAdopted',
      schemaVersion: 1,
      data: { policyId: 'old', effectiveFrom: '2020-01-01', document: { ...defaultPolicyDocument, comment: 'x' } },
      metadata: { actor: { id: 'hr', role: 'hr-bureau' }, correlationId: 'c', causationId: null, occurredOn: '2020-01-01', recordedAt: '2020-01-01T00:00:00.000Z' },
    }
    const row = sealEvents({ streamId: 'policy', version: 0, hash: GENESIS_HASH }, [event], () => 1)[0]!
    expect(decodeRecorded()(row).event.type).toBe('PolicyAdopted')
  })
})
