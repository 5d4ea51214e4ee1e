// Re-exports Emmett's PostgreSQL event store with the Emmett core version it was built against.
export * from '@event-driven-io/emmett-postgresql'
