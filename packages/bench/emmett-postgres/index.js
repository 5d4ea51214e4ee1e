// Re-exports Emmett's PostgreSQL event store with the Emmett core version it was built against, and
// dumbo's pool (Emmett's own SQL layer), which its read-all API (`readMessagesBatch`) runs on.
export * from '@event-driven-io/emmett-postgresql'
export { dumbo } from '@event-driven-io/dumbo'
