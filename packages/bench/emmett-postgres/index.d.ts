export * from '@event-driven-io/emmett-postgresql'
