/**
 * @talent-ledger/simulator — a seeded city simulator: realistic, reproducible histories of
 * Lianyungang's skilled workers as the raw commands the ledger accepts, for integration tests,
 * demos and benchmarks. A package of its own, depending on core alone, so that the CLI's `demo`
 * loads no test runner and no property-testing library.
 */
export { simulateCity, type SimulationOptions, type Simulation, type SimulationSummary, type IntendedRefusal } from './simulate.js'
export { cityPolicyDocument, CITY_POLICY_ID } from './city.js'
export { cityAtScale, demoPolicyDocument, scaledCount, CITY_EMPLOYED_PERSONS, DEFAULT_DEMO_SCALE, DEMO_POLICY_ID, PIPELINE_TALENTS_PER_YEAR, type CityAtScale } from './scale.js'
export { STOCK_HIGH_SKILLED_SHARE, STOCK_PROMOTION_RATE, STOCK_SKILLED_SHARE } from './stock.js'
