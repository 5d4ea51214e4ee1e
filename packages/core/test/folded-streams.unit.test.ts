/**
 * The folded-streams cache keeps what its ledger appended only when the store's answer vouches for
 * it: a last hash, and the version the caller's fold brings the stream to. Otherwise nothing is
 * kept (the fold is not even made) and the next load reads the stream back. The store is a stub
 * that records the reads (pure logic: no I/O is being tested).
 */
import { describe, expect, it } from 'vitest'
import { foldedStreams, type StreamFold } from '../src/kernel/folded-streams.js'
import type { EventStore, RecordedEvent } from '../src/index.js'

/** A store that holds no events and records the `fromVersion` of every `readStream`. */
const recordingStore = () => {
  const reads: number[] = []
  const store = {
    readStream: async (_streamId: string, fromVersion = 1): Promise<RecordedEvent[]> => {
      reads.push(fromVersion)
      return []
    },
  } as unknown as EventStore
  return { store, reads }
}

const counting: StreamFold<number> = { initialState: 0, foldRows: (state, rows) => state + rows.length }

describe('foldedStreams.appended', () => {
  it('keeps the fold when the store answered a last hash and the version the fold expects', async () => {
    const { store, reads } = recordingStore()
    const folded = foldedStreams(store)
    folded.appended('s-1', { version: 3, lastHash: 'h3' }, { version: 3, state: () => 42 })
    expect(await folded.load('s-1', counting)).toEqual({ version: 3, hash: 'h3', state: 42 })
    // only what came after the kept version is asked for
    expect(reads).toEqual([4])
  })

  it('keeps nothing, and makes no fold, when the store answered no hash or another version', async () => {
    const { store, reads } = recordingStore()
    const folded = foldedStreams(store)
    let folds = 0
    const after = { version: 3, state: () => ++folds }
    folded.appended('s-1', { version: 3 }, after)
    folded.appended('s-1', { version: 5, lastHash: 'h5' }, after)
    expect(folds).toBe(0)
    // nothing kept: the stream is read from its first event
    expect(await folded.load('s-1', counting)).toEqual({ version: 0, hash: '', state: 0 })
    expect(reads).toEqual([1])
  })
})
