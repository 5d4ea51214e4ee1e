/**
 * The SQLite store against the EventStore and KeyStore conformance suites, on a fresh file per test.
 */
import { describeEventStoreConformance, describeKeyStoreConformance } from '@talent-ledger/testing'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

describeEventStoreConformance('sqlite', async () => {
  const { path, cleanup } = tempStorePath()
  return { store: createSqliteEventStore({ path }), cleanup }
})

describeKeyStoreConformance('sqlite', async () => {
  const { path, cleanup } = tempStorePath()
  const store = createSqliteEventStore({ path })
  return { keys: createSqliteKeyStore(store.database), close: async () => (await store.close(), await cleanup()) }
})
