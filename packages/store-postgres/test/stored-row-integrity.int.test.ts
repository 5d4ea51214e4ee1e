/**
 * The stored-row-integrity migration on a schema that already holds a row it forbids: the schema
 * is taken back to before it (constraints, triggers and function dropped, its `schema_migrations` row deleted, and the
 * later migrations undone too), an event is
 * moved to a negative position as an older release would have let anyone do, and the store is
 * opened again. The migration applies (NOT VALID: the old row is left to verify), `verifyLedger`
 * names the row, and the same write is refused from now on.
 */
import { expect, it } from 'vitest'
import { verifyLedger } from '@talent-ledger/core'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

it('migrates a schema holding a row at a negative position, which verify then names, and refuses the next one', async () => {
  const schema = uniqueSchema()
  cleanups.push(() => dropSchema(schema))
  const first = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
  expect((await first.append('probe-1', storeProbes(3), 'no-stream')).ok).toBe(true)
  await first.close()
  const raw = await rawClient()
  cleanups.push(() => raw.end())
  const s = `"${schema}"`
  for (const statement of [
    `ALTER TABLE ${s}.events DROP CONSTRAINT events_position_positive, DROP CONSTRAINT events_stream_head`,
    `ALTER TABLE ${s}.streams DROP CONSTRAINT streams_last_event`,
    `DROP FUNCTION ${s}.refuse_row_change() CASCADE`,
    // and before the migrations after it (outbox-retention, whose trigger went with the function above, and outbox-shared-payloads)
    `ALTER TABLE ${s}.outbox DROP COLUMN payload_sha256`,
    `DROP TABLE ${s}.outbox_payloads`,
    `DROP FUNCTION ${s}.refuse_read_payload_delete()`,
    `ALTER TABLE ${s}.outbox DROP COLUMN payload_ref, ALTER COLUMN payload SET NOT NULL`,
    `ALTER TABLE ${s}.events DROP CONSTRAINT events_position_safe`,
    `DROP INDEX ${s}.outbox_by_stream`,
    `DELETE FROM ${s}.schema_migrations WHERE name IN ('stored-row-integrity', 'outbox-retention', 'outbox-shared-payloads', 'position-base-inline', 'outbox-by-stream')`,
    `UPDATE ${s}.events SET global_position = -7 WHERE stream_id = 'probe-1' AND version = 2`,
  ])
    await raw.query(statement)

  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
  cleanups.push(() => store.close())
  expect((await raw.query(`SELECT count(*)::integer AS n FROM ${s}.schema_migrations WHERE name = 'stored-row-integrity'`)).rows[0]).toEqual({ n: 1 })
  const verified = await verifyLedger(store, { notifications: null })
  expect(verified.ok).toBe(false)
  if (!verified.ok) expect(verified.findings[0]).toMatchObject({ stream: 'probe-1', version: 2, reason: expect.stringMatching(/position -7, outside the log's order/) })
  await expect(raw.query(`UPDATE ${s}.events SET global_position = -8 WHERE stream_id = 'probe-1' AND version = 3`)).rejects.toThrow(/events_position_positive/)
  // appends go on as before
  expect((await store.append('probe-1', storeProbes(1, 4), 3)).ok).toBe(true)
})
