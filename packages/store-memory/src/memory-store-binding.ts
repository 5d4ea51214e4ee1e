/**
 * `memory:` for a host's store URL (the CLI's `--store memory:`): a fresh in-memory event store and
 * key store, gone when the process ends. For trying things out and for tests; it needs no driver.
 */
import { storeUrlParsed, type StoreBinding } from '@talent-ledger/core/store-kit'
import { createMemoryEventStore } from './memory-event-store.js'
import { createMemoryKeyStore } from './memory-key-store.js'

/** A parsed `memory:` URL: it names nothing more. */
export interface MemoryStoreUrl {
  readonly kind: 'memory'
}

/** The in-memory store, by the URL `memory:`. Every opening is a new, empty ledger. */
export const memoryStoreBinding: StoreBinding<MemoryStoreUrl> = {
  scheme: 'memory:',
  parse: (url) => (url === 'memory:' ? storeUrlParsed({ kind: 'memory' }) : null),
  open: async () => ({ store: createMemoryEventStore(), keys: createMemoryKeyStore(), close: async () => undefined }),
}
