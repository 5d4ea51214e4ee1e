/**
 * Opening a store: the migrations create the schema once even when two openers race; a schema
 * written by a newer release, a schema name that is not a plain identifier and a server that cannot
 * be reached are refused with errors that say so (naming the schema, or host and port).
 */
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import {
  LATEST_SCHEMA_VERSION,
  PostgresSchemaError,
  PostgresStoreError,
  PostgresUnreachableError,
  createPostgresEventStore,
} from '../src/index.js'
import { TEST_URL, dropSchema, rawClient, uniqueSchema } from './pg-schemas.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('opening a store', () => {
  it('migrates a new schema once when several openers race', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const stores = await Promise.all(Array.from({ length: 4 }, () => createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1 })))
    cleanups.push(async () => void (await Promise.all(stores.map((s) => s.close()))))
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    const { rows } = await raw.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`)
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1))
    expect(await stores[2]!.readAll()).toEqual([])
  })

  it('uses a pool of the caller and leaves it open on close', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    const pool = new pg.Pool({ connectionString: TEST_URL, max: 2 })
    cleanups.push(() => pool.end())
    const store = await createPostgresEventStore({ pool, schema })
    expect(store.pool).toBe(pool)
    await store.close()
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  it('refuses a schema whose version is newer than this code', async () => {
    const schema = uniqueSchema()
    cleanups.push(() => dropSchema(schema))
    await (await createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1 })).close()
    const raw = await rawClient()
    cleanups.push(() => raw.end())
    await raw.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (99, 'from-the-future')`)
    const attempt = createPostgresEventStore({ connectionString: TEST_URL, schema, poolSize: 1 })
    await expect(attempt).rejects.toBeInstanceOf(PostgresSchemaError)
    await expect(attempt).rejects.toThrow(`its schema version 99 is newer than this release of @talent-ledger/store-postgres knows (${LATEST_SCHEMA_VERSION})`)
  })

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(createPostgresEventStore({ connectionString: TEST_URL, schema: 'x"; DROP TABLE y; --' })).rejects.toBeInstanceOf(PostgresSchemaError)
    await expect(createPostgresEventStore({ connectionString: TEST_URL, schema: 'Ledger' })).rejects.toThrow('a schema name must be a lower-case identifier')
  })

  it('names host and port when the server cannot be reached', async () => {
    const attempt = createPostgresEventStore({ connectionString: 'postgres://postgres:secret@127.0.0.1:1/test' })
    await expect(attempt).rejects.toBeInstanceOf(PostgresUnreachableError)
    await expect(attempt).rejects.toBeInstanceOf(PostgresStoreError)
    await expect(attempt).rejects.toThrow(/^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test: .*ECONNREFUSED/)
    await expect(attempt).rejects.not.toThrow(/secret/)
  })
})
