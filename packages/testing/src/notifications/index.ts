/**
 * Helpers for testing notification channels and the relay: notices seeded through a real append,
 * a plain renderer, the report of a fault-injection run, and the body of a relay run in a child process.
 */
export { seedNotices, plainRender, type SeedNoticesOptions } from './notice-fixtures.js'
export { deliveryReport, type DeliveryReport } from './delivery-report.js'
export { runRelayChild, quickRelaySettings, type RelayChildOptions } from './relay-child.js'
