/**
 * @talent-ledger/store-memory — in-memory EventStore and KeyStore, plus clocks, for tests and demos.
 */
export { createMemoryEventStore, type MemoryEventStore } from './memory-event-store.js'
export { createMemoryKeyStore } from './memory-key-store.js'
export { systemClock, manualClock } from './clocks.js'
