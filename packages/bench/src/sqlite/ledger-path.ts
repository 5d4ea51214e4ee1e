/**
 * The full ledger path on our store: every raw command of the same simulated city through
 * `createTalentLedger(...).execute` — decode, load and fold the stream, decide, seal personal data,
 * append — on a fresh SQLite file with its key store in the same file. Compared with the bare
 * `append` row it shows what deciding costs.
 */
import { join } from 'node:path'
import { createTalentLedger } from '@talent-ledger/core'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { freshDir } from './phases.js'
import type { Workload } from '../shared/workload.js'

/** One run of the ledger path: how long, and how many commands and events it stored. */
export interface LedgerRun {
  readonly ms: number
  readonly commands: number
  readonly events: number
  /** The file's size after a checkpoint, and the part of it the outbox (table and indexes) takes. */
  readonly fileBytes: number
  readonly outboxBytes: number
}

/** Executes every command of `w` through the ledger on a new file. */
export const runLedgerPath = async (w: Workload): Promise<LedgerRun> => {
  const { dir, remove } = freshDir()
  const store = createSqliteEventStore({ path: join(dir, 'ledger.sqlite'), durability: 'FULL' })
  try {
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: { now: () => new Date().toISOString() } })
    const t0 = performance.now()
    for (const raw of w.commands) await ledger.execute(raw)
    const ms = performance.now() - t0
    const db = store.database
    const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    // measured after a checkpoint so that the WAL's pages are in the main file, where they end up
    db.pragma('wal_checkpoint(TRUNCATE)')
    const fileBytes = db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number
    const outboxBytes = db.prepare("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'outbox')").pluck().get() as number
    return { ms, commands: w.commands.length, events, fileBytes, outboxBytes }
  } finally {
    await store.close()
    remove()
  }
}
