/**
 * @talent-ledger/store-sqlite — the EventStore and KeyStore ports on one SQLite file
 * (better-sqlite3): the embedded default store of talent-ledger, with inline and async projections.
 */
export { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js'
export { createSqliteKeyStore, type SqliteKeyStore } from './sqlite-key-store.js'
export { StoreOpenError, StoreReadOnlyError, StoreBusyError } from './errors.js'
export type { Durability } from './open-database.js'
export { LATEST_SCHEMA_VERSION } from './migrations.js'
export { nativeSha256Bytes, nativeSha256Hex } from '@talent-ledger/node'
export type { StoredLedgerDigest } from './ledger-digests.js'
export type { InlineProjection } from './inline-projections.js'
export type { ProjectionSnapshot } from './projection-table.js'
export { runAsyncProjection, type AsyncProjection, type AsyncProjectionOptions } from './async-projection.js'
export { sqliteStoreBinding, type SqliteStoreUrl } from './sqlite-store-binding.js'
