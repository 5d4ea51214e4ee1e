/**
 * Conformance: hostile input. One corpus of command lines — lone surrogates, NUL and terminal
 * escapes, input nested thousands deep, over-long strings, lines and arrays, unknown fields at every
 * level, an actor carrying a phone number, a bad national ID, ids that are JavaScript's own property
 * names (`__proto__`, `constructor`, `valueOf` …) — run through a ledger on the store
 * under test. Every store must answer every line exactly as the corpus says (so SQLite, PostgreSQL
 * and memory accept and refuse the same inputs) and store nothing for a refused line. The CLI's
 * tests write the same lines to a file and run `apply` on it.
 */
import { describe, expect, it } from 'vitest'
import {
  MAX_ARRAY_LENGTH,
  MAX_LINE_BYTES,
  MAX_STRING_LENGTH,
  createTalentLedger,
  defaultPolicyDocument,
  type CommandResult,
  type ErrorCode,
} from '@talent-ledger/core'
import { createMemoryKeyStore } from '@talent-ledger/store-memory'
import { withStore, type EventStoreFactory } from './fixtures.js'

/** One line of the corpus and the answer every store must give. */
export interface HostileInputCase {
  readonly name: string
  /** The command line as a caller writes it (JSON text; over-long lines are not parsed by the CLI). */
  readonly line: string
  readonly expected: 'ok' | ErrorCode
  /** A refusal names this field first (a prefix for paths into deep nesting); none for a refused line as a whole. */
  readonly field?: string
}

const bureau = { id: 'hr-bureau', role: 'hr-bureau' }
const employer = { id: 'port-co', role: 'employer' }
const NATIONAL_ID = '320703199105020028'
/** A national ID whose check digit is wrong: refused, and never echoed in clear. */
export const HOSTILE_BAD_NATIONAL_ID = '320706199001010018'
/** The name every good registration of the corpus uses: never in a refusal. */
export const HOSTILE_NAME = '王芳'

const registration = (talentId: string, data: Record<string, unknown> = {}, actor: Record<string, unknown> = employer) => ({
  type: 'RegisterTalent',
  actor,
  data: {
    talentId, name: HOSTILE_NAME, nationalId: NATIONAL_ID, birthDate: '1991-05-02', occupation: '6-18-02-04',
    occupationSince: '2016-07-01', education: 'technician-college', employerId: 'port-co', district: '连云区',
    registeredOn: '2026-01-05', ...data,
  },
})
const organization = (organizationId: string, authorization: Record<string, unknown> = {}) => ({
  type: 'RegisterOrganization',
  actor: bureau,
  data: {
    organizationId, kind: 'employer', name: '连云港港口集团', canAppoint: true,
    authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'technician', ...authorization }],
  },
})
const protoEmployer = { id: 'constructor', role: 'employer' }
const assessment = (talentId: string, assessmentId: string, actor: Record<string, unknown>) => ({
  type: 'RecordAssessment',
  actor,
  data: { talentId, assessmentId, route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'intermediate', passed: true, assessorId: actor['id'], on: '2026-03-01' },
})
const adoption = (document: unknown) => ({ type: 'AdoptPolicy', actor: bureau, data: { policyId: 'lyg-hostile', effectiveFrom: '2027-01-01', document } })

/** `value` as a JSON line, with `"__NESTED__"` replaced by arrays nested `depth` deep (built as text: no deep object, no recursion). */
const withNesting = (value: unknown, depth: number): string =>
  JSON.stringify(value).replace('"__NESTED__"', `${'['.repeat(depth)}1${']'.repeat(depth)}`)

const line = (value: unknown): string => JSON.stringify(value)

