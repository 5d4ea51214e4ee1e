/**
 * A worker thread of `bench:verify`'s "verify in worker threads": opens the ledger file read-only
 * and answers for its range of streams, as the CLI's verify worker does for its store URL.
 */
import { serveStreamRange } from '@talent-ledger/node'
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'

await serveStreamRange(async (path) => {
  const store = createSqliteEventStore({ path: String(path), readonly: true })
  return { audit: store.audit, close: store.close }
})
