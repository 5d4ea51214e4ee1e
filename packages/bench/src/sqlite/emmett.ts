/**
 * Contender 3: Emmett's SQLite event store (`@event-driven-io/emmett-sqlite`, on the `sqlite3`
 * driver), through its documented API: `getSQLiteEventStore({ fileName })`, `appendToStream` with
 * `expectedStreamVersion`, `readStream`, and `readMessagesBatch` for the log. Emmett keeps no hash
 * chain, so this contender seals each batch itself with core's `sealEvents` (the same node:crypto
 * SHA-256 as the others), from the stream head it keeps in memory, and stores id, hashes and our
 * metadata in Emmett's event metadata. Emmett sets WAL and leaves `synchronous` at SQLite's
 * default, FULL (2) in the `sqlite3` build; it opens a connection per call on a file.
 * Emmett 0.38.5 sometimes fails a commit with SQLITE_BUSY "cannot commit transaction - SQL
 * statements in progress" and rolls back; such an append is retried (the time counts) and counted.
 */
import { getSQLiteEventStore, readMessagesBatch, sqliteConnection, type SQLiteReadEvent } from '@event-driven-io/emmett-sqlite'
import { sealEvents } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'
import { emmettEventsOf, recordedOfEmmett } from '../shared/emmett-events.js'


const isBusy = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY'

/** Appends refused with SQLITE_BUSY and retried, over every Emmett contender opened so far. */
export const emmettRetries = { count: 0 }

/** Runs `f` with console.log muted: Emmett logs every error its transaction wrapper catches. */
const quietly = async <T>(f: () => Promise<T>): Promise<T> => {
  const log = console.log
  console.log = () => undefined
  try {
    return await f()
  } finally {
    console.log = log
  }
}

/** Emmett 0.38 on SQLite, on a fresh file. */
export const openEmmett: OpenContender = async (path) => {
  const store = getSQLiteEventStore({ fileName: path, schema: { autoMigration: 'CreateOrUpdate' } })
  const heads = new Map<string, string>()
  let reader: ReturnType<typeof sqliteConnection> | undefined
  return {
    name: 'Emmett SQLite',
    checksEnvelopes: false,
    append: async (b) => {
      const sealed = sealEvents({ streamId: b.streamId, version: b.expected, hash: heads.get(b.streamId) ?? '' }, b.events, () => 0, nativeSha256Hex)
      const events = emmettEventsOf(sealed)
      for (let attempt = 1; ; attempt++) {
        try {
          await quietly(() => store.appendToStream(b.streamId, events, { expectedStreamVersion: BigInt(b.expected) }))
          break
        } catch (error) {
          if (!isBusy(error) || attempt === 10) throw error
          emmettRetries.count++
        }
      }
      heads.set(b.streamId, sealed[sealed.length - 1]!.hash)
    },
    readStream: async (streamId) => (await store.readStream(streamId)).events.map((m) => recordedOfEmmett(m as SQLiteReadEvent)),
    readAll: async (after, limit) => {
      reader ??= sqliteConnection({ fileName: path })
      const page = await readMessagesBatch(reader, { after: BigInt(after), batchSize: limit })
      return page.messages.map((m) => recordedOfEmmett(m as SQLiteReadEvent))
    },
    close: async () => reader?.close(),
  }
}
