/**
 * @talent-ledger/testing — for testers who property-check promotion rules and for authors of
 * adapters: given/when/then decider specs, fast-check arbitraries, named invariants, a city
 * simulator for realistic histories, and notice fixtures for channel adapters. This entry imports
 * no test runner. The EventStore conformance suite, helpers for a store's own tests and the
 * harness run under vitest and are in `@talent-ledger/testing/vitest`; Node-only helpers (child
 * processes, temporary files) are in `@talent-ledger/testing/node`.
 */
export * from './spec/index.js'
export * from './arbitraries/index.js'
export * from './invariants/index.js'
export * from './simulation/index.js'
export * from './notifications/index.js'
