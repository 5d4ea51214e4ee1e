/**
 * The EventStore conformance suite: every guarantee of the `EventStore` port (core
 * `kernel/ports.ts`, ARCHITECTURE.md "Ports") as vitest tests, so that the memory, SQLite and
 * PostgreSQL stores, and any third-party adapter, are held to the same contract.
 */
import { describe } from 'vitest'
import { appendConformance } from './append.js'
import { concurrencyConformance } from './concurrency.js'
import type { EventStoreFactory } from './fixtures.js'
import { hostileInputConformance } from './hostile-input.js'
import { outboxConformance } from './outbox.js'
import { readingConformance } from './reading.js'
import { subscriptionConformance } from './subscriptions.js'

/**
 * Registers the conformance tests for an adapter under `describe(name)`. `factory` is called once
 * per test and must return an empty store; the suite closes it with `store.close()` and then runs
 * `cleanup` (drop the schema, delete the file).
 *
 * @example
 * describeEventStoreConformance('memory', async () => ({ store: createMemoryEventStore() }))
 */
export const describeEventStoreConformance = (name: string, factory: EventStoreFactory): void => {
  describe(`EventStore conformance: ${name}`, () => {
    appendConformance(factory)
    readingConformance(factory)
    concurrencyConformance(factory)
    subscriptionConformance(factory)
    outboxConformance(factory)
    hostileInputConformance(factory)
  })
}
