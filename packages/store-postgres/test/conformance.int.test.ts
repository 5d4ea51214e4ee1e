/**
 * The PostgreSQL store against the EventStore and KeyStore conformance suites, in a fresh schema per test.
 */
import { describeEventStoreConformance, describeKeyStoreConformance } from '@talent-ledger/testing'
import { createPostgresEventStore, createPostgresKeyStore } from '../src/index.js'
import { TEST_URL, dropSchema, freshDatabase, uniqueSchema } from './pg-schemas.js'

describeEventStoreConformance('postgres', async () => {
  const schema = uniqueSchema()
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 4 })
  return { store, cleanup: () => dropSchema(schema) }
})

// a database of its own per test: erasure completes only when no transaction in the database is
// as old as the delete, and tests running beside this one hold such transactions in the shared one
describeKeyStoreConformance('postgres', async () => {
  const database = await freshDatabase()
  const store = await createPostgresEventStore({ connectionString: database.url, schema: uniqueSchema(), poolSize: 2 })
  return { keys: createPostgresKeyStore(store), close: async () => (await store.close(), await database.drop()) }
})
