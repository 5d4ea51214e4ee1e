/**
 * @talent-ledger/store-memory — in-memory EventStore and KeyStore, plus clocks, for tests and demos.
 */
export { createMemoryEventStore, type MemoryEventStore } from './memory-event-store.js'
export { createMemoryKeyStore } from './memory-key-store.js'
export { manualClock } from './clocks.js'
/** The wall clock, from `@talent-ledger/node`: re-exported so that `systemClock` from this package keeps working. */
export { systemClock } from '@talent-ledger/node'
export { memoryStoreBinding, type MemoryStoreUrl } from './memory-store-binding.js'
