/**
 * A ledger keeps the streams it appends to folded as it decided them (folded-streams.ts, at the
 * hash its append answered), where a ledger that keeps nothing folds every stream again from the
 * stored rows, after their JSON round trip and decoding. Generated city histories with arbitrary
 * commands mixed in are run on both, one at a time and in random batches: every result, the stored
 * log (ids, metadata, positions, hashes) and the outbox must be the same, so what a command decides
 * never depends on whether the state it read was kept or read back.
 */
import * as fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cityHistory, commandsOf } from '../../src/arbitraries/index.js'
import { deterministicLedger, runCommands } from './deterministic-ledger.js'

/** Runs `commands` on a fresh, deterministic ledger keeping `foldedStreams` streams, cut into groups at `cuts` (none: one at a time). */
const runOn = (foldedStreams: number, commands: ReadonlyArray<unknown>, cuts: ReadonlyArray<number> | null) => runCommands(deterministicLedger({ foldedStreams }), commands, cuts)

afterEach(() => void vi.restoreAllMocks())

describe('streams kept folded as decided', () => {
  it('give every command the result, events, hashes and notices of streams folded again from the store', async () => {
    await fc.assert(
      fc.asyncProperty(cityHistory({ maxSteps: 12, maxNoise: 8 }), fc.option(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 })), async (history, cuts) => {
        const commands = await commandsOf(history)
        const kept = await runOn(50_000, commands, cuts)
        const readBack = await runOn(0, commands, cuts)
        expect(kept.results).toEqual(readBack.results)
        expect(kept.log).toEqual(readBack.log)
        expect(kept.outbox).toEqual(readBack.outbox)
        expect(readBack.results.filter((r) => r.ok).length).toBeGreaterThan(0)
      }),
      { numRuns: 40 },
    )
  })
})
