/**
 * @talent-ledger/testing — for testers who property-check promotion rules and for authors of
 * adapters: given/when/then decider specs, fast-check arbitraries, named invariants, a city
 * simulator for realistic histories, the EventStore conformance suite, helpers for a store's own
 * tests, and notice fixtures for channel adapters. Node-only helpers (child processes, temporary
 * files) are in `@talent-ledger/testing/node`.
 */
export * from './spec/index.js'
export * from './arbitraries/index.js'
export * from './invariants/index.js'
export * from './simulation/index.js'
export * from './conformance/index.js'
export * from './notifications/index.js'
export * from './stores/index.js'
export * from './harness/index.js'
