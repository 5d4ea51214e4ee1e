/**
 * Given/when/then specs for the deciders (Equinox-style), usable by any test runner:
 *
 *   given([anEmployer('emp-1'), aTalentRegistered()])
 *     .when({ type: 'RecordAssessment', actor, data })
 *     .then({ code: 'NotEligible', rules: ['national-2018.junior.years-in-occupation'] })
 *
 * `given` takes domain events of any stream; `when` takes the raw command (decoded here, so a
 * malformed one is `Malformed`); `then` asserts and rejects with a plain `Error` with a readable
 * diff. The command runs on the ledger's runner over a memory store (./decide.ts), so every
 * assertion is a promise: `await given(…).when(…).then(…)`.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainError, ErrorCode, EventType, LedgerEvent, TalentState } from '@talent-ledger/core'
import { checkHistory, runRaw, type Decision, type SpecDates, type SpecRun } from './decide.js'
import { jsonDifferences, pretty } from './json-diff.js'

/** What a refusal must look like: its code and, when given, exactly the set of failed rules. */
export interface ErrorMatcher {
  readonly code: ErrorCode
  /** Must equal the set of `details[].rule` of the error (order and repeats ignored). */
  readonly rules?: ReadonlyArray<string>
  /** A text or pattern the error message must contain. */
  readonly message?: string | RegExp
}

/**
 * A command decided after a history, ready to be asserted on. Each method runs the command (once,
 * however many are called) and answers with a promise; the spec itself is not one (see `then`).
 */
export interface Spec {
  /** Asserts the exact events (`type` and `data`, deep-equal, in order) and returns them. */
  then(expected: ReadonlyArray<LedgerEvent>): Promise<ReadonlyArray<LedgerEvent>>
  /** Asserts a refusal matching `expected` and returns it. */
  then(expected: ErrorMatcher): Promise<DomainError>
  /** Asserts the types of the emitted events, in order, and returns the events. */
  thenEventTypes(expected: ReadonlyArray<EventType>): Promise<ReadonlyArray<LedgerEvent>>
  /** The decision itself, without asserting anything. */
  result(): Promise<Decision>
  /** The state of talent `talentId` after the history and the emitted events (rejects when refused). */
  talentAfter(talentId: string): Promise<TalentState>
}

/** A history of events, waiting for a command. */
export interface Given {
  /** Decides the raw command after the history (on the spec's record date unless `dates` names one). */
  when(rawCommand: unknown, dates?: SpecDates): Spec
}

const describeError = (e: DomainError): string => pretty({ code: e.code, message: e.message, details: e.details })

const fail = (lines: ReadonlyArray<string>): never => {
  throw new Error(lines.join('\n'))
}

const rulesOf = (e: DomainError): string[] => [...new Set(e.details.flatMap((d) => (d.rule === undefined ? [] : [d.rule])))].sort()

const expectEvents = (decision: Decision, expected: ReadonlyArray<LedgerEvent>): ReadonlyArray<LedgerEvent> => {
  if (E.isLeft(decision)) return fail(['expected events, but the command was refused:', describeError(decision.left)])
  const actual = decision.right.map((e) => ({ type: e.type, data: e.data }))
  const diff = jsonDifferences(expected, actual)
  if (diff.length > 0) fail(['emitted events differ from the expected ones:', ...diff.map((d) => `  ${d}`), 'emitted:', pretty(actual)])
  return decision.right
}

const expectError = (decision: Decision, m: ErrorMatcher): DomainError => {
  if (E.isRight(decision))
    return fail([`expected a ${m.code} refusal, but the command was accepted with:`, pretty(decision.right.map((e) => e.type))])
  const error = decision.left
  const problems: string[] = []
  if (error.code !== m.code) problems.push(`code: expected ${m.code}, got ${error.code}`)
  if (m.rules !== undefined) {
    const expected = [...new Set(m.rules)].sort()
    const actual = rulesOf(error)
    const missing = expected.filter((r) => !actual.includes(r))
    const extra = actual.filter((r) => !expected.includes(r))
    if (missing.length > 0) problems.push(`rules missing: ${missing.join(', ')}`)
    if (extra.length > 0) problems.push(`rules not expected: ${extra.join(', ')}`)
  }
  if (m.message !== undefined && !(typeof m.message === 'string' ? error.message.includes(m.message) : m.message.test(error.message)))
    problems.push(`message: expected it to contain ${String(m.message)}, got ${JSON.stringify(error.message)}`)
  if (problems.length > 0) fail(['the refusal differs from the expected one:', ...problems.map((p) => `  ${p}`), 'refusal:', describeError(error)])
  return error
}

const spec = (history: ReadonlyArray<LedgerEvent>, raw: unknown, dates: SpecDates = {}): Spec => {
  let memo: Promise<SpecRun> | undefined
  const run = (): Promise<SpecRun> => (memo ??= runRaw(history, raw, dates))
  const result = async (): Promise<Decision> => (await run()).decision
  function then(expected: ReadonlyArray<LedgerEvent>): Promise<ReadonlyArray<LedgerEvent>>
  function then(expected: ErrorMatcher): Promise<DomainError>
  function then(expected: ReadonlyArray<LedgerEvent> | ErrorMatcher): Promise<ReadonlyArray<LedgerEvent> | DomainError> {
    // NOTE: a `then` method makes a spec "thenable": awaiting one lands here with a function, and
    // must throw now (a promise returned to `await` is ignored, and the await would never end)
    if (typeof expected === 'function') return fail(['a spec is not a promise: await .then(expectedEvents) or .then({ code, rules })'])
    return Array.isArray(expected) ? result().then((d) => expectEvents(d, expected)) : result().then((d) => expectError(d, expected as ErrorMatcher))
  }
  return {
    then,
    thenEventTypes: async (expected) => {
      const decision = await result()
      if (E.isLeft(decision)) return fail([`expected events ${expected.join(', ')}, but the command was refused:`, describeError(decision.left)])
      const types = decision.right.map((e) => e.type)
      if (types.length !== expected.length || types.some((t, i) => t !== expected[i]))
        fail([`expected events [${expected.join(', ')}]`, `     got events [${types.join(', ')}]`])
      return decision.right
    },
    result,
    talentAfter: async (talentId) => {
      const { decision, talentAfter } = await run()
      if (E.isLeft(decision)) return fail(['the command was refused, so there is no state after it:', describeError(decision.left)])
      return talentAfter(talentId)
    },
  }
}

/** Starts a spec from a history of domain events of any stream (checked against the event codecs). */
export const given = (history: ReadonlyArray<LedgerEvent> = []): Given => {
  checkHistory(history)
  return { when: (rawCommand, dates) => spec(history, rawCommand, dates) }
}
