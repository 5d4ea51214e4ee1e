/**
 * Contender 1: `@talent-ledger/store-sqlite` through the EventStore port, exactly as the ledger uses
 * it (WAL, synchronous = FULL, the store's default). The store seals each batch itself with core's
 * `sealEvents` and validates every row it reads back as a `RecordedEvent`.
 */
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'
import { portContender } from '../shared/port-contender.js'

/** Our SQLite store, on a fresh file. */
export const openOurs: OpenContender = async (path) => {
  const store = createSqliteEventStore({ path, durability: 'FULL' })
  return portContender('@talent-ledger/store-sqlite', store, () => store.close())
}
