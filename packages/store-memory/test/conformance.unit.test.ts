/**
 * The memory store against the EventStore conformance suite that every adapter must pass.
 */
import { describeEventStoreConformance } from '@talent-ledger/testing'
import { createMemoryEventStore } from '../src/index.js'

describeEventStoreConformance('memory', async () => ({ store: createMemoryEventStore() }))
