/**
 * A ledger keeps the streams it appends to folded as it decided them (folded-streams.ts, at the
 * hash its append answered), where a ledger that keeps nothing folds every stream again from the
 * stored rows, after their JSON round trip and decoding. Generated city histories with arbitrary
 * commands mixed in are run on both, one at a time and in random batches: every result, the stored
 * log (ids, metadata, positions, hashes) and the outbox must be the same, so what a command decides
 * never depends on whether the state it read was kept or read back.
 */
import * as fc from 'fast-check'
import { createTalentLedger, type CommandResult } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock } from '@talent-ledger/store-memory'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cityHistory, commandsOf } from '../../src/arbitraries/index.js'

/** Deterministic `crypto.getRandomValues` (xorshift32), so keys and nonces repeat from run to run. */
const seededRandom = (): void => {
  let x = 0x2545f491
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array === null) return array
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      bytes[i] = x & 0xff
    }
    return array
  })
}

/** Runs `commands` on a fresh, deterministic ledger keeping `foldedStreams` streams, cut into groups at `cuts` (none: one at a time). */
const runOn = async (foldedStreams: number, commands: ReadonlyArray<unknown>, cuts: ReadonlyArray<number> | null) => {
  vi.restoreAllMocks()
  seededRandom()
  let n = 0
  const store = createMemoryEventStore({ clock: { now: () => '2026-01-01T00:00:00.000Z' } })
  const ledger = createTalentLedger({
    store,
    keys: createMemoryKeyStore(),
    clock: manualClock('2026-01-01T00:00:00.000Z'),
    newEventId: () => `event-${String(++n).padStart(6, '0')}`,
    foldedStreams,
  })
  const results: CommandResult[] = []
  if (cuts === null) for (const c of commands) results.push(await ledger.execute(c))
  else {
    let at = 0
    for (const cut of [...cuts, commands.length]) {
      const end = Math.min(commands.length, at + Math.max(1, cut))
      results.push(...(await ledger.executeMany(commands.slice(at, end))))
      at = end
      if (at >= commands.length) break
    }
  }
  return { results, log: store.all(), outbox: await store.outbox.list() }
}

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
