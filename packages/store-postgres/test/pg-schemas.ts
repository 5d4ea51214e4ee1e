/**
 * A fresh schema per test on the shared test server, dropped afterwards, so tests (and engineers)
 * running at once never see each other's rows.
 */
import pg from 'pg'

/** The test server (trust auth): `PG_TEST_URL` or the local one. */
export const TEST_URL = process.env['PG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A schema name no other test uses. */
export const uniqueSchema = (): string => `tl_test_${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`

/** Drops `schema` and everything in it. */
export const dropSchema = async (schema: string): Promise<void> => {
  const client = new pg.Client({ connectionString: TEST_URL })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } finally {
    await client.end()
  }
}

/** A plain client on the test server (for raw SQL in tests); the caller ends it. */
export const rawClient = async (): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: TEST_URL })
  client.on('error', () => undefined)
  await client.connect()
  return client
}

/**
 * A database of its own on the test server (from template0, so concurrent creations never wait on
 * template1) and its removal: for tests whose outcome depends on the transaction horizon, which
 * other tests' open transactions in the shared database would hold back.
 */
export const freshDatabase = async (): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `tl_db_${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = await rawClient()
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = await rawClient()
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}
