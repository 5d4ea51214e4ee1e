/**
 * A worker thread of `verify` (started by verify-in-workers.ts): opens the store of the URL it is
 * handed — the file or schema the main thread has opened, and migrated, already — and answers for
 * its range of streams (`serveStreamRange`).
 */
import { serveStreamRange } from '@talent-ledger/node'
import { openStore, parseStoreUrl } from '../store-url.js'

await serveStreamRange(async (url) => {
  const opened = await openStore(parseStoreUrl(String(url)), { mustExist: true })
  return { audit: opened.store.audit, close: opened.close }
})
