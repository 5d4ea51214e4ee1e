// PostgreSQL schemas for the CLI's end-to-end tests: each test file stores into schemas of its own
// on the local test server and drops them afterwards, so files running at once never meet.
import pg from 'pg'

/** The test server (trust auth, database `test`). */
export const PG_SERVER = 'postgres://postgres@127.0.0.1:5432/test'

/** A schema name no other run uses, starting with `prefix`. */
export const uniqueSchemaName = (prefix: string): string => `${prefix}_${Math.random().toString(36).slice(2, 10)}`

/** The CLI's store URL for `schema` on the test server. */
export const pgStoreUrl = (schema: string): string => `${PG_SERVER}?schema=${schema}`

/** Drops every schema named, with everything in it. */
export const dropSchemas = async (schemas: ReadonlyArray<string>): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_SERVER })
  await client.connect()
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
  } finally {
    await client.end()
  }
}
