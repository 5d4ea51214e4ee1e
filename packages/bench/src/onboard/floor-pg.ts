/**
 * The onboarding floor on PostgreSQL: as floor.ts, with node-postgres. The same file read the same
 * way (the CLI's row source), every data row inserted by one prepared INSERT into a minimal table
 * of a fresh schema, 500 rows a transaction (BEGIN … COMMIT, synchronous_commit as the server has
 * it), no checks. The schema is dropped at the end.
 * Usage: node dist/onboard/floor-pg.js FILE SCHEMA [BATCH]   (server: TL_BENCH_PG_URL, default the test server)
 */
import pg from 'pg'
import { connectionString } from '../postgres/connection.js'
import { REGISTRY_COLUMNS, rowBatches, rowValues, type RegistryRow } from './floor-rows.js'

const [file, schema, batchArg = '500'] = process.argv.slice(2)
if (file === undefined || schema === undefined || !/^[a-z0-9_]+$/.test(schema)) {
  console.error('usage: floor-pg.js FILE SCHEMA [BATCH]')
  process.exit(2)
}
const batch = Number(batchArg)

const client = new pg.Client({ connectionString })
await client.connect()
await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`)
await client.query(`CREATE TABLE "${schema}".rows (line integer PRIMARY KEY, ${Array.from({ length: REGISTRY_COLUMNS }, (_, i) => `c${i} text`).join(', ')})`)
const insert = { name: `floor_insert_${schema}`, text: `INSERT INTO "${schema}".rows VALUES (${Array.from({ length: REGISTRY_COLUMNS + 1 }, (_, i) => `$${i + 1}`).join(', ')})` }
const insertAll = async (rows: ReadonlyArray<RegistryRow>): Promise<void> => {
  await client.query('BEGIN')
  for (const r of rows) await client.query({ ...insert, values: rowValues(r) })
  await client.query('COMMIT')
}

let n = 0
try {
  for await (const rows of rowBatches(file, batch)) {
    await insertAll(rows)
    n += rows.length
  }
} finally {
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await client.end()
}
console.log(n)
