/**
 * The one routing of a command to its category: which stream it is decided on and which other
 * streams its context reads (`routeOf` and the category's `context`), that the compiler ties a
 * command to its aggregate's state and context, and that RegisterTalent is sealed the same way
 * everywhere (the clear personal data gone).
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { AGGREGATES, decodeCommand, organizationCategory, organizationStream, PURE_ENV, routeOf, talentCategory, talentStream, type Command, type CommandOf, type DecidableCommand, type Foldable, type StreamReader } from '../src/index.js'
import { organizationsNamed } from '../src/domain/talent/category.js'
import { registrationPlaceholder } from '../src/domain/talent/sealed-registration.js'

const decoded = (raw: unknown): Command => {
  const r = decodeCommand(raw)
  if (E.isLeft(r)) return expect.fail(r.left.message)
  return r.right
}

const assessment = decoded({
  type: 'RecordAssessment',
  actor: { id: 'org-7', role: 'assessment-body' },
  data: { talentId: '42', assessmentId: 'as-1', route: 'skill-level-recognition', occupation: '6-18-01', level: 'senior', passed: true, assessorId: 'org-7', on: '2026-03-01' },
}) as CommandOf<'RecordAssessment'>

const organization = decoded({
  type: 'RegisterOrganization',
  actor: { id: 'hr', role: 'hr-bureau' },
  data: { organizationId: 'org-7', kind: 'assessment-body', name: 'Skills Centre', authorizations: [], canAppoint: false },
}) as CommandOf<'RegisterOrganization'>

/** A reader that records which streams a context load reads, and finds each empty. */
const recordingReader = () => {
  const reads: string[] = []
  const read: StreamReader = async <Ev extends { type: string; data: unknown }, S>(category: Foldable<Ev, S>, id: string) => {
    reads.push(category.streamOf(id))
    return { version: 0, state: category.initialState }
  }
  return { read, reads }
}

/** The stream a command is decided on, and the streams its context reads. */
const needsOf = async (c: DecidableCommand) => {
  const { read, reads } = recordingReader()
  const stream = await routeOf(c).run(async (category, command) => {
    await category.context(command, category.initialState, PURE_ENV, read)
    return category.streamOf(category.idOf(command))
  })
  return { stream, reads }
}

describe('routeOf', () => {
  it('names a talent command’s stream, the policies and each organisation it names once (the actor included)', async () => {
    expect(await needsOf(assessment)).toEqual({ stream: talentStream('42'), reads: ['policy', organizationStream('org-7')] })
    expect(organizationsNamed(assessment)).toEqual(['org-7'])
  })
  it('names no context for a command of another aggregate', async () => {
    expect(await needsOf(organization)).toEqual({ stream: organizationStream('org-7'), reads: [] })
  })
  it('routes every command type to exactly one aggregate, and every event type belongs to exactly one', () => {
    const commandTypes = AGGREGATES.flatMap((a) => Object.keys(a.commands))
    const eventTypes = AGGREGATES.flatMap((a) => Object.keys(a.events))
    expect(new Set(commandTypes).size).toBe(commandTypes.length)
    expect(new Set(eventTypes).size).toBe(eventTypes.length)
  })
})

describe('deciding through the route', () => {
  it('decides an organisation command on its stream state alone, as its category does', async () => {
    const { read } = recordingReader()
    const routed = await routeOf(organization).run(async (category, command) =>
      category.decide(command, category.initialState, await category.context(command, category.initialState, PURE_ENV, read)),
    )
    expect(routed).toEqual(organizationCategory.decide(organization, organizationCategory.initialState, { dates: null }))
  })
  it('a talent command cannot be decided without its context: the compiler refuses it', () => {
    // @ts-expect-error the talent context (policies, organisations, dates) is required
    const decide = () => talentCategory.decide(assessment, talentCategory.initialState, {})
    expect(decide).toThrow()
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
