/**
 * The memory store against the EventStore and KeyStore conformance suites that every adapter must pass.
 */
import { describeEventStoreConformance, describeKeyStoreConformance } from '@talent-ledger/testing'
import { createMemoryEventStore, createMemoryKeyStore } from '../src/index.js'

describeEventStoreConformance('memory', async () => ({ store: createMemoryEventStore() }))

describeKeyStoreConformance('memory', async () => ({ keys: createMemoryKeyStore() }))
