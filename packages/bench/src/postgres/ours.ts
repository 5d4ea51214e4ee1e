/**
 * Contender 1: `@talent-ledger/store-postgres` through the EventStore port, exactly as the ledger
 * uses it: `createPostgresEventStore({ connectionString, schema, poolSize })`, which creates its
 * schema and runs its migrations before timing starts. The store seals each batch itself with core's
 * `sealEvents`, appends in one round trip and decodes every row it reads back as a `RecordedEvent`.
 */
import * as E from 'fp-ts/lib/Either.js'
import { createPostgresEventStore } from '@talent-ledger/store-postgres'
import type { OpenContender } from '../shared/contender.js'
import { connectionString, dropSchema } from './connection.js'

/** Our PostgreSQL store with a pool of `poolSize`, in a new schema named `schema`. */
export const openOurs =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const store = await createPostgresEventStore({ connectionString, schema, poolSize })
    return {
      name: '@talent-ledger/store-postgres',
      checksEnvelopes: true,
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
