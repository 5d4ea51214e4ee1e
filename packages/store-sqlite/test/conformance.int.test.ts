/**
 * The SQLite store against the EventStore conformance suite, on a fresh file per test.
 */
import { describeEventStoreConformance } from '@talent-ledger/testing'
import { createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

describeEventStoreConformance('sqlite', async () => {
  const { path, cleanup } = tempStorePath()
  return { store: createSqliteEventStore({ path }), cleanup }
})
