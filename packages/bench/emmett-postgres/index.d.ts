export * from '@event-driven-io/emmett-postgresql'
export { dumbo } from '@event-driven-io/dumbo'
