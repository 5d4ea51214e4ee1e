/**
 * Contender 2: better-sqlite3 used directly, doing the same durable work as our store and nothing
 * more: the same tables, one `BEGIN IMMEDIATE` transaction per append that reads the stream head,
 * checks the expected version, seals with core's `sealEvents` (the same node:crypto SHA-256 chain),
 * inserts and moves the head; reads parse the JSON columns without validating them.
 */
import Database from 'better-sqlite3'
import { sealEvents, type RecordedEvent } from '@talent-ledger/core'
import { nativeSha256Hex } from '@talent-ledger/store-sqlite'
import type { OpenContender } from '../shared/contender.js'

const SCHEMA = `
  CREATE TABLE events (
    global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL, hash TEXT NOT NULL);
`
const COLUMNS = 'global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash'

interface Row {
  global_position: number
  stream_id: string
  version: number
  event_id: string
  type: string
  schema_version: number
  data: string
  metadata: string
  prev_hash: string
  hash: string
}

const fromRow = (r: Row): RecordedEvent => ({
  eventId: r.event_id,
  streamId: r.stream_id,
  version: r.version,
  globalPosition: r.global_position,
  type: r.type,
  schemaVersion: r.schema_version,
  data: JSON.parse(r.data) as unknown,
  metadata: JSON.parse(r.metadata) as RecordedEvent['metadata'],
  prevHash: r.prev_hash,
  hash: r.hash,
})

/** The raw contender's name at a durability. */
export const rawName = (durability: 'FULL' | 'NORMAL' = 'FULL'): string => `raw better-sqlite3${durability === 'FULL' ? '' : ' (NORMAL)'}`

/** better-sqlite3 12 with WAL and synchronous = FULL, on a fresh file. */
export const openRaw: OpenContender = (path) => openRawAt('FULL')(path)

/** better-sqlite3 12 with WAL and synchronous = `durability`, on a fresh file. */
export const openRawAt = (durability: 'FULL' | 'NORMAL'): OpenContender => async (path) => {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${durability}`)
  db.exec(SCHEMA)
  const head = db.prepare('SELECT version, hash FROM streams WHERE stream_id = ?')
  const top = db.prepare('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck()
  const insert = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const moveHead = db.prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, hash = excluded.hash')
  const readStream = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY version`)
  const readAll = db.prepare(`SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
  const append = db.transaction((streamId: string, events: Parameters<typeof sealEvents>[1], expected: number) => {
    const h = head.get(streamId) as { version: number; hash: string } | undefined
    if ((h?.version ?? 0) !== expected) throw new Error(`conflict on ${streamId}: expected ${expected}, found ${h?.version ?? 0}`)
    const at = top.get() as number
    const sealed = sealEvents({ streamId, version: expected, hash: h?.hash ?? '' }, events, (i) => at + i + 1, nativeSha256Hex)
    for (const e of sealed)
      insert.run(e.globalPosition, e.streamId, e.version, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.prevHash, e.hash)
    const last = sealed[sealed.length - 1]!
    moveHead.run(streamId, last.version, last.hash)
  })
  return {
    name: rawName(durability),
    checksEnvelopes: false,
    append: async (b) => append.immediate(b.streamId, b.events, b.expected),
    readStream: async (streamId) => (readStream.all(streamId) as Row[]).map(fromRow),
    readAll: async (after, limit) => (readAll.all(after, limit) as Row[]).map(fromRow),
    close: async () => void db.close(),
  }
}
