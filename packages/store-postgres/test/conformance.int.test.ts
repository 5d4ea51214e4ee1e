/**
 * The PostgreSQL store against the EventStore conformance suite, in a fresh schema per test.
 */
import { describeEventStoreConformance } from '@talent-ledger/testing'
import { createPostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, uniqueSchema } from './pg-schemas.js'

describeEventStoreConformance('postgres', async () => {
  const schema = uniqueSchema()
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 4 })
  return { store, cleanup: () => dropSchema(schema) }
})
