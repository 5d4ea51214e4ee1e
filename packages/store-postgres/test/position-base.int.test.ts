/**
 * `position_base()` is plain SQL since the position-base-inline migration (the planner inlines it),
 * and the bound it used to check is a CHECK on `events`: a position JavaScript cannot represent
 * exactly (2^53 and above) is refused whoever writes it, and one just below is not.
 */
import { expect, it } from 'vitest'
import { cleanupsAfterEach, storeProbes } from '@talent-ledger/testing/vitest'
import { createPostgresEventStore } from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

it('is inlined SQL, and positions at 2^53 or above are refused when written', async () => {
  const schema = uniqueSchema()
  cleanups.push(() => dropSchema(schema))
  const store = await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 2 })
  cleanups.push(() => store.close())
  expect((await store.append('probe-1', storeProbes(1), 'no-stream')).ok).toBe(true)
  const raw = await rawClient()
  cleanups.push(() => raw.end())
  const { rows } = await raw.query<{ lanname: string }>(
    `SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND p.proname = 'position_base'`,
    [schema],
  )
  expect(rows).toEqual([{ lanname: 'sql' }])
  const insertAt = (position: bigint, version: number) =>
    raw.query(
      `INSERT INTO "${schema}".events (global_position, stream_id, version, event_id, type, schema_version, data, metadata, prev_hash, hash)
       SELECT $1::bigint, stream_id, $2::integer, event_id || '-' || $2::text, type, schema_version, data, metadata, prev_hash, hash FROM "${schema}".events WHERE stream_id = 'probe-1' AND version = 1`,
      [position.toString(), version],
    )
  await expect(insertAt(2n ** 53n, 2)).rejects.toThrow(/events_position_safe/)
  // one below the bound passes this check (the deferred foreign key then refuses a head-less row at commit)
  await raw.query('BEGIN')
  await expect(insertAt(2n ** 53n - 1n, 2)).resolves.toMatchObject({ rowCount: 1 })
  await raw.query('ROLLBACK')
})
