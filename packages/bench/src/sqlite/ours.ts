/**
 * Contender 1: `@talent-ledger/store-sqlite` through the EventStore port, exactly as the ledger uses
 * it (WAL, synchronous = FULL, the store's default). The store seals each batch itself with core's
 * `sealEvents` and validates every row it reads back as a `RecordedEvent`.
 */
import * as E from 'fp-ts/lib/Either.js'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'

/** Our SQLite store, on a fresh file. */
export const openOurs: OpenContender = async (path) => {
  const store = createSqliteEventStore({ path, durability: 'FULL' })
  return {
    name: '@talent-ledger/store-sqlite',
    checksEnvelopes: true,
    append: async (b) => {
      const outcome = await store.append(b.streamId, b.events, b.expected === 0 ? 'no-stream' : b.expected)
      if (E.isLeft(outcome)) throw new Error(`append to ${b.streamId} refused: ${JSON.stringify(outcome.left)}`)
    },
    readStream: (streamId) => store.readStream(streamId),
    readAll: (after, limit) => store.readAll({ after, limit }),
    close: () => store.close(),
  }
}
