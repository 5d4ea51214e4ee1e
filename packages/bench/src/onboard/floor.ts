/**
 * The floor of the onboarding bench: what the driver alone costs. Reads the same file the same way
 * as `onboard` (the CLI's own row source: iconv-lite + csv-parse, streamed) and inserts every data
 * row, as it comes, into a minimal table of a fresh SQLite file (WAL, the same durability),
 * 500 rows per transaction like onboard's chunks, with one prepared statement and no checks: no
 * decoding, no deciding, no sealing, no hashing, no keys. Onboarding's rows/s over this one, from
 * the same run, is the ratio the issue asks for.
 * Usage: node dist/onboard/floor.js FILE DB [FULL|NORMAL] [BATCH]
 */
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { REGISTRY_COLUMNS, rowBatches, rowValues, type RegistryRow } from './floor-rows.js'

const [file, dbPath, durability = 'FULL', batchArg = '500'] = process.argv.slice(2)
if (file === undefined || dbPath === undefined || !['FULL', 'NORMAL'].includes(durability)) {
  console.error('usage: floor.js FILE DB [FULL|NORMAL] [BATCH]')
  process.exit(2)
}
const batch = Number(batchArg)

for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
const db = new Database(dbPath)
db.pragma('journal_mode = WAL')
db.pragma(`synchronous = ${durability}`)
// the registry's 13 columns as they are read, keyed by line
db.exec(`CREATE TABLE rows (line INTEGER PRIMARY KEY, ${Array.from({ length: REGISTRY_COLUMNS }, (_, i) => `c${i} TEXT`).join(', ')})`)
const insert = db.prepare(`INSERT INTO rows VALUES (?${', ?'.repeat(REGISTRY_COLUMNS)})`)
const insertAll = db.transaction((rows: ReadonlyArray<RegistryRow>) => {
  for (const r of rows) insert.run(...rowValues(r))
})

let n = 0
for await (const rows of rowBatches(file, batch)) {
  insertAll(rows)
  n += rows.length
}
db.close()
console.log(n)
