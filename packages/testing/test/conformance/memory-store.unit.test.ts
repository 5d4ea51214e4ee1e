/**
 * The memory store against the EventStore and KeyStore conformance suites that every adapter must
 * pass. It lives here, not in store-memory, so that store-memory does not depend on testing while
 * testing depends on store-memory (a workspace cycle).
 */
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { describeEventStoreConformance, describeKeyStoreConformance } from '@talent-ledger/testing/vitest'

describeEventStoreConformance('memory', async () => ({ store: createMemoryEventStore() }))

describeKeyStoreConformance('memory', async () => ({ keys: createMemoryKeyStore() }))
