/**
 * `bench:storage --db FILE`: what a SQLite ledger takes on disk against its export — the file (and
 * its write-ahead log) in bytes per event, against the bytes per event of `talent-ledger export`
 * (canonical JSON Lines of every event, hashes included: the log with nothing else). Issue 15's
 * aim is a file of at most twice the export. The file is only read (the export), not changed.
 * Usage: node dist/storage.bench.js --db FILE [--json FILE]
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { exportLedger } from './ledger-file.js'
import { fmt } from './shared/report.js'
import { bytesOnDisk, freshDir } from './sqlite/phases.js'
import { writeRecord } from './summary/record.js'

const { values } = parseArgs({ options: { db: { type: 'string' }, json: { type: 'string' } } })
if (values.db === undefined) {
  console.error('usage: storage.bench.js --db FILE [--json FILE]')
  process.exit(2)
}
const db = values.db
const fileBytes = bytesOnDisk(db)
const { dir, remove } = freshDir()
try {
  const out = join(dir, 'export.jsonl')
  exportLedger(db, out)
  const exportBytes = statSync(out).size
  const text = readFileSync(out, 'utf8')
  let events = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) events++
  const [ours, floor] = [fileBytes / events, exportBytes / events]
  console.log(`storage of ${db}: ${fmt(events)} events; file + WAL ${fmt(fileBytes)} bytes (${fmt(ours)} per event), export ${fmt(exportBytes)} bytes (${fmt(floor)} per event): ${(ours / floor).toFixed(2)}× the export`)
  writeRecord(values.json, { phase: 'storage', label: `storage, bytes per event: SQLite file vs its export, ${fmt(events)} events`, unit: 'bytes/event', ours, floor, events, bench: 'bench:storage' })
} finally {
  remove()
}
