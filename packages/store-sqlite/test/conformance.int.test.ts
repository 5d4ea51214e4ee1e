/**
 * The SQLite store against the EventStore and KeyStore conformance suites, on a fresh file per test. The
 * stored-row checks write straight into the file's tables through the store's own connection, as
 * anyone holding the file could.
 */
import { describeEventStoreConformance, describeKeyStoreConformance } from '@talent-ledger/testing/vitest'
import { createSqliteEventStore, createSqliteKeyStore } from '../src/index.js'
import { tables } from './stored-row-writer.js'
import { tempStorePath } from './temp-files.js'

describeEventStoreConformance(
  'sqlite',
  async () => {
    const { path, cleanup } = tempStorePath()
    return { store: createSqliteEventStore({ path }), cleanup }
  },
  { tables },
)

describeKeyStoreConformance('sqlite', async () => {
  const { path, cleanup } = tempStorePath()
  const store = createSqliteEventStore({ path })
  return { keys: createSqliteKeyStore(store.database), close: async () => (await store.close(), await cleanup()) }
})
