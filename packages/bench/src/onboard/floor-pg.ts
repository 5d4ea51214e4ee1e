/**
 * The onboarding floor on PostgreSQL: as floor.ts, with node-postgres. The same file read the same
 * way (the CLI's row source), every data row inserted by one prepared INSERT into a minimal table
 * of a fresh schema, 500 rows a transaction (BEGIN … COMMIT, synchronous_commit as the server has
 * it), no checks. The schema is dropped at the end.
 * Usage: node dist/onboard/floor-pg.js FILE SCHEMA [BATCH]   (server: TL_BENCH_PG_URL, default the test server)
 */
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { connectionString } from '../postgres/connection.js'

const [file, schema, batchArg = '500'] = process.argv.slice(2)
if (file === undefined || schema === undefined || !/^[a-z0-9_]+$/.test(schema)) {
  console.error('usage: floor-pg.js FILE SCHEMA [BATCH]')
  process.exit(2)
}
const batch = Number(batchArg)
const ROW_SOURCE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cli', 'dist', 'onboard', 'row-source.js')).href
// the CLI's module, loaded from its build (the bench workspace does not depend on the CLI package)
const { openRows } = (await import(ROW_SOURCE)) as { openRows: (file: string) => { rows: AsyncIterable<{ line: number; cells: ReadonlyArray<string> }> } }

const client = new pg.Client({ connectionString })
await client.connect()
await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`)
await client.query(`CREATE TABLE "${schema}".rows (line integer PRIMARY KEY, ${Array.from({ length: 13 }, (_, i) => `c${i} text`).join(', ')})`)
const insert = { name: `floor_insert_${schema}`, text: `INSERT INTO "${schema}".rows VALUES (${Array.from({ length: 14 }, (_, i) => `$${i + 1}`).join(', ')})` }
const insertAll = async (rows: ReadonlyArray<{ line: number; cells: ReadonlyArray<string> }>): Promise<void> => {
  await client.query('BEGIN')
  for (const r of rows) await client.query({ ...insert, values: [r.line, ...Array.from({ length: 13 }, (_, i) => r.cells[i] ?? null)] })
  await client.query('COMMIT')
}

let header = true
let n = 0
let pending: Array<{ line: number; cells: ReadonlyArray<string> }> = []
try {
  for await (const row of openRows(file).rows) {
    if (header) {
      header = false
      continue
    }
    pending.push(row)
    if (pending.length >= batch) {
      await insertAll(pending)
      n += pending.length
      pending = []
    }
  }
  await insertAll(pending)
  n += pending.length
} finally {
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await client.end()
}
console.log(n)
