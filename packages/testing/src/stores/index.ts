/**
 * Helpers for a store adapter's own tests (beyond the conformance suite): probe events, the city
 * projections rebuilt from a log, a projection that fails on demand, and a short ledger scenario.
 */
export { probeEvent, storeProbes, type ProbeOrigin } from './probe-events.js'
export {
  decodeLedgerEvent,
  commandDriver,
  rebuildCityProjections,
  fragileCounter,
  countingDashboard,
  firstThrowingCommand,
} from './city-projections.js'
export { assessmentScenario } from './assessment-scenario.js'
