/**
 * Helpers for testing notification channels and the relay: notices seeded through a real append,
 * a plain renderer, and the report of a fault-injection run.
 */
export { seedNotices, plainRender, type SeedNoticesOptions } from './notice-fixtures.js'
export { deliveryReport, type DeliveryReport } from './delivery-report.js'
