/**
 * Given/when/then specs for the talent-ledger deciders, with test data builders. Pure: no store,
 * no keys, no test runner; a failed expectation throws a plain `Error` with a readable diff.
 */
export { given, type Given, type Spec, type ErrorMatcher } from './given.js'
export { decideRaw, talentStateOf, talentContextOf, SPEC_RECORD_DATE, type Decision, type SpecDates } from './decide.js'
export { fakeSeal } from './fake-seal.js'
export * from './builders.js'
export * from './commands.js'
