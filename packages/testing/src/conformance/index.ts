/**
 * The adapter conformance suite: `describeEventStoreConformance` registers the tests every
 * EventStore adapter must pass, `describeKeyStoreConformance` those of a KeyStore, for use in an
 * adapter's own vitest files.
 */
export { describeEventStoreConformance } from './suite.js'
export { appendManyConformance } from './append-many.js'
export type { EventStoreFactory } from './fixtures.js'
export {
  HOSTILE_BAD_NATIONAL_ID,
  HOSTILE_NAME,
  expectHostileAnswer,
  hostileInputCases,
  hostileInputStored,
  type HostileInputCase,
} from './hostile-input.js'
export { describeKeyStoreConformance, type KeyStoreFactory } from './key-store.js'
export type { StoredRowWriter } from './stored-rows.js'
