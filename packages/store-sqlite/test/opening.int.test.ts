/**
 * Opening files: a fresh file gets WAL, the chosen durability and the schema (once); what is not a
 * store — garbage bytes, another application's SQLite database, a schema newer than the code — is
 * refused with a `StoreOpenError` naming the path, and the foreign file is left untouched.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, StoreOpenError, createSqliteEventStore } from '../src/index.js'
import { tempStorePath } from './temp-files.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})
const newPath = (): string => {
  const t = tempStorePath()
  cleanups.push(t.cleanup)
  return t.path
}

const openError = (path: string): StoreOpenError => {
  try {
    createSqliteEventStore({ path })
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as Error).message).toContain(path)
    return error as StoreOpenError
  }
  return expect.fail('the file was opened as a store')
}

describe('opening a store file', () => {
  it('sets WAL and the durability, and applies each migration once', async () => {
    const path = newPath()
    for (const [durability, level] of [['FULL', 2], ['NORMAL', 1], [undefined, 2]] as const) {
      const store = createSqliteEventStore({ path, durability })
      expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(store.database.pragma('synchronous', { simple: true })).toBe(level)
      const applied = store.database.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
      expect(applied).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1))
      await store.close()
    }
  })

  it('refuses a file of garbage bytes as not a SQLite database', () => {
    const path = newPath()
    writeFileSync(path, randomBytes(8192))
    expect(openError(path).message).toContain('not a SQLite database')
  })

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const path = newPath()
    const foreign = new Database(path)
    foreign.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('王芳')")
    foreign.close()
    const bytes = readFileSync(path)
    expect(openError(path).message).toMatch(/another application.*customers/)
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('refuses a file whose schema is newer than this code knows', async () => {
    const path = newPath()
    await createSqliteEventStore({ path }).close()
    const raw = new Database(path)
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'future', '2030-01-01')
    raw.close()
    expect(openError(path).message).toMatch(/schema version \d+ is newer/)
  })
})
