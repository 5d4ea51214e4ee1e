/**
 * Contender 1: `@talent-ledger/store-postgres` through the EventStore port, exactly as the ledger
 * uses it: `createPostgresEventStore({ connectionString, schema, poolSize })`. The store seals each
 * batch itself with core's `sealEvents` and validates every row it reads back as a `RecordedEvent`.
 * The package is loaded when the contender is first opened, so that the bench still runs the other
 * contenders on a checkout where it is not built yet.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EventStore } from '@talent-ledger/core'
import type { OpenContender } from '../shared/contender.js'
import { connectionString, dropSchema } from './connection.js'

/** The part of the store package's surface the bench uses. */
interface StorePostgres {
  readonly createPostgresEventStore: (options: { connectionString: string; schema: string; poolSize?: number }) => Promise<EventStore>
}

/** Our PostgreSQL store with a pool of `poolSize`, in a new schema named `schema`. */
export const openOurs =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const { createPostgresEventStore } = (await import('@talent-ledger/store-postgres')) as unknown as Partial<StorePostgres>
    if (createPostgresEventStore === undefined) throw new Error('@talent-ledger/store-postgres exports no createPostgresEventStore yet')
    const store = await createPostgresEventStore({ connectionString, schema, poolSize })
    return {
      name: '@talent-ledger/store-postgres',
      append: async (b) => {
        const outcome = await store.append(b.streamId, b.events, b.expected === 0 ? 'no-stream' : b.expected)
        if (E.isLeft(outcome)) throw new Error(`append to ${b.streamId} refused: ${JSON.stringify(outcome.left)}`)
      },
      readStream: (streamId) => store.readStream(streamId),
      readAll: (after, limit) => store.readAll({ after, limit }),
      close: async () => {
        await store.close()
        await dropSchema(schema)
      },
    }
  }
