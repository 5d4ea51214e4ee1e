/**
 * Erasure through the library API on PostgreSQL, read back page by page with pageinspect: a deleted
 * key row stays in the table's pages (a plain VACUUM can leave it in free space), so `forget`
 * rewrites the table once no snapshot can see the row. With a REPEATABLE READ reader open, the
 * erasure is pending and the bytes remain; after it commits, `completeErasures` finishes it and no
 * page holds the key. The last key inserted (lowest in its page) is erased as well as the first.
 */
import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { cleanupsAfterEach } from '@talent-ledger/testing/vitest'
import { manualClock } from '@talent-ledger/store-memory'
import { createPostgresEventStore, createPostgresKeyStore } from '../src/index.js'
import { freshDatabase, uniqueSchema } from './pg-schemas.js'

const cleanups = cleanupsAfterEach()

/** Whether any page of `schema`.keys holds `bytes`, dead rows and free space included. */
const tableHolds = async (client: pg.Client, schema: string, bytes: Uint8Array): Promise<boolean> => {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT COALESCE(bool_or(position($1::bytea IN get_raw_page($2::text, n::int)) > 0), false) AS found
     FROM generate_series(0, pg_relation_size($2::regclass) / current_setting('block_size')::int - 1) AS n`,
    [Buffer.from(bytes), `"${schema}".keys`],
  )
  return rows[0]!.found
}

describe('erasure on PostgreSQL', () => {
  it('is pending while a reader holds an old snapshot, completeErasures finishes it, and no page keeps the key', async () => {
    // a database of its own: open transactions of tests running beside this one would hold the horizon
    const database = await freshDatabase()
    cleanups.push(database.drop)
    const schema = uniqueSchema()
    const store = await createPostgresEventStore({ connectionString: database.url, schema, poolSize: 2, clock: manualClock('2026-03-01T08:00:00.000Z') })
    cleanups.push(() => store.close())
    const keys = createPostgresKeyStore({ pool: store.pool, schema })
    const connected = async (): Promise<pg.Client> => {
      const c = new pg.Client({ connectionString: database.url })
      await c.connect()
      cleanups.push(() => c.end())
      return c
    }
    const client = await connected()
    const reader = await connected()
    await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect')
    const all = []
    for (let i = 0; i < 20; i++) all.push(await keys.keyFor(`t-${i}`))

    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
    await reader.query(`SELECT COUNT(*) FROM "${schema}".keys`)
    expect(await keys.forget('t-19')).toEqual({ complete: false })
    expect(await keys.find('t-19')).toBeUndefined()
    expect(await tableHolds(client, schema, all[19]!)).toBe(true)
    expect(await keys.pendingErasures()).toEqual([{ subjectId: 't-19', forgottenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }])
    expect(await keys.completeErasures()).toMatchObject({ completed: [], pending: [{ subjectId: 't-19' }] })
    await reader.query('COMMIT')

    expect(await keys.completeErasures()).toEqual({ completed: ['t-19'], pending: [] })
    expect(await tableHolds(client, schema, all[19]!)).toBe(false)
    expect(await keys.forget('t-0')).toEqual({ complete: true })
    expect(await tableHolds(client, schema, all[0]!)).toBe(false)
    expect(await tableHolds(client, schema, all[1]!)).toBe(true)
    expect(await keys.pendingErasures()).toEqual([])
  })
})
