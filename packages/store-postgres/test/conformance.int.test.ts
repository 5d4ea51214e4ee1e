/**
 * The PostgreSQL store against the EventStore and KeyStore conformance suites, in a fresh schema per test. The
 * stored-row checks write straight into the schema's tables through the store's pool, one
 * statement per transaction, as anyone with the database's rights could.
 */
import { describeEventStoreConformance, describeKeyStoreConformance, type StoredRowWriter } from '@talent-ledger/testing/vitest'
import type { EventStore } from '@talent-ledger/core'
import { createPostgresEventStore, createPostgresKeyStore, type PostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, freshDatabase, uniqueSchema } from './pg-schemas.js'

const run = async (store: EventStore, sql: (schema: string) => string, values: unknown[]): Promise<void> => {
  const pg = store as PostgresEventStore
  await pg.pool.query(sql(`"${pg.schema}"`), values)
}

const tables: StoredRowWriter = {
  insertEvent: (store, e) =>
    run(store, (s) => `INSERT INTO ${s}.events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
      e.globalPosition, e.streamId, e.version, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.prevHash, e.hash,
    ]),
  moveEvent: (store, streamId, version, position) => run(store, (s) => `UPDATE ${s}.events SET global_position = $1 WHERE stream_id = $2 AND version = $3`, [position, streamId, version]),
  deleteEvent: (store, streamId, version) => run(store, (s) => `DELETE FROM ${s}.events WHERE stream_id = $1 AND version = $2`, [streamId, version]),
  insertHead: (store, h) => run(store, (s) => `INSERT INTO ${s}.streams (stream_id, version, hash) VALUES ($1, $2, $3)`, [h.streamId, h.version, h.hash]),
  deleteHead: (store, streamId) => run(store, (s) => `DELETE FROM ${s}.streams WHERE stream_id = $1`, [streamId]),
  setOutboxRecipient: (store, id, recipient) => run(store, (s) => `UPDATE ${s}.outbox SET recipient = $1 WHERE id = $2`, [recipient, id]),
  setOutboxPayload: (store, id, payload) => run(store, (s) => `UPDATE ${s}.outbox SET payload = $1::jsonb WHERE id = $2`, [payload, id]),
  setOutboxPayloadSha256: (store, id, hash) => run(store, (s) => `UPDATE ${s}.outbox SET payload_sha256 = $1 WHERE id = $2`, [hash, id]),
  deleteOutbox: (store, id) => run(store, (s) => `DELETE FROM ${s}.outbox WHERE id = $1`, [id]),
  insertOutbox: (store, e) =>
    run(store, (s) => `INSERT INTO ${s}.outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      e.id, e.eventId, e.streamId, e.channel, e.recipient, e.template, e.locale, JSON.stringify(e.payload), '2026-03-01T08:00:00.000Z',
    ]),
  // a schema from before the stored-row-integrity and outbox-retention migrations has none of their constraints
  dropConstraints: async (store) => {
    for (const sql of [
      (s: string) => `ALTER TABLE ${s}.events DROP CONSTRAINT events_position_positive, DROP CONSTRAINT events_stream_head`,
      (s: string) => `ALTER TABLE ${s}.streams DROP CONSTRAINT streams_last_event`,
      (s: string) => `DROP TRIGGER events_never_deleted ON ${s}.events`,
      (s: string) => `DROP TRIGGER streams_never_back ON ${s}.streams`,
      (s: string) => `DROP TRIGGER outbox_compacted_kept ON ${s}.outbox`,
      (s: string) => `ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_compacted_delivered`,
    ])
      await run(store, sql, [])
  },
}

describeEventStoreConformance(
  'postgres',
  async () => {
    const schema = uniqueSchema()
    const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 4 })
    return { store, cleanup: () => dropSchema(schema) }
  },
  { tables },
)

// a database of its own per test: erasure completes only when no transaction in the database is
// as old as the delete, and tests running beside this one hold such transactions in the shared one
describeKeyStoreConformance('postgres', async () => {
  const database = await freshDatabase()
  const store = await createPostgresEventStore({ connectionString: database.url, schema: uniqueSchema(), poolSize: 2 })
  return { keys: createPostgresKeyStore(store), close: async () => (await store.close(), await database.drop()) }
})
