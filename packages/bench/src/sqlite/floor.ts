/**
 * The floor on SQLite: better-sqlite3 with the least an event store can do and still be one — a
 * minimal table (position, stream, version, type, data, metadata; the version unique per stream,
 * which is the whole expected-version check), no hash chain, no head row, one INSERT statement per
 * append (all the append's events in it, SQLite's implicit transaction around it) at the same
 * durability as ours. Reads parse the two JSON columns and check nothing. What no store keeping our
 * guarantees can beat: the headline ratio of `pnpm bench` is ours against this.
 */
import Database from 'better-sqlite3'
import type { RecordedEvent } from '@talent-ledger/core'
import type { OpenContender } from '../shared/contender.js'

/** The floor's one table (also the command path's floor, command-floor.ts). */
export const SCHEMA = `
  CREATE TABLE events (
    global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, version)
  );
`
type Row = readonly [number, string, number, string, string, string]

const fromRow = (r: Row): RecordedEvent => ({
  globalPosition: r[0],
  streamId: r[1],
  version: r[2],
  type: r[3],
  data: JSON.parse(r[4]) as unknown,
  metadata: JSON.parse(r[5]) as RecordedEvent['metadata'],
  // the floor keeps none of these
  eventId: '',
  schemaVersion: 0,
  prevHash: '',
  hash: '',
})

/** The floor's name at a durability. */
export const floorName = (durability: 'FULL' | 'NORMAL'): string => `floor better-sqlite3${durability === 'FULL' ? '' : ' (NORMAL)'}`

/** The floor on a fresh file, WAL with synchronous = `durability`. */
export const openFloor =
  (durability: 'FULL' | 'NORMAL'): OpenContender =>
  async (path) => {
    const db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${durability}`)
    db.exec(SCHEMA)
    // one statement per batch size, prepared once
    const inserts = new Map<number, Database.Statement>()
    const insertOf = (n: number): Database.Statement => {
      let s = inserts.get(n)
      if (s === undefined) {
        s = db.prepare(`INSERT INTO events (stream_id, version, type, data, metadata) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', ')}`)
        inserts.set(n, s)
      }
      return s
    }
    const readStream = db.prepare('SELECT global_position, stream_id, version, type, data, metadata FROM events WHERE stream_id = ? ORDER BY version').raw()
    const readAll = db.prepare('SELECT global_position, stream_id, version, type, data, metadata FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?').raw()
    return {
      name: floorName(durability),
      checksEnvelopes: false,
      floor: true,
      append: async (b) => {
        const values: unknown[] = []
        b.events.forEach((e, i) => values.push(b.streamId, b.expected + i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)))
        insertOf(b.events.length).run(...values)
      },
      readStream: async (streamId) => (readStream.all(streamId) as Row[]).map(fromRow),
      readAll: async (after, limit) => (readAll.all(after, limit) as Row[]).map(fromRow),
      close: async () => void db.close(),
    }
  }
