// A second process reading a SQLite store: opens FILE read-only, begins a read transaction, reads
// the keys table, prints "holding N" and keeps that snapshot until SIGTERM, then commits and exits.
// It must be another process: a test that reads the store's files itself would drop the reader's
// POSIX locks (closing any descriptor of a file releases the process's locks on it).
// usage: node held-reader.mjs FILE
/* global process, setInterval, clearInterval */
import Database from 'better-sqlite3'

const db = new Database(process.argv[2], { readonly: true })
db.exec('BEGIN')
const count = db.prepare('SELECT COUNT(*) FROM keys').pluck().get()
process.stdout.write(`holding ${count}\n`)
const alive = setInterval(() => undefined, 1_000)
process.on('SIGTERM', () => {
  db.exec('COMMIT')
  db.close()
  clearInterval(alive)
  process.stdout.write('released\n')
})
