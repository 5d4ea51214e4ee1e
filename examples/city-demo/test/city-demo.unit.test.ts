// The demo's pipeline: every simulated command is applied, only the intended ones are refused,
// the log verifies, and the dashboard reports every target of DOMAIN.md §1.
import { describe, expect, it } from 'vitest'
import { verifyStream } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { runCity } from '../src/run-city.js'

describe('city demo', () => {
  it('applies a simulated city and reports against every target', async () => {
    const store = createMemoryEventStore()
    const run = await runCity({ store, keys: createMemoryKeyStore() }, { talents: 150, seed: 7 })
    const refused = Object.values(run.refused).reduce((a, b) => a + b, 0)
    expect(run.accepted + refused).toBe(run.commands)
    expect(refused).toBe(run.intendedRefusals)
    expect(run.report.targets.map((t) => t.id)).toEqual(['new-high-skilled-2030', 'skilled-share', 'high-skilled-share', 'high-skilled-2035', 'carriers'])
    expect(run.report.highSkilledTotal).toBeGreaterThan(0)
    expect(run.report.carriers).toBeGreaterThanOrEqual(20)
    const streams = new Map<string, number>()
    for (const e of store.all()) streams.set(e.streamId, e.version)
    for (const id of streams.keys()) expect(verifyStream(id, await store.readStream(id))).toBeNull()
    expect(run.events).toBe(store.all().length)
  })
})
