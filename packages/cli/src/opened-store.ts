/**
 * What opening `--store` gives a verb: the EventStore and KeyStore ports (with the optional
 * abilities the CLI uses when a store has them) and how to release them. A file of its own because
 * both store-url.ts and open-postgres.ts produce it, and store-url.ts calls open-postgres.ts.
 */
import type { EventStore, KeyStore, LedgerDigest } from '@talent-ledger/core'

/** Optional store abilities the CLI uses when present (duck-typed: the port does not require them). */
export interface LedgerDigests {
  readonly ledgerDigests: () => Promise<ReadonlyArray<LedgerDigest>>
  readonly recordLedgerDigest: () => Promise<LedgerDigest>
}

/** An opened store: the ports, and how to release them. */
export interface OpenedStore {
  readonly store: EventStore & Partial<LedgerDigests>
  readonly keys: KeyStore
  readonly close: () => Promise<void>
}
