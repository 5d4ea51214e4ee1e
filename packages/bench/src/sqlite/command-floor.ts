/**
 * The floor of the ledger's command path: what one accepted command must at least cost on SQLite —
 * one durable commit (WAL, synchronous = FULL, as the ledger path) holding that command's events on
 * every stream it touched, in the floor's minimal table (floor.ts: no hash chain, no head row, no
 * outbox, no decision). A command's events are the workload's consecutive batches with one
 * correlation id.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Batch, Workload } from '../shared/workload.js'
import { SCHEMA } from './floor.js'
import { freshDir } from './phases.js'

/** The workload's batches grouped by command: consecutive batches sharing their events' correlation id. */
export const commandsOf = (batches: ReadonlyArray<Batch>): Batch[][] => {
  const commands: Batch[][] = []
  let last: string | undefined
  for (const b of batches) {
    const id = b.events[0]?.metadata.correlationId
    if (id !== undefined && id === last) commands[commands.length - 1]!.push(b)
    else commands.push([b])
    last = id
  }
  return commands
}

/** Appends every command's events in one transaction each on a new file; returns the milliseconds, commits and events. */
export const runCommandFloor = (w: Workload): { ms: number; commits: number; events: number } => {
  const { dir, remove } = freshDir()
  const db = new Database(join(dir, 'floor.sqlite'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(SCHEMA)
    const insert = db.prepare('INSERT INTO events (stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?)')
    const commit = db.transaction((command: ReadonlyArray<Batch>) => {
      for (const b of command) b.events.forEach((e, i) => insert.run(b.streamId, b.expected + i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)))
    })
    const commands = commandsOf(w.batches)
    const t0 = performance.now()
    for (const command of commands) commit(command)
    const ms = performance.now() - t0
    const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    if (events !== w.events) throw new Error(`the command floor stored ${events} events of ${w.events}`)
    return { ms, commits: commands.length, events }
  } finally {
    db.close()
    remove()
  }
}
