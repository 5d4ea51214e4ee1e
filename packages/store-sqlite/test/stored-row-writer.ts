/**
 * The conformance suite's `StoredRowWriter` for a SQLite file: writes straight into the file's
 * tables through the store's own connection, as anyone holding the file could. Shared by the
 * conformance run on a fresh file and the one on a file migrated from an older schema.
 */
import type { EventStore } from '@talent-ledger/core'
import type { StoredRowWriter } from '@talent-ledger/testing/vitest'
import type { SqliteEventStore } from '../src/index.js'

const db = (store: EventStore) => (store as SqliteEventStore).database

/** What the stored-row checks forge with; `dropConstraints` makes a file from before the triggers. */
export const tables: StoredRowWriter = {
  insertEvent: async (store, e) =>
    void db(store)
      .prepare('INSERT INTO events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.globalPosition, e.streamId, e.version, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.prevHash, e.hash),
  moveEvent: async (store, streamId, version, position) =>
    void db(store).prepare('UPDATE events SET global_position = ? WHERE stream_id = ? AND version = ?').run(position, streamId, version),
  deleteEvent: async (store, streamId, version) => void db(store).prepare('DELETE FROM events WHERE stream_id = ? AND version = ?').run(streamId, version),
  insertHead: async (store, h) => void db(store).prepare('INSERT INTO streams (stream_id, version, hash) VALUES (?, ?, ?)').run(h.streamId, h.version, h.hash),
  deleteHead: async (store, streamId) => void db(store).prepare('DELETE FROM streams WHERE stream_id = ?').run(streamId),
  setOutboxRecipient: async (store, id, recipient) => void db(store).prepare('UPDATE outbox SET recipient = ? WHERE id = ?').run(recipient, id),
  setOutboxPayload: async (store, id, payload) => void db(store).prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(payload, id),
  setOutboxPayloadSha256: async (store, id, hash) => void db(store).prepare('UPDATE outbox SET payload_sha256 = ? WHERE id = ?').run(hash, id),
  deleteOutbox: async (store, id) => void db(store).prepare('DELETE FROM outbox WHERE id = ?').run(id),
  insertOutbox: async (store, e) =>
    void db(store)
      .prepare('INSERT INTO outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, e.eventId, e.streamId, e.channel, e.recipient, e.template, e.locale, JSON.stringify(e.payload), '2026-03-01T08:00:00.000Z'),
  // a file from before the stored-row-integrity and outbox-retention migrations has none of their triggers
  dropConstraints: async (store) => {
    for (const name of db(store).prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) db(store).exec(`DROP TRIGGER "${name}"`)
  },
}
