/**
 * A seeded city simulator: realistic, reproducible histories of Lianyungang's skilled workers as
 * the raw commands the ledger accepts — for integration tests, demos and benchmarks.
 */
export { simulateCity, type SimulationOptions, type Simulation, type SimulationSummary, type IntendedRefusal } from './simulate.js'
export { cityPolicyDocument, CITY_POLICY_ID } from './city.js'
