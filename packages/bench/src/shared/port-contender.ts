/**
 * Our stores as contenders: any `EventStore` through the port, exactly as the ledger uses it. The
 * SQLite and PostgreSQL benches differ only in how they open and close the store.
 */
import type { EventStore } from '@talent-ledger/core'
import type { Contender } from './contender.js'

/** `store` as a contender named `name`; `close` releases it (and whatever the bench made for it). */
export const portContender = (name: string, store: EventStore, close: () => Promise<void>): Contender => ({
  name,
  // our stores decode every row they read with core's RecordedEvent codec
  checksEnvelopes: true,
  append: async (b) => {
    const outcome = await store.append(b.streamId, b.events, b.expected === 0 ? 'no-stream' : b.expected)
    if (!outcome.ok) throw new Error(`append to ${b.streamId} refused: ${JSON.stringify(outcome.conflict)}`)
  },
  readStream: (streamId) => store.readStream(streamId),
  readAll: (after, limit) => store.readAll({ after, limit }),
  close,
})
