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
    const events = store.database.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    return { ms, commands: w.commands.length, events }
  } finally {
    await store.close()
    remove()
  }
}
