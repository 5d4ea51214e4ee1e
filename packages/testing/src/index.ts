/**
 * @talent-ledger/testing — for testers who property-check promotion rules and for authors of
 * adapters: given/when/then decider specs, fast-check arbitraries, named invariants, the city
 * simulator (re-exported from `@talent-ledger/simulator`) for realistic histories, and notice
 * fixtures for channel adapters. This entry imports no test runner. The EventStore conformance suite, helpers for a store's own tests and the
 * harness run under vitest and are in `@talent-ledger/testing/vitest`; Node-only helpers (child
 * processes, temporary files) are in `@talent-ledger/testing/node`.
 */
export * from './spec/index.js'
export * from './arbitraries/index.js'
export * from './invariants/index.js'
// the simulator is a package of its own (the CLI's demo uses it); re-exported so this entry keeps it
export * from '@talent-ledger/simulator'
export * from './notifications/index.js'
