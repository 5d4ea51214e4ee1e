/**
 * Contender 1: `@talent-ledger/store-postgres` through the EventStore port, exactly as the ledger
 * uses it: `createPostgresEventStore({ connectionString, schema, poolSize })`, which creates its
 * schema and runs its migrations before timing starts. The store seals each batch itself with core's
 * `sealEvents`, appends in one round trip and decodes every row it reads back as a `RecordedEvent`.
 */
import { createPostgresEventStore } from '@talent-ledger/store-postgres'
import type { OpenContender } from '../shared/contender.js'
import { portContender } from '../shared/port-contender.js'
import { connectionString, dropSchema } from './connection.js'

/** Our PostgreSQL store with a pool of `poolSize`, in a new schema named `schema`. */
export const openOurs =
  (poolSize: number): OpenContender =>
  async (schema) => {
    const store = await createPostgresEventStore({ connectionString, schema, poolSize })
    return portContender('@talent-ledger/store-postgres', store, async () => {
      await store.close()
      await dropSchema(schema)
    })
  }

/**
 * Our PostgreSQL store with a pool of `poolSize` on a schema that `openOurs` created (another
 * process's writer, say): the migrations find their work done; closing leaves the schema to its creator.
 */
export const attachOurs =
  (poolSize: number, notifyWindowMs?: number | 'off'): OpenContender =>
  async (schema) => {
    const store = await createPostgresEventStore({ connectionString, schema, poolSize, ...(notifyWindowMs === undefined ? {} : { notifyWindowMs }) })
    return portContender('@talent-ledger/store-postgres', store, () => store.close())
  }
