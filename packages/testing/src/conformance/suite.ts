/**
 * The EventStore conformance suite: every guarantee of the `EventStore` port (core
 * `kernel/ports.ts`, ARCHITECTURE.md "Ports") as vitest tests, so that the memory, SQLite and
 * PostgreSQL stores, and any third-party adapter, are held to the same contract.
 */
import { describe } from 'vitest'
import { appendConformance } from './append.js'
import { appendManyConformance } from './append-many.js'
import { concurrencyConformance } from './concurrency.js'
import type { EventStoreFactory } from './fixtures.js'
import { hostileInputConformance } from './hostile-input.js'
import { outboxConformance } from './outbox.js'
import { readingConformance } from './reading.js'
import { subscriptionConformance } from './subscriptions.js'
import { storedRowConformance, type StoredRowWriter } from './stored-rows.js'

/**
 * Registers the conformance tests for an adapter under `describe(name)`. `factory` is called once
 * per test and must return an empty store; the suite closes it with `store.close()` and then runs
 * `cleanup` (drop the schema, delete the file). An adapter whose rows can be written behind its
 * back (a file, a database) passes `tables`, a `StoredRowWriter`: the stored-row checks then forge
 * rows with it and expect the store's constraints to refuse them or `verifyLedger` to report them.
 *
 * @example
 * describeEventStoreConformance('memory', async () => ({ store: createMemoryEventStore() }))
 */
export const describeEventStoreConformance = (name: string, factory: EventStoreFactory, options: { readonly tables?: StoredRowWriter } = {}): void => {
  describe(`EventStore conformance: ${name}`, () => {
    appendConformance(factory)
    appendManyConformance(factory)
    readingConformance(factory)
    concurrencyConformance(factory)
    subscriptionConformance(factory)
    outboxConformance(factory)
    hostileInputConformance(factory)
    storedRowConformance(factory, options.tables)
  })
}
