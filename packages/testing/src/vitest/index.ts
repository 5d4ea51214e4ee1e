/**
 * @talent-ledger/testing/vitest — the pieces that register or assert under vitest: the EventStore
 * and KeyStore conformance suites, helpers for a store adapter's own tests, and the test harness.
 * Kept out of the main entry so that importing specs, arbitraries and the simulator needs no test
 * runner (the CLI's demo uses the simulator at run time).
 */
export * from '../conformance/index.js'
export * from '../stores/index.js'
export * from '../harness/index.js'
