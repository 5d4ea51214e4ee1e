/**
 * The full ledger path on our store: every raw command of the same simulated city through
 * `createTalentLedger(...).execute` — decode, load and fold the stream, decide, seal personal data,
 * append — on a fresh SQLite file with its key store in the same file. Compared with the bare
 * `append` row it shows what deciding costs. Then retention: every notice marked delivered (as a
 * relay would), compacted (`outbox.compact`, timed) and the file vacuumed, to show what the outbox
 * costs per event once a deployment's retention has run.
 */
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { createTalentLedger } from '@talent-ledger/core'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { timedWithCpu } from '../measure.js'
import { freshDir } from './phases.js'
import type { Workload } from '../shared/workload.js'

/** One run of the ledger path: how long, and how many commands and events it stored. */
export interface LedgerRun {
  readonly ms: number
  /** The process's CPU time (user + system) over the same commands. */
  readonly cpuMs: number
  readonly commands: number
  readonly events: number
  /** The file's size after a checkpoint, and the part of it the outbox (table and indexes) takes. */
  readonly fileBytes: number
  readonly outboxBytes: number
  /** After every notice was delivered and compacted and the file vacuumed: the same two sizes, and the compaction's rows and time. */
  readonly retained: { readonly fileBytes: number; readonly outboxBytes: number; readonly compacted: number; readonly ms: number }
}

/** The file's size and the outbox's part of it (table and indexes), after a checkpoint so the WAL's pages are in the file. */
const sizes = (db: Database.Database): { fileBytes: number; outboxBytes: number } => {
  db.pragma('wal_checkpoint(TRUNCATE)')
  return {
    fileBytes: db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number,
    outboxBytes: db.prepare("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'outbox')").pluck().get() as number,
  }
}

/** Executes every command of `w` through the ledger on a new file; `onWritten` sees the file as the commands left it (untimed, before retention). */
export const runLedgerPath = async (w: Workload, onWritten?: (db: Database.Database) => void): Promise<LedgerRun> => {
  const { dir, remove } = freshDir()
  const store = createSqliteEventStore({ path: join(dir, 'ledger.sqlite'), durability: 'FULL' })
  try {
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: { now: () => new Date().toISOString() } })
    const { ms, cpuMs } = await timedWithCpu(async () => {
      for (const raw of w.commands) await ledger.execute(raw)
    })
    const db = store.database
    onWritten?.(db)
    const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    const written = sizes(db)
    // a relay's work in one statement (the bench measures retention, not delivery)
    const deliveredAt = new Date().toISOString()
    db.prepare("UPDATE outbox SET status = 'delivered', attempts = 1, delivered_at = ? WHERE status = 'pending'").run(deliveredAt)
    const r0 = performance.now()
    const compacted = await store.outbox.compact(new Date(Date.parse(deliveredAt) + 1).toISOString())
    const retentionMs = performance.now() - r0
    db.exec('VACUUM')
    return { ms, cpuMs, commands: w.commands.length, events, ...written, retained: { ...sizes(db), compacted, ms: retentionMs } }
  } finally {
    await store.close()
    remove()
  }
}
