/**
 * The schema floor of the onboarding bench: the rows `onboard` wrote (read back from its file,
 * SOURCE, untimed), written again by the raw driver into a fresh file of our own schema
 * (sqlite/schema-floor.ts) in onboard's transactions — chunks of at most BATCH certificate rows,
 * cut between people (command-rows.ts) — while the registry FILE is read the same way as the floor
 * (floor.ts) and onboard read it: chunk i of the ledger's rows is written once batch i of the file
 * is read. The rows the file held before onboard (the employers `apply` registered, positions up
 * to AFTER) are written first, untimed. It prints one JSON line: the untimed preparation's wall and
 * CPU milliseconds (the bench subtracts them from the process's own), the transactions' own, the
 * commits, the events written and every kind of row written.
 * Usage: node dist/onboard/schema-floor.js SOURCE AFTER FILE DB [FULL|NORMAL] [BATCH]
 */
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { inOnboardChunks } from '../sqlite/command-rows.js'
import { readCommandRows, rowCounts } from '../sqlite/command-rows-read.js'
import { openSchemaFloor } from '../sqlite/schema-floor.js'
import { rowBatches } from './floor-rows.js'

const [source, afterArg, file, dbPath, durability = 'FULL', batchArg = '500'] = process.argv.slice(2)
if (source === undefined || afterArg === undefined || file === undefined || dbPath === undefined || (durability !== 'FULL' && durability !== 'NORMAL')) {
  console.error('usage: schema-floor.js SOURCE AFTER FILE DB [FULL|NORMAL] [BATCH]')
  process.exit(2)
}
const [after, batch] = [Number(afterArg), Number(batchArg)]

const p0 = performance.now()
const c0 = process.cpuUsage()
const read = new Database(source, { readonly: true })
const prelude = readCommandRows(read, 0, after)
const chunks = inOnboardChunks(readCommandRows(read, after), batch)
read.close()
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
const floor = openSchemaFloor(dbPath, { durability, prelude })
const prep = process.cpuUsage(c0)
const t0 = performance.now()
let inserting = 0
let k = 0
const writeNext = (): void => {
  const t = performance.now()
  floor.write(chunks[k++]!)
  inserting += performance.now() - t
}
// the file is read as onboard and the floor read it; the ledger's chunk follows each batch read
for await (const rows of rowBatches(file, batch)) if (rows.length > 0 && k < chunks.length) writeNext()
while (k < chunks.length) writeNext()
const ms = performance.now() - t0
const events = floor.events()
await floor.close()
console.log(JSON.stringify({ prepMs: t0 - p0, prepCpuMs: (prep.user + prep.system) / 1000, ms, insertMs: inserting, commits: chunks.length, events, rows: rowCounts(chunks.flat()) }))
