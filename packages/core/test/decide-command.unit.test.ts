/**
 * The one routing of a command to its decider: which stream and context `decisionNeeds` names, that
 * `decideCommand` refuses a talent command whose context is missing instead of guessing one, and
 * that RegisterTalent is sealed the same way everywhere (the clear personal data gone).
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  decideCommand,
  decisionNeeds,
  decodeCommand,
  organizationDecider,
  organizationStream,
  registrationPlaceholder,
  streamEvolvers,
  talentStream,
  type Command,
  type CommandOf,
} from '../src/index.js'

const decoded = (raw: unknown): Command => {
  const r = decodeCommand(raw)
  if (E.isLeft(r)) return expect.fail(r.left.message)
  return r.right
}

const assessment = decoded({
  type: 'RecordAssessment',
  actor: { id: 'org-7', role: 'assessment-body' },
  data: { talentId: '42', assessmentId: 'as-1', route: 'skill-level-recognition', occupation: '6-18-01', level: 'senior', passed: true, assessorId: 'org-7', on: '2026-03-01' },
})

const organization = decoded({
  type: 'RegisterOrganization',
  actor: { id: 'hr', role: 'hr-bureau' },
  data: { organizationId: 'org-7', kind: 'assessment-body', name: 'Skills Centre', authorizations: [], canAppoint: false },
})

describe('decisionNeeds', () => {
  it('names a talent command’s stream, the policies and each organisation it names once (the actor included)', () => {
    expect(decisionNeeds(assessment)).toEqual({ aggregate: 'talent', stream: talentStream('42'), organizationsNamed: ['org-7'], needsPolicies: true })
  })
  it('names no context for a command of another aggregate', () => {
    expect(decisionNeeds(organization)).toEqual({ aggregate: 'organization', stream: organizationStream('org-7'), organizationsNamed: [], needsPolicies: false })
  })
})

describe('decideCommand', () => {
  it('decides an organisation command on its stream state alone, as its decider does', () => {
    const state = streamEvolvers.organization.initialState
    expect(decideCommand(organization as CommandOf<'RegisterOrganization'>, { streamState: state })).toEqual(
      organizationDecider.decide(organization as CommandOf<'RegisterOrganization'>, state),
    )
  })
  it('throws for a talent command given no context: a caller’s bug, never a refusal', () => {
    expect(() => decideCommand(assessment as CommandOf<'RecordAssessment'>, { streamState: streamEvolvers.talent.initialState })).toThrow(/policies/)
  })
})

describe('registrationPlaceholder', () => {
  it('drops the clear personal data and keys the placeholder seal by the talent', () => {
    const c = decoded({
      type: 'RegisterTalent',
      actor: { id: 'hr', role: 'hr-bureau' },
      data: {
        talentId: '42', name: 'Li Lei', nationalId: '11010519491231002X', birthDate: '1990-01-01', occupation: '6-18-01', occupationSince: '2020-01-01',
        education: 'bachelor', employerId: 'org-1', district: 'Central', registeredOn: '2026-01-02',
      },
    }) as CommandOf<'RegisterTalent'>
    const sealed = registrationPlaceholder(c)
    expect(JSON.stringify(sealed)).not.toMatch(/Li Lei|11010519491231002X|1990-01-01/)
    expect(sealed.data.personal).toEqual({ alg: 'xchacha20poly1305', keyId: '42', ciphertext: '' })
  })
})
