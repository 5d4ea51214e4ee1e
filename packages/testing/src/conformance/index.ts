/**
 * The adapter conformance suite: `describeEventStoreConformance` registers the tests every
 * EventStore adapter must pass, for use in an adapter's own vitest files.
 */
export { describeEventStoreConformance } from './suite.js'
export type { EventStoreFactory } from './fixtures.js'
export type { StoredRowWriter } from './stored-rows.js'
