/**
 * `pnpm demo [--talents N] [--seed S]`: simulates Lianyungang's skilled-talent pipeline 2026–2035 on
 * the in-memory store and prints the city dashboard against the targets of the policy.
 */
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { printDashboard } from './print.js'
import { runCity } from './run-city.js'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const value = i < 0 ? fallback : Number(process.argv[i + 1])
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number`)
    process.exit(2)
  }
  return value
}

const talents = arg('talents', 3000)
const seed = arg('seed', 2026)
const started = Date.now()
const run = await runCity(
  { store: createMemoryEventStore(), keys: createMemoryKeyStore() },
  { talents, seed, onProgress: (done, total) => process.stderr.write(`\r  applying commands ${done}/${total}`) },
)
process.stderr.write('\n')
printDashboard(run, { talents, seed, seconds: (Date.now() - started) / 1000 })
