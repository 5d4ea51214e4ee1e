/**
 * What only a file-backed store has to show: a subscription sees events that another connection
 * (another process, in real use) appends, found by polling; its checkpoint is in the file, so a
 * subscription opened later on another connection resumes after it; a ledger digest recorded twice
 * at one position is stored once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { RecordedEvent } from '@talent-ledger/core'
import { storeProbes } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const waitFor = async (condition: () => boolean, ms = 5_000): Promise<void> => {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) expect.fail('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('a store shared through its file', () => {
  it("delivers another connection's appends by polling and keeps the checkpoint in the file", async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const reader = createSqliteEventStore({ path, pollMs: 10 })
    const writer = createSqliteEventStore({ path })
    const seen: RecordedEvent[] = []
    const sub = reader.subscribe('pool', (e) => void seen.push(e))
    expect((await writer.append('talent-1', storeProbes(3), 'no-stream')).ok).toBe(true)
    await waitFor(() => seen.length === 3)
    await sub.stop()
    expect((await writer.append('talent-1', storeProbes(2, 4), 3)).ok).toBe(true)
    await reader.close()
    expect(await writer.checkpoints.load('pool')).toBe(seen[2]!.globalPosition)
    const rest: RecordedEvent[] = []
    const resumed = writer.subscribe('pool', (e) => void rest.push(e))
    await resumed.caughtUp()
    expect(rest.map((e) => e.version)).toEqual([4, 5])
    await writer.close()
  })

  it('stores a ledger digest once per position', async () => {
    const { path, cleanup } = tempStorePath()
    cleanups.push(cleanup)
    const store = createSqliteEventStore({ path, clock: { now: () => '2026-05-01T00:00:00.000Z' } })
    try {
      const empty = await store.recordLedgerDigest()
      expect(empty).toMatchObject({ globalPosition: 0, streamCount: 0 })
      expect((await store.append('talent-1', storeProbes(2), 'no-stream')).ok).toBe(true)
      const a = await store.recordLedgerDigest()
      const b = await store.recordLedgerDigest()
      expect(b).toEqual(a)
      expect(a).toMatchObject({ globalPosition: 2, streamCount: 1, createdAt: '2026-05-01T00:00:00.000Z' })
      expect((await store.ledgerDigests()).map((d) => d.globalPosition)).toEqual([0, 2])
    } finally {
      await store.close()
    }
  })
})