/** The corpus, in order: good lines around the hostile ones, so a store that stops on one fails the next. */
export const hostileInputCases: ReadonlyArray<HostileInputCase> = [
  { name: 'an employer', line: line(organization('port-co')), expected: 'ok' },
  { name: 'a talent', line: line(registration('t-1')), expected: 'ok' },
  { name: 'a lone surrogate in a name', line: line(registration('t-2', { name: '王\ud800' })), expected: 'Malformed', field: 'data.name' },
  { name: 'a lone surrogate in an id', line: line(registration('t-\udc00')), expected: 'Malformed', field: 'data.talentId' },
  { name: 'a lone surrogate in the actor', line: line(registration('t-2', {}, { id: 'port-co\ud83d', role: 'employer' })), expected: 'Malformed', field: 'actor.id' },
  { name: 'NUL in a name', line: line(registration('t-2', { name: '王\u0000芳' })), expected: 'Malformed', field: 'data.name' },
  { name: 'NUL in a district', line: line(registration('t-2', { district: '连云区\u0000' })), expected: 'Malformed', field: 'data.district' },
  { name: 'a terminal escape sequence', line: line(registration('t-2', { district: '\u001b]0;pwned\u0007\u001b[2J' })), expected: 'Malformed', field: 'data.district' },
  { name: 'a C1 control', line: line(registration('t-2', { name: '王\u009b31m芳' })), expected: 'Malformed', field: 'data.name' },
  { name: 'nesting 3,000 deep in an extra field', line: withNesting(registration('t-2', { extra: '__NESTED__' }), 3_000), expected: 'Malformed', field: 'data.extra.0' },
  { name: 'nesting 1,000 deep in an extra field', line: withNesting(registration('t-2', { extra: '__NESTED__' }), 1_000), expected: 'Malformed', field: 'data.extra.0' },
  { name: 'nesting 3,000 deep in a policy document', line: withNesting(adoption({ ...defaultPolicyDocument, extra: '__NESTED__' }), 3_000), expected: 'Malformed', field: 'data.document.extra.0' },
  { name: 'an unknown field in a policy document', line: line(adoption({ ...defaultPolicyDocument, comment: 'x' })), expected: 'Malformed', field: 'data.document.comment' },
  { name: 'an unknown top-level field', line: line({ ...registration('t-2'), signature: 'x' }), expected: 'Malformed', field: 'signature' },
  { name: 'an actor with extra fields', line: line(registration('t-2', {}, { ...employer, name: '李经理', phone: '13800138000' })), expected: 'Malformed', field: 'actor.name' },
  { name: 'an unknown field in data', line: line(registration('t-2', { phone: '13800138000' })), expected: 'Malformed', field: 'data.phone' },
  { name: 'a misspelt optional field', line: line(registration('t-2', { preparatoryTechnican: true })), expected: 'Malformed', field: 'data.preparatoryTechnican' },
  { name: 'an unknown field in a nested object', line: line(organization('org-2', { maxLevle: 'senior' })), expected: 'Malformed', field: 'data.authorizations.0.maxLevle' },
  { name: 'a string one past the limit', line: line(registration('t-2', { name: '王'.repeat(MAX_STRING_LENGTH + 1) })), expected: 'Malformed', field: 'data.name' },
  { name: 'an array one past the limit', line: line(organization('org-3', { occupations: new Array(MAX_ARRAY_LENGTH + 1).fill('*') })), expected: 'Malformed', field: 'data.authorizations.0.occupations' },
  { name: 'a line over the limit', line: line(registration('t-2', { name: 'x'.repeat(MAX_LINE_BYTES) })), expected: 'Malformed' },
  { name: 'a national ID with a wrong check digit', line: line(registration('t-2', { nationalId: HOSTILE_BAD_NATIONAL_ID })), expected: 'Malformed', field: 'data.nationalId' },
  {
    name: 'an assessment of the good talent',
    line: line({ type: 'RecordAssessment', actor: employer, data: { talentId: 't-1', assessmentId: 'a-1', route: 'skill-level-recognition', occupation: '6-18-02-04', level: 'intermediate', passed: true, assessorId: 'port-co', on: '2026-03-01' } }),
    expected: 'ok',
  },
  // ids that are JavaScript's own property names: ordinary keys, never the prototype's members
  { name: 'an employer whose id is constructor', line: line(organization('constructor')), expected: 'ok' },
  { name: 'a talent whose id is __proto__, at that employer', line: line(registration('__proto__', { employerId: 'constructor' }, protoEmployer)), expected: 'ok' },
  { name: 'the __proto__ talent registered again', line: line(registration('__proto__', { employerId: 'constructor' }, protoEmployer)), expected: 'Duplicate' },
  { name: 'a talent at an employer named hasOwnProperty, never registered', line: line(registration('toString', { employerId: 'hasOwnProperty' }, { id: 'hasOwnProperty', role: 'employer' })), expected: 'Unauthorized' },
  { name: 'an assessment of the __proto__ talent whose id is valueOf', line: line(assessment('__proto__', 'valueOf', protoEmployer)), expected: 'ok' },
  { name: 'the valueOf assessment recorded again', line: line(assessment('__proto__', 'valueOf', protoEmployer)), expected: 'Duplicate' },
  { name: 'a talent after them all', line: line(registration('t-5')), expected: 'ok' },
]

/** The streams and event counts the corpus leaves in an empty store: the good lines only. */
export const hostileInputStored: Readonly<Record<string, number>> = { 'org-port-co': 1, 'talent-t-1': 3, 'org-constructor': 1, 'talent-__proto__': 3, 'talent-t-5': 1 }

/** Checks one answer against its case: the code, the field named first, and no personal data in clear. */
export const expectHostileAnswer = (c: HostileInputCase, result: CommandResult): void => {
  const code = result.ok ? 'ok' : result.error.code
  expect(code, `${c.name}: ${JSON.stringify(result).slice(0, 300)}`).toBe(c.expected)
  if (!result.ok) {
    if (c.field !== undefined) expect(result.error.details[0]?.field ?? '', c.name).toMatch(new RegExp(`^${c.field.replace(/\./g, '\\.')}`))
    const text = JSON.stringify(result)
    expect(text, c.name).not.toContain(HOSTILE_BAD_NATIONAL_ID)
    expect(text, c.name).not.toContain(NATIONAL_ID)
    expect(text, c.name).not.toContain(HOSTILE_NAME)
    expect(text.length, c.name).toBeLessThan(4_000)
  }
}

/** Registers the hostile-input tests for a store. */
export const hostileInputConformance = (factory: EventStoreFactory): void => {
  describe('hostile input', () => {
    it('answers every line of the corpus as it says, and stores only the good lines', async () => {
      await withStore(factory, async (store) => {
        const ledger = createTalentLedger({ store, keys: createMemoryKeyStore(), clock: { now: () => '2026-06-01T00:00:00.000Z' }, notifications: null })
        for (const c of hostileInputCases) expectHostileAnswer(c, await ledger.execute(JSON.parse(c.line)))
        const counts: Record<string, number> = {}
        for (const e of await store.readAll({ limit: 1_000 })) counts[e.streamId] = (counts[e.streamId] ?? 0) + 1
        expect(counts).toEqual(hostileInputStored)
      })
    }, 60_000)
  })
}
