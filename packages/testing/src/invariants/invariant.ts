/**
 * What an invariant is: a rule every run of the ledger must keep, checked over generated histories.
 * Each invariant is a function from options (your histories, your policy documents, your decider) to
 * a fast-check property (asynchronous: the pure ledger runs on the ledger's runner); it also
 * exposes `violations`, the plain check over one run, for use on a history you already have. A
 * failing property throws with every violation it found; a run that stopped early (an event its
 * codecs reject) is a violation of every invariant.
 */
import * as fc from 'fast-check'
import { talentCategory, type PolicyDocument } from '@talent-ledger/core'
import { cityHistory, commandsOf, type CityHistory } from '../arbitraries/history.js'
import { runPureLedger, type PureRun, type TalentCategoryUnderTest } from './pure-ledger.js'

/** What an invariant is checked against. */
export interface InvariantOptions {
  /** The histories to run (default: `cityHistory({ policies })`). */
  readonly histories?: fc.Arbitrary<CityHistory>
  /** Policy documents adopted during each generated history (ignored when `histories` is given); default: the shipped default policy only. */
  readonly policies?: fc.Arbitrary<PolicyDocument> | PolicyDocument
  /** The talent category under test (default: the core's `talentCategory`), registered in place of the core's. */
  readonly talent?: TalentCategoryUnderTest
}

/** A named invariant: call it to get a property; `violations` checks one run. */
export interface Invariant {
  (options?: InvariantOptions): fc.IAsyncPropertyWithHooks<[CityHistory]>
  /** Stable name (also the export name). */
  readonly invariantName: string
  /** What it states, with the rule of DOMAIN.md it comes from. */
  readonly statement: string
  /** Every violation in one run (empty when the invariant holds). */
  readonly violations: (run: PureRun, talent?: TalentCategoryUnderTest) => ReadonlyArray<string>
}

/** Thrown by a property when a run breaks the invariant. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariantName: string,
    readonly violations: ReadonlyArray<string>,
  ) {
    super(`${invariantName} violated:\n  ${violations.slice(0, 10).join('\n  ')}${violations.length > 10 ? `\n  … and ${violations.length - 10} more` : ''}`)
    this.name = 'InvariantViolation'
  }
}

/** The histories an invariant runs over. */
export const historiesFor = (options: InvariantOptions): fc.Arbitrary<CityHistory> =>
  options.histories ?? cityHistory(options.policies === undefined ? {} : { policies: options.policies })

/** Makes an invariant from its check over one run. */
export const defineInvariant = (
  invariantName: string,
  statement: string,
  violations: (run: PureRun, talent: TalentCategoryUnderTest) => ReadonlyArray<string>,
): Invariant => {
  const check = (run: PureRun, talent: TalentCategoryUnderTest = talentCategory): ReadonlyArray<string> => [
    ...(run.failure === null ? [] : [`the run stopped: ${run.failure}`]),
    ...violations(run, talent),
  ]
  const property = (options: InvariantOptions = {}) =>
    fc.asyncProperty(historiesFor(options), async (h) => {
      const talent = options.talent ?? talentCategory
      const found = check(await runPureLedger(await commandsOf(h), talent), talent)
      if (found.length > 0) throw new InvariantViolation(invariantName, found)
    })
  return Object.assign(property, { invariantName, statement, violations: check })
}

/** Runs `fc.assert` on an invariant (default 1,000 cases). */
export const assertInvariant = async (invariant: Invariant, options: InvariantOptions & fc.Parameters<[CityHistory]> = {}): Promise<void> => {
  const { histories: _histories, policies: _policies, talent: _talent, ...parameters } = options
  await fc.assert(invariant(options), { numRuns: 1000, ...parameters })
}
