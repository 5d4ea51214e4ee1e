/**
 * Contender 1: `@talent-ledger/store-sqlite` through the EventStore port, exactly as the ledger uses
 * it (WAL, synchronous = FULL, the store's default). The store seals each batch itself with core's
 * `sealEvents` and validates every row it reads back as a `RecordedEvent`.
 */
import { createSqliteEventStore } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'
import { portContender } from '../shared/port-contender.js'

/** Our SQLite store's contender name at a durability. */
export const oursName = (durability: 'FULL' | 'NORMAL' = 'FULL'): string => `@talent-ledger/store-sqlite${durability === 'FULL' ? '' : ' (NORMAL)'}`

/** Our SQLite store at `durability` (default FULL), on a fresh file. */
export const openOursAt =
  (durability: 'FULL' | 'NORMAL'): OpenContender =>
  async (path) => {
    const store = createSqliteEventStore({ path, durability })
    return portContender(oursName(durability), store, () => store.close())
  }

/** Our SQLite store, on a fresh file, synchronous = FULL. */
export const openOurs: OpenContender = openOursAt('FULL')
