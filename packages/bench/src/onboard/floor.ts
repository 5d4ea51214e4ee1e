/**
 * The floor of the onboarding bench: what the driver alone costs. Reads the same file the same way
 * as `onboard` (the CLI's own row source: iconv-lite + csv-parse, streamed) and inserts every data
 * row, as it comes, into a minimal table of a fresh SQLite file (WAL, the same durability),
 * 500 rows per transaction like onboard's chunks, with one prepared statement and no checks: no
 * decoding, no deciding, no sealing, no hashing, no keys. Onboarding's rows/s over this one, from
 * the same run, is the ratio the issue asks for.
 * Usage: node dist/onboard/floor.js FILE DB [FULL|NORMAL] [BATCH]
 */
import { dirname, join } from 'node:path'
import { rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

const [file, dbPath, durability = 'FULL', batchArg = '500'] = process.argv.slice(2)
if (file === undefined || dbPath === undefined || !['FULL', 'NORMAL'].includes(durability)) {
  console.error('usage: floor.js FILE DB [FULL|NORMAL] [BATCH]')
  process.exit(2)
}
const batch = Number(batchArg)
const ROW_SOURCE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cli', 'dist', 'onboard', 'row-source.js')).href
// the CLI's module, loaded from its build (the bench workspace does not depend on the CLI package)
const { openRows } = (await import(ROW_SOURCE)) as { openRows: (file: string) => { rows: AsyncIterable<{ line: number; cells: ReadonlyArray<string> }> } }

for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
const db = new Database(dbPath)
db.pragma('journal_mode = WAL')
db.pragma(`synchronous = ${durability}`)
// the registry's 13 columns as they are read, keyed by line
db.exec(`CREATE TABLE rows (line INTEGER PRIMARY KEY, ${Array.from({ length: 13 }, (_, i) => `c${i} TEXT`).join(', ')})`)
const insert = db.prepare(`INSERT INTO rows VALUES (?${', ?'.repeat(13)})`)
const insertAll = db.transaction((rows: ReadonlyArray<{ line: number; cells: ReadonlyArray<string> }>) => {
  for (const r of rows) insert.run(r.line, ...Array.from({ length: 13 }, (_, i) => r.cells[i] ?? null))
})

let header = true
let n = 0
let pending: Array<{ line: number; cells: ReadonlyArray<string> }> = []
for await (const row of openRows(file).rows) {
  if (header) {
    header = false
    continue
  }
  pending.push(row)
  if (pending.length >= batch) {
    insertAll(pending)
    n += pending.length
    pending = []
  }
}
insertAll(pending)
n += pending.length
db.close()
console.log(n)
