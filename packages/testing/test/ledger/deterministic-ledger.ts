/**
 * A ledger whose every draw repeats from run to run, for tests that run one command history twice
 * (one at a time against group commit, streams kept folded against read back) and compare the
 * hashes: event ids count up, the clock stands still, and `crypto.getRandomValues` (the keys' and
 * nonces' random bytes) is a seeded xorshift32 started afresh for each ledger.
 */
import { createTalentLedger, type CommandResult, type TalentLedger } from '@talent-ledger/core'
import { createMemoryEventStore, createMemoryKeyStore, manualClock, type MemoryEventStore } from '@talent-ledger/store-memory'
import { vi } from 'vitest'

/** Replaces `crypto.getRandomValues` with xorshift32 from a fixed seed (undone by `vi.restoreAllMocks`). */
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

/** A fresh memory ledger whose ids, clock and random bytes are deterministic; `foldedStreams` as `createTalentLedger` takes it. */
export const deterministicLedger = (options: { readonly foldedStreams?: number } = {}): { store: MemoryEventStore; keys: ReturnType<typeof createMemoryKeyStore>; ledger: TalentLedger } => {
  vi.restoreAllMocks()
  seededRandom()
  let n = 0
  const store = createMemoryEventStore({ clock: { now: () => '2026-01-01T00:00:00.000Z' } })
  const keys = createMemoryKeyStore()
  const ledger = createTalentLedger({
    store,
    keys,
    clock: manualClock('2026-01-01T00:00:00.000Z'),
    newEventId: () => `event-${String(++n).padStart(6, '0')}`,
    ...(options.foldedStreams === undefined ? {} : { foldedStreams: options.foldedStreams }),
  })
  return { store, keys, ledger }
}

/**
 * Runs `commands` on `on`, one at a time (`cuts` null) or in groups of the sizes in `cuts` (each at
 * least 1; what is left after the last cut is one more group), and returns every result, the log
 * and the outbox.
 */
export const runCommands = async (on: { store: MemoryEventStore; ledger: TalentLedger }, commands: ReadonlyArray<unknown>, cuts: ReadonlyArray<number> | null) => {
  const { store, ledger } = on
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
