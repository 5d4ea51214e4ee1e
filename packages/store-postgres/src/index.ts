/**
 * @talent-ledger/store-postgres — the EventStore and KeyStore ports on PostgreSQL (pg): the store
 * for deployments that outgrow one machine. Versioned migrations in a schema of its own, appends in
 * one round trip, `readAll` and subscriptions in one order that never skips a late commit,
 * LISTEN/NOTIFY wake-ups, the outbox, ledger digests, inline and async projections.
 */
export { createPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js'
export { createPostgresKeyStore } from './postgres-key-store.js'
export { PostgresStoreError, PostgresUnreachableError, PostgresSchemaError, PostgresInDoubtError } from './errors.js'
export { parseConnectionUrl, TargetSessionAttrs, type ConnectionTargets, type HostPort, type ParsedConnectionUrl } from './connection-url.js'
export { PostgresUrlError, DEFAULT_FAILOVER_TIMEOUT_MS } from './failover-pool.js'
export { NoSuitableServerError } from './primary-resolver.js'
export { LATEST_SCHEMA_VERSION } from './migrations.js'
export { nativeSha256Hex } from '@talent-ledger/node'
export { DEFAULT_SCHEMA } from './schema-name.js'
export type { StoredLedgerDigest } from './ledger-digests.js'
export type { InlineProjection } from './inline-projections.js'
export type { ProjectionSnapshot } from './projection-table.js'
export { runAsyncProjection, type AsyncProjection, type AsyncProjectionOptions } from './async-projection.js'
export { postgresStoreBinding, type PostgresStoreUrl } from './postgres-store-binding.js'
